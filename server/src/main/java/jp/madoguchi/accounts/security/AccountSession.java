package jp.madoguchi.accounts.security;

import jakarta.servlet.http.HttpSession;

/** What the accounts module remembers in a staff session. */
public final class AccountSession {

	static final String MUST_CHANGE_PASSWORD = "madoguchi.mustChangePassword";

	private AccountSession() {
	}

	static void requirePasswordChange(HttpSession session) {
		session.setAttribute(MUST_CHANGE_PASSWORD, Boolean.TRUE);
	}

	public static boolean passwordChangeRequired(HttpSession session) {
		return session.getAttribute(MUST_CHANGE_PASSWORD) != null;
	}

	public static void passwordChanged(HttpSession session) {
		session.removeAttribute(MUST_CHANGE_PASSWORD);
	}

}
