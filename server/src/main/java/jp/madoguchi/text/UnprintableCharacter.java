package jp.madoguchi.text;

import java.util.stream.Collectors;

/**
 * A character that cannot be printed faithfully.
 *
 * @param index where it starts in the checked string (a UTF-16 index, as
 * {@link String#substring(int)} takes)
 * @param sequence the character: a code point, or a base with its variation selector
 * @param reason why, in Japanese, for staff
 */
public record UnprintableCharacter(int index, String sequence, String reason) {

	/**
	 * The code points of {@link #sequence()}, e.g. {@code U+8FBB U+E01EF}, for messages.
	 */
	public String codePoints() {
		return sequence.codePoints().mapToObj(TextProblem::codePointLabel).collect(Collectors.joining(" "));
	}

}
