package jp.madoguchi.accounts.domain;

import java.util.EnumSet;
import java.util.List;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.CurrentActor;
import jp.madoguchi.platform.ProblemException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator, from the bootstrap variable or the one-time setup page, on a
 * system without users.
 */
@Service
@Transactional
public class FirstRunSetup {

	/** The group the first administrator gets: every permission. */
	public static final String ADMINISTRATORS = "システム管理者";

	public static final String FIRST_ADMIN = "admin";

	/** The problem code when the first administrator exists already. */
	public static final String SETUP_ALREADY_DONE = "SETUP_ALREADY_DONE";

	private final Users users;

	private final Groups groups;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final AccountMessages messages;

	FirstRunSetup(Users users, Groups groups, PasswordEncoder passwords, AuditTrail audit, AccountMessages messages) {
		this.users = users;
		this.groups = groups;
		this.passwords = passwords;
		this.audit = audit;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	public boolean noUserExists() {
		return users.isEmpty();
	}

	/**
	 * Creates the first administrator. Refused once any user exists; an advisory lock
	 * stops two first requests from both succeeding.
	 * @param mustChangePassword whether the password must be changed at the first sign-in
	 * (a password handed over through the environment, not chosen by the person)
	 */
	public void createFirstAdministrator(String password, String how, boolean mustChangePassword) {
		users.lockFirstUser();
		if (!users.isEmpty()) {
			throw ProblemException.conflict(SETUP_ALREADY_DONE);
		}
		PasswordPolicy.requireAcceptable(password, FIRST_ADMIN);
		if (!groups.exists(ADMINISTRATORS)) {
			long id = groups.add(ADMINISTRATORS, message("group.administrators.description"));
			groups.replacePermissions(id, EnumSet.allOf(Permission.class));
		}
		users.add(FIRST_ADMIN, message("user.firstAdmin.displayName"), passwords.encode(password), mustChangePassword,
				false);
		users.replaceGroups(FIRST_ADMIN, List.of(ADMINISTRATORS));
		audit.record(AuditEntry.success("FIRST_ADMIN_CREATED", AccountMessages.subject(FIRST_ADMIN), how)
			.by(CurrentActor.SYSTEM));
	}

	private String message(String key) {
		return messages.message(key);
	}

}
