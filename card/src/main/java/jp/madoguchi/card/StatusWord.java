package jp.madoguchi.card;

/**
 * The ISO 7816-4 status words both cards use, with their meaning (for logs and errors; a
 * status word is never personal data).
 */
public final class StatusWord {

	public static final int OK = 0x9000;

	/** End of file reached before Le bytes were read (the data returned is shorter). */
	public static final int END_OF_FILE = 0x6282;

	/**
	 * 63 Cx: verification failed (or, for a VERIFY without data, not yet done); x tries
	 * left.
	 */
	public static final int COUNTER_MASK = 0x63C0;

	/**
	 * 63 00: verification or authentication failed, no counter (the residence card's
	 * MUTUAL AUTHENTICATE and VERIFY of the card number).
	 */
	public static final int VERIFICATION_FAILED = 0x6300;

	public static final int WRONG_LENGTH = 0x6700;

	public static final int SECURITY_STATUS_NOT_SATISFIED = 0x6982;

	/** Authentication method blocked: the PIN is locked. */
	public static final int AUTHENTICATION_BLOCKED = 0x6983;

	public static final int CONDITIONS_NOT_SATISFIED = 0x6985;

	public static final int NO_CURRENT_EF = 0x6986;

	public static final int FILE_NOT_FOUND = 0x6A82;

	public static final int WRONG_P1_P2 = 0x6A86;

	public static final int REFERENCED_DATA_NOT_FOUND = 0x6A88;

	public static final int WRONG_OFFSET = 0x6B00;

	/** 6C xx: wrong Le, xx is the exact length available. */
	public static final int WRONG_LE_MASK = 0x6C00;

	public static final int INS_NOT_SUPPORTED = 0x6D00;

	public static final int CLA_NOT_SUPPORTED = 0x6E00;

	private StatusWord() {
	}

	public static boolean isCounter(int sw) {
		return (sw & 0xFFF0) == COUNTER_MASK;
	}

	public static boolean isWrongLe(int sw) {
		return (sw & 0xFF00) == WRONG_LE_MASK;
	}

	public static String describe(int sw) {
		String hex = String.format("%04X", sw);
		if (isCounter(sw)) {
			return hex + " verification failed, " + (sw & 0x0F) + " tries left";
		}
		if (isWrongLe(sw)) {
			return hex + " wrong Le, " + (sw & 0xFF) + " bytes available";
		}
		return hex + " " + switch (sw) {
			case OK -> "ok";
			case END_OF_FILE -> "end of file reached before Le bytes";
			case VERIFICATION_FAILED -> "verification failed (no counter)";
			case WRONG_LENGTH -> "wrong length";
			case SECURITY_STATUS_NOT_SATISFIED -> "security status not satisfied";
			case AUTHENTICATION_BLOCKED -> "authentication method blocked";
			case CONDITIONS_NOT_SATISFIED -> "conditions of use not satisfied";
			case NO_CURRENT_EF -> "command not allowed (no current EF)";
			case FILE_NOT_FOUND -> "file or application not found";
			case WRONG_P1_P2 -> "incorrect parameters P1-P2";
			case REFERENCED_DATA_NOT_FOUND -> "referenced data not found";
			case WRONG_OFFSET -> "wrong parameters (offset outside the EF)";
			case INS_NOT_SUPPORTED -> "instruction not supported";
			case CLA_NOT_SUPPORTED -> "class not supported";
			default -> "unexpected status";
		};
	}

}
