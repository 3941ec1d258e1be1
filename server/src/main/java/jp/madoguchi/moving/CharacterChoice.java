package jp.madoguchi.moving;

import java.time.Instant;

/**
 * Staff's choice of what the resident-record target receives instead of a character it
 * cannot carry.
 *
 * @param field the item, as a JSON pointer into the notification's content (e.g.
 * {@code /persons/0/familyName})
 * @param original the character as entered (a base and its variation selector, if any)
 * @param replacement what the target receives in its place, wherever it occurs in the
 * item
 */
public record CharacterChoice(String field, String original, String replacement, String chosenBy, Instant chosenAt) {

	/** The person (1, 2 …) whose item this is; 0 for items of the notification itself. */
	public int person() {
		return CharacterToChoose.personOf(field);
	}

}
