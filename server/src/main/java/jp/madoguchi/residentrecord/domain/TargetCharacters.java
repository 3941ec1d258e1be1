package jp.madoguchi.residentrecord.domain;

import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.CharBuffer;
import java.nio.ByteBuffer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.madoguchi.moving.CharacterTarget;
import jp.madoguchi.text.ExactText;

import org.springframework.stereotype.Component;

/**
 * What the configured resident-record target keeps (docs/resident-record.md "Characters
 * the target cannot keep"): the repertoire, whether variation sequences survive, and for
 * the CSV whether its charset encodes the character. Moving asks it before acceptance.
 */
@Component
class TargetCharacters implements CharacterTarget {

	enum Repertoire {

		UNICODE, CHARSET, JIS_X_0208, JIS_X_0213

	}

	private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	private static final Charset JIS_X_0208 = Charset.forName("x-JIS0208");

	private static final Charset SJIS_0213 = Charset.forName("x-SJIS_0213");

	private final Repertoire repertoire;

	private final boolean variationSequences;

	private final boolean csv;

	private final Charset charset;

	private final DegenerationMap map;

	TargetCharacters(ResidentRecordProperties properties) {
		ResidentRecordProperties.Characters configured = properties.characters();
		this.csv = !properties.httpMode() && properties.file().csv();
		this.charset = csv ? Charset.forName(properties.file().csvCharset()) : java.nio.charset.StandardCharsets.UTF_8;
		this.repertoire = repertoire(configured.repertoire(), csv);
		this.variationSequences = (configured.variationSequences() != null) ? configured.variationSequences() : !csv;
		this.map = DegenerationMap.load(configured.degenerationMap(), configured.replaceShippedMap());
	}

	private static Repertoire repertoire(String configured, boolean csv) {
		String name = configured.strip().toLowerCase(Locale.ROOT);
		if (name.equals("auto")) {
			return csv ? Repertoire.JIS_X_0208 : Repertoire.UNICODE;
		}
		try {
			return Repertoire.valueOf(name.replace('-', '_').toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("madoguchi.resident-record.characters.repertoire: unknown value '"
					+ configured + "' (auto, unicode, charset, jis-x-0208, jis-x-0213)");
		}
	}

	@Override
	public String description() {
		String kept = switch (repertoire) {
			case UNICODE -> "Unicode の文字";
			case CHARSET -> charset.name() + " で書ける文字";
			case JIS_X_0208 -> "JIS X 0208 の文字";
			case JIS_X_0213 -> "JIS X 0213 の文字";
		};
		return (csv ? "CSV（" + charset.name() + "）・" : "") + kept + "・"
				+ (variationSequences ? "異体字セレクタあり" : "異体字セレクタなし");
	}

	@Override
	public boolean carries(String text) {
		if (repertoire == Repertoire.UNICODE && variationSequences && !csv) {
			return true;
		}
		for (String character : ExactText.characters(text)) {
			boolean selected = ExactText.hasVariationSelector(character);
			if (selected && !variationSequences) {
				return false;
			}
			String base = withoutSelectors(character);
			if (!inRepertoire(base) || (csv && !charset.newEncoder().canEncode(selected ? character : base))) {
				return false;
			}
		}
		return true;
	}

	@Override
	public List<String> candidates(String character) {
		List<String> candidates = new ArrayList<>();
		String base = withoutSelectors(character);
		offer(candidates, base);
		// a compatibility ideograph (﨑 U+FA11 is not one; 祐 U+FA4F is) has a unified form
		offer(candidates, Normalizer.normalize(base, Normalizer.Form.NFC));
		map.candidates(character).forEach(c -> offer(candidates, c));
		map.candidates(base).forEach(c -> offer(candidates, c));
		candidates.remove(character);
		return List.copyOf(candidates);
	}

	private void offer(List<String> candidates, String candidate) {
		if (!candidate.isEmpty() && !candidates.contains(candidate) && carries(candidate)) {
			candidates.add(candidate);
		}
	}

	private boolean inRepertoire(String base) {
		return switch (repertoire) {
			case UNICODE, CHARSET -> true;
			case JIS_X_0208 -> base.codePoints().allMatch(TargetCharacters::inJisX0208);
			case JIS_X_0213 -> base.codePoints()
				.allMatch(cp -> inJisX0208(cp) || SJIS_0213.newEncoder().canEncode(Character.toString(cp)));
		};
	}

	/**
	 * JIS X 0208 (with ASCII and JIS X 0201 kana, which every such system takes), as
	 * either the JIS table or Windows maps it: Windows puts 〜 at U+FF5E where JIS says
	 * U+301C, and both mean the same cell. The vendor extensions of windows-31j (NEC row
	 * 13, the IBM kanji such as 髙) are not JIS X 0208.
	 */
	static boolean inJisX0208(int cp) {
		if (cp < 0x80 || (cp >= 0xFF61 && cp <= 0xFF9F)) {
			return true;
		}
		String character = Character.toString(cp);
		if (JIS_X_0208.newEncoder().canEncode(character)) {
			return true;
		}
		CharsetEncoder windows = WINDOWS_31J.newEncoder();
		try {
			ByteBuffer bytes = windows.encode(CharBuffer.wrap(character));
			if (bytes.remaining() != 2) {
				return false;
			}
			int lead = bytes.get(0) & 0xFF;
			return (lead >= 0x81 && lead <= 0x86) || (lead >= 0x88 && lead <= 0x9F) || (lead >= 0xE0 && lead <= 0xEA);
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static String withoutSelectors(String character) {
		StringBuilder base = new StringBuilder();
		character.codePoints().filter(cp -> !ExactText.isVariationSelector(cp)).forEach(base::appendCodePoint);
		return base.toString();
	}

}
