package jp.madoguchi.booking.domain;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Booking codes: eight characters from 32 that cannot be mistaken for one another (no 0,
 * O, 1, I), shown as {@code ABCD-EFGH}: 40 random bits, short enough to type from a
 * phone, read aloud or scan from the QR code. A code typed with full-width characters,
 * small letters, spaces or without the hyphen is the same code.
 */
public final class BookingCodes {

	static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	static final int LENGTH = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private BookingCodes() {
	}

	/** A new random code, without the hyphen (as stored). */
	public static String generate() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** The stored form of a typed or scanned code, if it can be one. */
	public static Optional<String> normalize(String typed) {
		String code = Normalizer.normalize(typed, Normalizer.Form.NFKC)
			.toUpperCase(Locale.ROOT)
			.replaceAll("[\\s\\-‐－ー]", "");
		if (code.length() != LENGTH) {
			return Optional.empty();
		}
		for (int i = 0; i < code.length(); i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return Optional.empty();
			}
		}
		return Optional.of(code);
	}

	/** The code as shown and printed: {@code ABCD-EFGH}. */
	public static String display(String code) {
		return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
	}

}
