package jp.madoguchi.accounts.domain;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.ProblemException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A staff member changes their own password, proving the current one. */
@Service
@Transactional
public class PasswordChange {

	private final Users users;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	PasswordChange(Users users, PasswordEncoder passwords, AuditTrail audit) {
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
	}

	public void changeOwnPassword(String username, String currentPassword, String newPassword) {
		Users.Credentials credentials = users.credentials(username)
			.orElseThrow(() -> ProblemException.notFound("USER_NOT_FOUND"));
		if (!passwords.matches(currentPassword, credentials.passwordHash())) {
			audit.record(AuditEntry.failure("PASSWORD_CHANGED", subject(username), "current password wrong"));
			throw ProblemException.invalid("CURRENT_PASSWORD_WRONG");
		}
		if (currentPassword.equals(newPassword)) {
			throw ProblemException.invalid("PASSWORD_UNCHANGED");
		}
		PasswordPolicy.requireAcceptable(newPassword, username);
		users.setPassword(username, passwords.encode(newPassword), false);
		audit.record(AuditEntry.success("PASSWORD_CHANGED", subject(username)));
	}

	private static String subject(String username) {
		return AccountMessages.subject(username);
	}

}
