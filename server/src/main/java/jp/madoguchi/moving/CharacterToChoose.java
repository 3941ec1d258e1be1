package jp.madoguchi.moving;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A character of a notification the configured resident-record target cannot carry: staff
 * choose its replacement before acceptance.
 *
 * @param field JSON pointer of the item in the content, e.g.
 * {@code /persons/0/familyName}
 * @param item the item's name (the pointer's last segment, e.g. {@code familyName})
 * @param value the item's whole text, for context
 * @param original the character (a base and its variation selector, if any)
 * @param candidates replacements the target carries, best first
 * @param chosen the replacement chosen, or null while none is
 */
public record CharacterToChoose(String field, String item, String value, String original, List<String> candidates,
		@Nullable String chosen) {

	/** The person (1, 2 …) whose item this is; 0 for items of the notification itself. */
	public int person() {
		return personOf(field);
	}

	/**
	 * {@code U+20BB7}, {@code U+8FBB U+E0102}: what staff and logs can compare exactly.
	 */
	public String codePoints() {
		return codePoints(original);
	}

	public static String codePoints(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach(cp -> {
			if (!out.isEmpty()) {
				out.append(' ');
			}
			out.append(String.format("U+%04X", cp));
		});
		return out.toString();
	}

	static int personOf(String field) {
		if (!field.startsWith("/persons/")) {
			return 0;
		}
		int end = field.indexOf('/', "/persons/".length());
		try {
			return Integer.parseInt(field.substring("/persons/".length(), (end < 0) ? field.length() : end)) + 1;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
