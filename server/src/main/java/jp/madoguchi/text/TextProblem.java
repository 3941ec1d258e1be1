package jp.madoguchi.text;

import java.util.Locale;

/**
 * Why a text cannot be stored as a name or an address: see
 * {@link ExactText#check(String)}.
 *
 * @param index where in the string (a UTF-16 index, as {@link String#substring(int)}
 * takes)
 * @param position the 1-based position in user-perceived characters, as staff count them
 * @param codePoint the offending code point (for an unpaired surrogate, the surrogate)
 * @param kind what is wrong
 */
public record TextProblem(int index, int position, int codePoint, Kind kind) {

	/** A Japanese message naming the position and the code point. */
	public String message() {
		return position + "文字目: " + kind.description + " (" + codePointLabel(codePoint) + ")";
	}

	/** {@code U+8FBB}: a code point as staff and messages name it. */
	public static String codePointLabel(int codePoint) {
		return String.format(Locale.ROOT, "U+%04X", codePoint);
	}

	public enum Kind {

		/** Half of a surrogate pair without its other half: not a character at all. */
		UNPAIRED_SURROGATE("対になっていないサロゲートがあります"),

		/** C0/C1 control characters, line and paragraph separators: tabs, line breaks. */
		CONTROL_CHARACTER("制御文字は使えません"),

		/** Invisible format characters (zero-width space, bidi controls, BOM, tags). */
		FORMAT_CHARACTER("見えない書式制御文字は使えません"),

		/** Code points Unicode reserves as never being characters (U+FFFE, U+FDD0...). */
		NONCHARACTER("文字でない符号位置は使えません"),

		/**
		 * A variation selector at the start, after another selector or after a non-base.
		 */
		STRAY_VARIATION_SELECTOR("異体字セレクタの前に、それが選ぶ文字がありません");

		private final String description;

		Kind(String description) {
			this.description = description;
		}

		/** The Japanese description of the problem, without position. */
		public String description() {
			return description;
		}

	}

}
