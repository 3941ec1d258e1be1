package jp.madoguchi.text;

/**
 * One variation sequence the print font lists for a base character: the base followed by
 * a variation selector (U+FE00..U+FE0F or U+E0100..U+E01EF).
 *
 * @param base the base character's code point
 * @param selector the variation selector's code point
 */
public record Variation(int base, int selector) {

	/** The sequence as text: base then selector, as a name stores it. */
	public String sequence() {
		return new StringBuilder().appendCodePoint(base).appendCodePoint(selector).toString();
	}

	/** The code points, e.g. {@code U+8FBB U+E0102}, as staff read them. */
	public String codePoints() {
		return TextProblem.codePointLabel(base) + " " + TextProblem.codePointLabel(selector);
	}

}
