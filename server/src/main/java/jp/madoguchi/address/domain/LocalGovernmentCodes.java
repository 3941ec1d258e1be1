package jp.madoguchi.address.domain;

import java.util.regex.Pattern;

import jp.madoguchi.platform.ProblemException;

/**
 * Local government codes (全国地方公共団体コード, JIS X 0401/0402): five digits, and a sixth, the
 * check digit, in the form the address base registry and most systems use. Japan Post's
 * file carries the five-digit form.
 */
final class LocalGovernmentCodes {

	private static final Pattern FIVE_OR_SIX_DIGITS = Pattern.compile("[0-9]{5,6}");

	private LocalGovernmentCodes() {
	}

	/**
	 * The six-digit code: a five-digit code gets its check digit, a six-digit one is
	 * returned as it is.
	 * @throws IllegalArgumentException when code is not five or six ASCII digits
	 */
	public static String sixDigits(String code) {
		if (!FIVE_OR_SIX_DIGITS.matcher(code).matches()) {
			throw new IllegalArgumentException("not a local government code: " + code);
		}
		return (code.length() == 6) ? code : code + checkDigit(code);
	}

	/**
	 * {@link #sixDigits(String)} for codes from callers.
	 * @throws ProblemException 422 {@code INVALID_LG_CODE}
	 */
	public static String parse(String code) {
		String stripped = code.strip();
		if (!FIVE_OR_SIX_DIGITS.matcher(stripped).matches()) {
			throw ProblemException.invalid("INVALID_LG_CODE");
		}
		return sixDigits(stripped);
	}

	/**
	 * The check digit of a five-digit code (総務省の定める検査数字): digits weighted 6, 5, 4, 3, 2,
	 * the sum's remainder by 11 taken from 11, the last digit of that.
	 */
	public static char checkDigit(String fiveDigits) {
		int sum = 0;
		for (int i = 0; i < 5; i++) {
			sum += (fiveDigits.charAt(i) - '0') * (6 - i);
		}
		return (char) ('0' + (11 - sum % 11) % 10);
	}

}
