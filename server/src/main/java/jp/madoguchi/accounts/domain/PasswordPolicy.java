package jp.madoguchi.accounts.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import jp.madoguchi.platform.ProblemException;

/**
 * The city's password rule: at least 12 characters (spec 12(3)), at most 128 so that
 * hashing stays cheap, not containing the user name, not one character repeated.
 */
public final class PasswordPolicy {

	public static final int MINIMUM_LENGTH = 12;

	public static final int MAXIMUM_LENGTH = 128;

	private PasswordPolicy() {
	}

	/** Message keys of the rules the password breaks; empty when it is acceptable. */
	public static List<String> violations(String password, String username) {
		List<String> violations = new ArrayList<>();
		int length = password.codePointCount(0, password.length());
		if (length < MINIMUM_LENGTH) {
			violations.add("password.tooShort");
		}
		if (length > MAXIMUM_LENGTH) {
			violations.add("password.tooLong");
		}
		if (!username.isBlank() && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			violations.add("password.containsUsername");
		}
		if (length > 0 && password.codePoints().distinct().count() == 1) {
			violations.add("password.repeated");
		}
		return violations;
	}

	/** Refuses a password that breaks the policy, naming every rule it breaks. */
	static void requireAcceptable(String password, String username) {
		List<String> violations = violations(password, username);
		if (!violations.isEmpty()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "PASSWORD_POLICY_VIOLATED",
					Map.of("violations", violations.stream().map((key) -> key.replace("password.", "")).toList()))
				.because(violations.get(0).replace("password.", ""));
		}
	}

}
