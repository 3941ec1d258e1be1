package jp.madoguchi.reception;

/** Where a reception's data came from. */
public enum ReceptionSource {

	/** Staff started it with nothing but the queue (and perhaps a name). */
	SCRATCH,
	/** From a moving notification already in the system. */
	NOTIFICATION,
	/** From a pre-application QR code, decoded into a notification (prefiling module). */
	PREFILING,
	/** From a card read (My Number card, driver's licence) at the counter. */
	CARD,
	/**
	 * From the moving-out data sent ahead (特例転入), listed on the board as expected today.
	 */
	SENT_AHEAD,
	/** From a visit booked on the public site, checked in with its booking code. */
	BOOKING

}
