package jp.madoguchi.accounts.domain;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.CurrentActor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-ins and sign-outs on the login form: failures count towards the lock, a success
 * resets them, and all of it is audited.
 */
@Service
@Transactional
public class SignInAttempts {

	private final Users users;

	private final AuditTrail audit;

	private final AccountsProperties properties;

	SignInAttempts(Users users, AuditTrail audit, AccountsProperties properties) {
		this.users = users;
		this.audit = audit;
		this.properties = properties;
	}

	public void signedIn(String username) {
		users.recordSuccessfulLogin(username);
		audit.record(AuditEntry.success("LOGIN", subject(username)).by(username));
	}

	/**
	 * Counts a failed sign-in against the typed name; the attempt that reaches the
	 * threshold locks the account. Unknown names are audited too (someone is guessing).
	 * @return whether this attempt locked the account
	 */
	public boolean signInFailed(String typedName, String reason) {
		String name = printable(typedName);
		AuditEntry failure = AuditEntry.failure("LOGIN", subject(name), reason).by(name);
		audit.record(failure);
		if (Username.isValid(name) && users.exists(Username.of(name).value())) {
			String username = Username.of(name).value();
			if (users.countFailure(username, properties.lockoutAttempts(), properties.lockoutDuration())) {
				audit.record(
						AuditEntry
							.success("ACCOUNT_LOCKED", subject(username),
									properties.lockoutAttempts() + " failed sign-ins; locked for "
											+ properties.lockoutDuration())
							.by(CurrentActor.SYSTEM));
				return true;
			}
		}
		return false;
	}

	/**
	 * A service account tried the sign-in form with its right password: refused and
	 * audited, not counted towards the lock (its tokens keep working).
	 */
	public void serviceAccountRefused(String username) {
		String name = printable(username);
		audit.record(AuditEntry.failure("LOGIN", subject(name), "service-account").by(name));
	}

	public void signedOut(String username) {
		audit.record(AuditEntry.success("LOGOUT", subject(username)).by(username));
	}

	/** What someone typed as a user name, safe to keep in the audit trail. */
	private static String printable(String typed) {
		String cleaned = typed.codePoints()
			.filter(c -> !Character.isISOControl(c))
			.limit(64)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return cleaned.isBlank() ? "(blank)" : cleaned;
	}

	private static String subject(String username) {
		return AccountMessages.subject(username);
	}

}
