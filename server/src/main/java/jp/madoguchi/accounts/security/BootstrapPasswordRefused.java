package jp.madoguchi.accounts.security;

/**
 * The start-up password for the first administrator did not pass the password policy.
 * {@link BootstrapPasswordRefusedAnalyzer} turns it into a short Japanese message for the
 * operator instead of a stack trace.
 */
class BootstrapPasswordRefused extends RuntimeException {

	private final String reason;

	BootstrapPasswordRefused(String reason) {
		super("MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD was refused: " + reason);
		this.reason = reason;
	}

	/** Why the policy refused it, in Japanese, as staff see it on the setup page. */
	String reason() {
		return reason;
	}

}
