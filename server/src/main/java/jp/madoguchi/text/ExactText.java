package jp.madoguchi.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Names and addresses kept exactly as written. Stored text is never normalised: NFC and
 * NFKC would turn CJK compatibility ideographs into their unified forms and NFKC would
 * also rewrite widths, so a name could come back with another glyph. Comparison is code
 * point by code point ({@link String#equals(Object)}).
 * <p>
 * A <em>character</em> here is what a person counts as one: a base code point together
 * with the variation selector and combining marks attached to it (辻 + U+E0102 is one
 * character, as is か + U+3099). Length limits count these, so a limit never splits a
 * sequence.
 */
public final class ExactText {

	private ExactText() {
	}

	/**
	 * What makes {@code text} unacceptable for storage, as Japanese messages naming the
	 * position (empty when acceptable). See {@link #check(String)} for the structured
	 * form.
	 */
	public static List<String> problems(String text) {
		return check(text).stream().map(TextProblem::message).toList();
	}

	/** Whether {@code text} may be stored as it is. */
	public static boolean isAcceptable(String text) {
		return check(text).isEmpty();
	}

	/**
	 * Every problem in {@code text}: unpaired surrogates, control and invisible format
	 * characters, noncharacters, and variation selectors that follow no base character
	 * (an ideographic variation selector U+E0100..U+E01EF must follow an ideograph).
	 * Private-use code points are accepted: the administrative character set (行政事務標準文字,
	 * MJ+) puts its additions there. Code points unknown to this JDK's Unicode version
	 * are accepted too, because newer CJK extensions are real characters.
	 */
	public static List<TextProblem> check(String text) {
		List<TextProblem> problems = new ArrayList<>();
		int position = 0;
		int previous = -1; // the previous code point, or -1 at the start
		for (int i = 0; i < text.length();) {
			char c = text.charAt(i);
			int cp;
			int width;
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				cp = Character.toCodePoint(c, text.charAt(i + 1));
				width = 2;
			}
			else {
				cp = c;
				width = 1;
			}
			if (!attaches(cp) || previous < 0) {
				position++;
			}
			TextProblem.Kind kind = problemOf(cp, previous);
			if (kind != null) {
				problems.add(new TextProblem(i, position, cp, kind));
			}
			previous = cp;
			i += width;
		}
		return List.copyOf(problems);
	}

	/**
	 * The number of user-perceived characters: a variation selector or combining mark
	 * that follows a character counts with it. Use it for every length limit on names and
	 * addresses instead of {@link String#length()} or a code point count.
	 */
	public static int length(String text) {
		int length = 0;
		boolean first = true;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			if (first || !attaches(cp)) {
				length++;
			}
			first = false;
			i += Character.charCount(cp);
		}
		return length;
	}

	/**
	 * {@code text} split into user-perceived characters, each a base and what is attached
	 * to it; joined they give {@code text} back unchanged.
	 */
	public static List<String> characters(String text) {
		List<String> characters = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			if (i > 0 && !attaches(cp)) {
				characters.add(text.substring(start, i));
				start = i;
			}
			i += Character.charCount(cp);
		}
		if (start < text.length()) {
			characters.add(text.substring(start));
		}
		return List.copyOf(characters);
	}

	/**
	 * One character, a base alone or followed by its variation selector, as the
	 * hexadecimal code points joined by a hyphen that name its glyph ({@code 8FBB-E0102},
	 * {@code 20BB7}: the {@code /api/v1/characters/glyphs/{codePoints}.svg} of the print
	 * font); empty for any other text.
	 */
	public static Optional<String> glyphKey(String text) {
		int[] codePoints = text.codePoints().toArray();
		boolean one = (codePoints.length == 1 || (codePoints.length == 2 && isVariationSelector(codePoints[1])))
				&& !isVariationSelector(codePoints[0]);
		if (!one) {
			return Optional.empty();
		}
		StringBuilder key = new StringBuilder();
		for (int codePoint : codePoints) {
			key.append(key.isEmpty() ? "" : "-").append(String.format(Locale.ROOT, "%04X", codePoint));
		}
		return Optional.of(key.toString());
	}

	/**
	 * Whether {@code text} carries a variation selector anywhere: such text must not pass
	 * through anything that may drop or normalise it (a legacy encoding, a system without
	 * IVS support) without a report of what was lost.
	 */
	public static boolean hasVariationSelector(String text) {
		return text.codePoints().anyMatch(ExactText::isVariationSelector);
	}

	/**
	 * Standardised (U+FE00..U+FE0F) or ideographic (U+E0100..U+E01EF) variation selector.
	 */
	public static boolean isVariationSelector(int codePoint) {
		return isStandardVariationSelector(codePoint) || isIdeographicVariationSelector(codePoint);
	}

	static boolean isStandardVariationSelector(int codePoint) {
		return codePoint >= 0xFE00 && codePoint <= 0xFE0F;
	}

	static boolean isIdeographicVariationSelector(int codePoint) {
		return codePoint >= 0xE0100 && codePoint <= 0xE01EF;
	}

	/**
	 * Whether the code point belongs to the character before it rather than starting one.
	 */
	static boolean attaches(int codePoint) {
		if (isVariationSelector(codePoint)) {
			return true;
		}
		int type = Character.getType(codePoint);
		return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
				|| type == Character.COMBINING_SPACING_MARK;
	}

	static boolean isNoncharacter(int codePoint) {
		return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
	}

	/**
	 * An ideograph that may carry an ideographic variation selector. Supplementary planes
	 * 2 and 3 hold only CJK ideographs, so code points there count even when this JDK's
	 * Unicode tables do not know them yet.
	 */
	static boolean isIdeograph(int codePoint) {
		return Character.isIdeographic(codePoint) || (codePoint >= 0x20000 && codePoint <= 0x3FFFF);
	}

	private static TextProblem.@Nullable Kind problemOf(int cp, int previous) {
		if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) {
			return TextProblem.Kind.UNPAIRED_SURROGATE;
		}
		if (isNoncharacter(cp)) {
			return TextProblem.Kind.NONCHARACTER;
		}
		int type = Character.getType(cp);
		if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
			return TextProblem.Kind.CONTROL_CHARACTER;
		}
		if (type == Character.FORMAT) {
			return TextProblem.Kind.FORMAT_CHARACTER;
		}
		if (isIdeographicVariationSelector(cp) && (previous < 0 || !isIdeograph(previous))) {
			return TextProblem.Kind.STRAY_VARIATION_SELECTOR;
		}
		if (isStandardVariationSelector(cp) && (previous < 0 || !canCarryStandardSelector(previous))) {
			return TextProblem.Kind.STRAY_VARIATION_SELECTOR;
		}
		return null;
	}

	private static boolean canCarryStandardSelector(int base) {
		if (isVariationSelector(base) || attaches(base) || (base <= 0xFFFF && Character.isSurrogate((char) base))) {
			return false;
		}
		int type = Character.getType(base);
		return type != Character.CONTROL && type != Character.FORMAT && type != Character.SPACE_SEPARATOR
				&& type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
	}

}
