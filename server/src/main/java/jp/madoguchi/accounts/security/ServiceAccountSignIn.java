package jp.madoguchi.accounts.security;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsChecker;

/**
 * A service account (a program's user) signs in with API tokens only: the sign-in form
 * refuses it. Checked after the password, like disabled and locked, so the different
 * message tells nothing to someone who does not know the password.
 */
final class ServiceAccountSignIn extends AccountStatusException {

	private static final long serialVersionUID = 1L;

	private final String username;

	ServiceAccountSignIn(String username) {
		super("service account " + username + " signs in with API tokens only");
		this.username = username;
	}

	String username() {
		return username;
	}

	/** Disabled, locked, expired, then: a service account. */
	static UserDetailsChecker afterPassword() {
		UserDetailsChecker status = new AccountStatusUserDetailsChecker();
		return (user) -> {
			status.check(user);
			if (user instanceof StaffUser staff && staff.serviceAccount()) {
				throw new ServiceAccountSignIn(user.getUsername());
			}
		};
	}

}
