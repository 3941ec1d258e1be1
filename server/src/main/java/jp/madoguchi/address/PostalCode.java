package jp.madoguchi.address;

import java.text.Normalizer;
import java.util.regex.Pattern;

import jp.madoguchi.platform.ProblemException;

/**
 * A postal code (郵便番号): seven digits.
 *
 * @param digits the seven ASCII digits, no hyphen
 */
public record PostalCode(String digits) {

	private static final Pattern SEVEN_DIGITS = Pattern.compile("[0-9]{7}");

	private static final Pattern AS_TYPED = Pattern.compile("([0-9]{3})-?([0-9]{4})");

	/** Dashes people and input methods type between the two parts. */
	private static final String DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF70\uFE63";

	public PostalCode {
		if (!SEVEN_DIGITS.matcher(digits).matches()) {
			throw invalid();
		}
	}

	/**
	 * Reads a postal code as people type it: {@code 0850000}, {@code 085-0000},
	 * full-width digits and hyphens, an optional leading {@code 〒}, surrounding spaces.
	 * @throws ProblemException 422 {@code INVALID_POSTAL_CODE} for anything else
	 */
	public static PostalCode parse(String text) {
		String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		if (normalized.startsWith("〒")) {
			normalized = normalized.substring(1).strip();
		}
		StringBuilder unified = new StringBuilder(normalized.length());
		normalized.codePoints().forEach(c -> unified.appendCodePoint((DASHES.indexOf(c) >= 0) ? '-' : c));
		var matcher = AS_TYPED.matcher(unified);
		if (!matcher.matches()) {
			throw invalid();
		}
		return new PostalCode(matcher.group(1) + matcher.group(2));
	}

	/** The code as printed: {@code 085-0000}. */
	public String formatted() {
		return digits.substring(0, 3) + "-" + digits.substring(3);
	}

	@Override
	public String toString() {
		return digits;
	}

	private static ProblemException invalid() {
		return ProblemException.invalid("INVALID_POSTAL_CODE");
	}

}
