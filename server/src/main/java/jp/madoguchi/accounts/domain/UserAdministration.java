package jp.madoguchi.accounts.domain;

import java.util.List;
import java.util.Set;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.ProblemException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff users as administrators see and change them. Each change is validated here, not
 * only in the screens, and recorded in the audit trail in the same transaction.
 */
@Service
@Transactional
public class UserAdministration {

	private final Users users;

	private final Groups groups;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final StaffSessions sessions;

	UserAdministration(Users users, Groups groups, PasswordEncoder passwords, AuditTrail audit,
			StaffSessions sessions) {
		this.users = users;
		this.groups = groups;
		this.passwords = passwords;
		this.audit = audit;
		this.sessions = sessions;
	}

	@Transactional(readOnly = true)
	public List<UserAccount> users() {
		return users.all();
	}

	@Transactional(readOnly = true)
	public UserAccount user(String username) {
		return users.find(username).orElseThrow(() -> ProblemException.notFound("USER_NOT_FOUND"));
	}

	@Transactional(readOnly = true)
	public Set<Permission> effectivePermissions(String username) {
		return users.permissions(username);
	}

	public UserAccount createUser(NewUser command) {
		Username username = Username.of(command.username());
		String displayName = requireDisplayName(command.displayName());
		requireAcceptable(command.password(), username.value());
		requireGroupsExist(command.groups());
		if (users.exists(username.value())) {
			throw ProblemException.conflict("USERNAME_TAKEN");
		}
		users.add(username.value(), displayName, passwords.encode(command.password()), true, command.serviceAccount());
		users.replaceGroups(username.value(), command.groups());
		audit.record(AuditEntry.success("USER_CREATED", subject(username.value()),
				"groups=" + command.groups() + (command.serviceAccount() ? " serviceAccount" : "")));
		return user(username.value());
	}

	public UserAccount changeUser(String username, UserChange change) {
		UserAccount before = user(username);
		String displayName = requireDisplayName(change.displayName());
		requireGroupsExist(change.groups());
		if (!users.update(username, displayName, change.enabled(), change.version())) {
			throw ProblemException.conflict("STALE_VERSION");
		}
		users.replaceGroups(username, change.groups());
		boolean disabled = before.enabled() && !change.enabled();
		boolean regrouped = !sorted(before.groups()).equals(sorted(change.groups()));
		String ended = (disabled || regrouped) ? " sessionsEnded=" + sessions.endAll(username) : "";
		audit.record(AuditEntry.success("USER_UPDATED", subject(username), "enabled=" + before.enabled() + "→"
				+ change.enabled() + " groups=" + before.groups() + "→" + change.groups() + ended));
		return user(username);
	}

	/**
	 * Changes only what the patch names (the API's PATCH), under the same rules and audit
	 * as {@link #changeUser}.
	 */
	public UserAccount patchUser(String username, UserPatch patch) {
		return changeUser(username, patch.applyTo(user(username)));
	}

	/**
	 * An administrator sets a new password; the user must change it at the next sign-in.
	 */
	public void resetPassword(String username, String newPassword) {
		user(username);
		requireAcceptable(newPassword, username);
		users.setPassword(username, passwords.encode(newPassword), true);
		users.unlock(username);
		audit.record(AuditEntry.success("USER_PASSWORD_RESET", subject(username),
				"sessionsEnded=" + sessions.endAll(username)));
	}

	public void unlock(String username) {
		user(username);
		users.unlock(username);
		audit.record(AuditEntry.success("USER_UNLOCKED", subject(username)));
	}

	private void requireAcceptable(String password, String username) {
		PasswordPolicy.requireAcceptable(password, username);
	}

	private String requireDisplayName(String displayName) {
		String stripped = displayName.strip();
		if (stripped.isEmpty() || stripped.length() > 100) {
			throw ProblemException.invalid("VALIDATION_FAILED").because("displayName");
		}
		return stripped;
	}

	private void requireGroupsExist(List<String> names) {
		List<String> missing = groups.missing(names);
		if (!missing.isEmpty()) {
			throw ProblemException.invalid("GROUP_NOT_FOUND", String.join(", ", missing)).because("named");
		}
	}

	private static List<String> sorted(List<String> names) {
		return names.stream().sorted().toList();
	}

	private static String subject(String username) {
		return AccountMessages.subject(username);
	}

}
