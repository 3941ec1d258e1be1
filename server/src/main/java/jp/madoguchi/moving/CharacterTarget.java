package jp.madoguchi.moving;

import java.util.List;

/**
 * Where accepted notifications go, as far as characters are concerned: the
 * resident-record link implements it from its configuration (a Shift_JIS CSV, a target
 * without Ideographic Variation Sequences, JIS X 0208 only …). Moving asks it before
 * acceptance, so that staff choose every replacement and nothing is degenerated silently.
 */
public interface CharacterTarget {

	/**
	 * What the target keeps, for staff, e.g. 「CSV（windows-31j）・JIS X 0208 の文字・異体字セレクタなし」.
	 */
	String description();

	/**
	 * Whether the target keeps this text exactly; called with one user-perceived
	 * character (a base and its variation selector) or with a typed replacement.
	 */
	boolean carries(String text);

	/**
	 * Replacements for a character the target cannot carry, best first, each one the
	 * target carries: the base character without its selector, then what the degeneration
	 * map names. May be empty: staff then type one.
	 */
	List<String> candidates(String character);

}
