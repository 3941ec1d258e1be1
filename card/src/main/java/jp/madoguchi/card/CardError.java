package jp.madoguchi.card;

/**
 * Why a card could not be read: the stable codes of the card agent's problem details.
 */
public enum CardError {

	/** No PC/SC reader is connected (or the PC/SC service is not running). */
	NO_READER,

	/** A reader is there but no card is on it. */
	NO_CARD,

	/**
	 * The card does not hold the application asked for (another card type, or no card at
	 * all).
	 */
	UNSUPPORTED_CARD,

	/** The PIN was wrong; the card says how many tries are left. */
	PIN_INCORRECT,

	/** The PIN is locked; only the issuer can unlock it. */
	PIN_LOCKED,

	/** The card left the reader (or was reset) during the read. */
	CARD_REMOVED,

	/**
	 * The card number typed or scanned for a residence card or special permanent resident
	 * certificate is not the one of the card on the reader: the card refused the
	 * authentication before any data was read (it keeps no retry counter for it).
	 */
	WRONG_CARD_NUMBER,

	/**
	 * The residence card's validity ended (and no application for renewal or change is
	 * recorded on it).
	 */
	CARD_EXPIRED,

	/**
	 * The issuer's signature over the card data does not verify with the configured
	 * issuer key: the data may have been altered.
	 */
	SIGNATURE_INVALID,

	/** The card answered something the specification does not foresee. */
	CARD_ERROR

}
