package jp.madoguchi.forms.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import jp.madoguchi.forms.render.GlyphSvg;
import jp.madoguchi.forms.render.PrintFont;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.text.ExactText;
import jp.madoguchi.text.FontCoverage;
import jp.madoguchi.text.TextProblem;
import jp.madoguchi.text.Variation;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The 異体字 picker's source: the variation sequences the print font lists for a character,
 * and the glyph each prints with. Only what the font holds is offered, and a sequence it
 * lacks is refused (422 {@code VARIATION_NOT_IN_FONT}), so a name picked here always
 * prints. The listing comes from the font's own {@code cmap} format 14 (text module), the
 * drawing from the font the forms print with.
 */
@Service
public class CharacterVariations {

	private final FontCoverage coverage;

	private final PrintFont font;

	CharacterVariations(FontCoverage coverage, PrintFont font) {
		this.coverage = coverage;
		this.font = font;
	}

	/**
	 * The variations of {@code text}'s base character. {@code text} is one character,
	 * alone or already followed by a selector (a pasted 辻󠄂 lists the variations of 辻).
	 * @throws ProblemException 422 {@code CHARACTER_NOT_ONE} unless {@code text} is one
	 * character, 422 {@code CHARACTER_NOT_IN_FONT} or {@code VARIATION_NOT_IN_FONT} when
	 * the font lacks it, 503 {@code FONT_UNAVAILABLE}
	 */
	public Listing variationsOf(String text) {
		int[] character = checked(text);
		return new Listing(new String(character, 0, 1), TextProblem.codePointLabel(character[0]),
				coverage.variations(character[0]));
	}

	/**
	 * The glyph {@code codePoints} (one code point, or base + selector) prints with, as
	 * an SVG document; same refusals as {@link #variationsOf(String)}.
	 */
	public String glyph(int... codePoints) {
		int[] character = checked(new String(codePoints, 0, codePoints.length));
		try {
			return GlyphSvg.of(font, new String(character, 0, character.length));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private int[] checked(String text) {
		font.requireAvailable();
		int[] codePoints = text.codePoints().toArray();
		if (ExactText.glyphKey(text).isEmpty()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CHARACTER_NOT_ONE", Map.of("text", text),
					text);
		}
		if (!coverage.covers(codePoints[0])) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CHARACTER_NOT_IN_FONT",
					Map.of("codePoints", TextProblem.codePointLabel(codePoints[0])), text,
					TextProblem.codePointLabel(codePoints[0]));
		}
		if (codePoints.length == 2
				&& !coverage.variations(codePoints[0]).contains(new Variation(codePoints[0], codePoints[1]))) {
			Variation missing = new Variation(codePoints[0], codePoints[1]);
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "VARIATION_NOT_IN_FONT",
					Map.of("codePoints", missing.codePoints()), missing.sequence(), missing.codePoints());
		}
		return codePoints;
	}

	/**
	 * A base character and the sequences the font lists for it.
	 *
	 * @param base the base character
	 * @param codePoint its code point, e.g. {@code U+8FBB}
	 * @param variations in selector order; empty when the font lists none
	 */
	public record Listing(String base, String codePoint, List<Variation> variations) {

	}

}
