package jp.madoguchi.text;

/**
 * The individual number (個人番号, My Number): 11 digits and a check digit (行政手続における特定の
 * 個人を識別するための番号の利用等に関する法律施行規則 第5条).
 * <p>
 * For the 11 digits P11..P1 (P1 stands next to the check digit) with weights Q(n) = n + 1
 * for n = 1..6 and n - 5 for n = 7..11, r = Σ P(n)·Q(n) mod 11; the check digit is 0 when
 * r ≤ 1, else 11 - r.
 */
public final class MyNumbers {

	private MyNumbers() {
	}

	/**
	 * Whether {@code twelveDigits} is exactly twelve ASCII digits whose last one is the
	 * check digit of the first eleven. Nothing is stripped or converted: see
	 * {@link #canonical(String)} for what staff type.
	 */
	public static boolean isValid(String twelveDigits) {
		if (!isAsciiDigits(twelveDigits, 12)) {
			return false;
		}
		return checkDigit(twelveDigits.substring(0, 11)) == twelveDigits.charAt(11) - '0';
	}

	/**
	 * The check digit for eleven ASCII digits.
	 * @throws IllegalArgumentException unless the argument is exactly eleven ASCII digits
	 */
	public static int checkDigit(String elevenDigits) {
		if (!isAsciiDigits(elevenDigits, 11)) {
			throw new IllegalArgumentException("expected 11 ASCII digits");
		}
		int sum = 0;
		for (int n = 1; n <= 11; n++) {
			int digit = elevenDigits.charAt(11 - n) - '0';
			int weight = (n <= 6) ? n + 1 : n - 5;
			sum += digit * weight;
		}
		int remainder = sum % 11;
		return (remainder <= 1) ? 0 : 11 - remainder;
	}

	/**
	 * What may be shown on a screen or a log: every character but the last four replaced
	 * by {@code *} ({@code "********1234"}); a text of four characters or fewer is masked
	 * whole. The last four are what residents and staff use to tell cards apart, and no
	 * more than that is needed to confirm the number was read.
	 */
	public static String mask(String twelveDigits) {
		int length = twelveDigits.length();
		if (length <= 4) {
			return "*".repeat(length);
		}
		return "*".repeat(length - 4) + twelveDigits.substring(length - 4);
	}

	/**
	 * What staff or a card reader typed, reduced to ASCII digits: full-width digits
	 * become ASCII, spaces (U+3000 included) and hyphens are dropped. Anything else is
	 * kept, so that {@link #isValid(String)} refuses it.
	 */
	public static String canonical(String typed) {
		StringBuilder digits = new StringBuilder(12);
		typed.codePoints().forEach((cp) -> {
			if (cp >= '０' && cp <= '９') {
				digits.append((char) ('0' + (cp - '０')));
			}
			else if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && cp != '-' && cp != '－' && cp != '‐'
					&& cp != '−') {
				digits.appendCodePoint(cp);
			}
		});
		return digits.toString();
	}

	private static boolean isAsciiDigits(String text, int length) {
		if (text.length() != length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
