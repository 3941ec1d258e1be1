package jp.madoguchi.text;

/** Placeholder until the text module lands. */
public final class MyNumbers {

	private MyNumbers() {
	}

	public static int checkDigit(String elevenDigits) {
		int sum = 0;
		for (int n = 1; n <= 11; n++) {
			int p = elevenDigits.charAt(11 - n) - '0';
			int q = (n <= 6) ? n + 1 : n - 5;
			sum += p * q;
		}
		int r = sum % 11;
		return (r <= 1) ? 0 : 11 - r;
	}

	public static boolean isValid(String twelveDigits) {
		return twelveDigits.matches("\\d{12}")
				&& checkDigit(twelveDigits.substring(0, 11)) == twelveDigits.charAt(11) - '0';
	}

	public static String mask(String twelveDigits) {
		return "********" + twelveDigits.substring(8);
	}

}
