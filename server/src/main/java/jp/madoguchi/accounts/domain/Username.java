package jp.madoguchi.accounts.domain;

import java.util.Locale;
import java.util.regex.Pattern;

import jp.madoguchi.platform.ProblemException;

/**
 * A sign-in name: 2 to 64 of lower-case ASCII letters, digits, dot, underscore and
 * hyphen, starting with a letter or digit. Typed upper case is folded, so "Tanaka" signs
 * in as "tanaka".
 */
public record Username(String value) {

	private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

	public Username {
		if (!FORMAT.matcher(value).matches()) {
			throw ProblemException.invalid("INVALID_USERNAME");
		}
	}

	public static Username of(String typed) {
		return new Username(typed.trim().toLowerCase(Locale.ROOT));
	}

	public static boolean isValid(String typed) {
		return FORMAT.matcher(typed.trim().toLowerCase(Locale.ROOT)).matches();
	}

	@Override
	public String toString() {
		return value;
	}

}
