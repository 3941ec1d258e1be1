package jp.madoguchi.card;

import java.util.OptionalInt;

/**
 * A card read that failed for a reason staff can act on. The message is technical (status
 * words, never personal data); the agent turns the {@link #error()} into a Japanese
 * message.
 */
public class CardReadException extends RuntimeException {

	private final CardError error;

	private final int remainingTries;

	public CardReadException(CardError error, String message) {
		this(error, message, -1, null);
	}

	public CardReadException(CardError error, String message, Throwable cause) {
		this(error, message, -1, cause);
	}

	private CardReadException(CardError error, String message, int remainingTries, Throwable cause) {
		super(error + ": " + message, cause);
		this.error = error;
		this.remainingTries = remainingTries;
	}

	public static CardReadException pinIncorrect(int remainingTries) {
		return new CardReadException(CardError.PIN_INCORRECT, remainingTries + " tries left", remainingTries, null);
	}

	/** The exception for an unexpected status word answered to {@code command}. */
	static CardReadException unexpected(String command, int sw) {
		return new CardReadException(CardError.CARD_ERROR, command + " answered " + StatusWord.describe(sw));
	}

	public CardError error() {
		return this.error;
	}

	/** Tries left, for {@link CardError#PIN_INCORRECT}. */
	public OptionalInt remainingTries() {
		return (this.remainingTries >= 0) ? OptionalInt.of(this.remainingTries) : OptionalInt.empty();
	}

}
