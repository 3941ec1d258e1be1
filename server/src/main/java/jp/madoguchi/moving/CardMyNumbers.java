package jp.madoguchi.moving;

import java.util.Optional;

/**
 * The My Number read from a card while staff look for the household in the resident
 * record, carried to the draft they then start (issue 18): the lookup page gets a sealed
 * token per candidate, never the number itself, and posts it back with the start button;
 * the draft opens it and writes the number onto the card holder's person, where it is
 * kept encrypted and shown masked like any other My Number. A token is bound to the
 * member of staff who read the card and the resident it was matched with, and expires.
 */
public interface CardMyNumbers {

	/**
	 * A token carrying {@code myNumber} for the resident {@code residentId}; empty when
	 * the number is not a valid My Number (check digit).
	 */
	Optional<String> seal(String residentId, String myNumber);

	/** The masked form to show: {@code ********1234}. */
	String masked(String myNumber);

	/**
	 * What a token carries; empty when it is not one, belongs to another member of staff
	 * or has expired.
	 */
	Optional<Held> open(String token);

	/** The card holder's 宛名番号 and My Number. */
	record Held(String residentId, String myNumber) {

		@Override
		public String toString() {
			return "Held[residentId=" + residentId + ", myNumber=(hidden)]";
		}

	}

}
