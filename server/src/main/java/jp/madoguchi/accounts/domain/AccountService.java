package jp.madoguchi.accounts.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.persistence.ApiTokens;
import jp.madoguchi.accounts.persistence.Groups;
import jp.madoguchi.accounts.persistence.Users;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.ProblemException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that changes accounts. Each change is validated here, not only in the
 * screens, and recorded in the audit trail in the same transaction.
 */
@Service
@Transactional
public class AccountService {

	/** The group the first administrator gets: every permission. */
	public static final String ADMINISTRATORS = "システム管理者";

	public static final String FIRST_ADMIN = "admin";

	/** The problem code when the first administrator exists already. */
	public static final String SETUP_ALREADY_DONE = "SETUP_ALREADY_DONE";

	private static final String TOKEN_PREFIX = "mdg_";

	private final Users users;

	private final Groups groups;

	private final ApiTokens tokens;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final AccountsProperties properties;

	private final SecureRandom random = new SecureRandom();

	AccountService(Users users, Groups groups, ApiTokens tokens, PasswordEncoder passwords, AuditTrail audit,
			MessageSource messages, JdbcClient jdbc, AccountsProperties properties) {
		this.users = users;
		this.groups = groups;
		this.tokens = tokens;
		this.passwords = passwords;
		this.audit = audit;
		this.messages = messages;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	// --- users

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

	@Transactional(readOnly = true)
	public boolean noUserExists() {
		return users.isEmpty();
	}

	public UserAccount createUser(NewUser command) {
		Username username = Username.of(command.username());
		String displayName = requireDisplayName(command.displayName());
		requireAcceptable(command.password(), username.value());
		requireGroupsExist(command.groups());
		if (users.exists(username.value())) {
			throw ProblemException.conflict("USERNAME_TAKEN");
		}
		users.add(username.value(), displayName, passwords.encode(command.password()), true);
		users.replaceGroups(username.value(), command.groups());
		audit.record(AuditEntry.success("USER_CREATED", subject(username.value()), "groups=" + command.groups()));
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
		audit.record(AuditEntry.success("USER_UPDATED", subject(username), "enabled=" + before.enabled() + "→"
				+ change.enabled() + " groups=" + before.groups() + "→" + change.groups()));
		return user(username);
	}

	/**
	 * An administrator sets a new password; the user must change it at the next sign-in.
	 */
	public void resetPassword(String username, String newPassword) {
		user(username);
		requireAcceptable(newPassword, username);
		users.setPassword(username, passwords.encode(newPassword), true);
		users.unlock(username);
		audit.record(AuditEntry.success("USER_PASSWORD_RESET", subject(username)));
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
		requireAcceptable(newPassword, username);
		users.setPassword(username, passwords.encode(newPassword), false);
		audit.record(AuditEntry.success("PASSWORD_CHANGED", subject(username)));
	}

	public void unlock(String username) {
		user(username);
		users.unlock(username);
		audit.record(AuditEntry.success("USER_UNLOCKED", subject(username)));
	}

	/**
	 * The first administrator, from the bootstrap variable or the one-time setup page.
	 * Refused once any user exists; an advisory lock stops two first requests from both
	 * succeeding.
	 */
	public void createFirstAdministrator(String password, String how) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('madoguchi.accounts.first-admin'))").query().singleRow();
		if (!users.isEmpty()) {
			throw ProblemException.conflict(SETUP_ALREADY_DONE);
		}
		requireAcceptable(password, FIRST_ADMIN);
		if (!groups.exists(ADMINISTRATORS)) {
			long id = groups.add(ADMINISTRATORS, message("group.administrators.description"));
			groups.replacePermissions(id, EnumSet.allOf(Permission.class));
		}
		users.add(FIRST_ADMIN, message("user.firstAdmin.displayName"), passwords.encode(password), false);
		users.replaceGroups(FIRST_ADMIN, List.of(ADMINISTRATORS));
		audit.record(AuditEntry.success("FIRST_ADMIN_CREATED", subject(FIRST_ADMIN), how).by("system"));
	}

	// --- sign-in

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
							.by("system"));
				return true;
			}
		}
		return false;
	}

	public void signedOut(String username) {
		audit.record(AuditEntry.success("LOGOUT", subject(username)).by(username));
	}

	// --- groups

	@Transactional(readOnly = true)
	public List<StaffGroup> groups() {
		return groups.all();
	}

	@Transactional(readOnly = true)
	public StaffGroup group(long id) {
		return groups.find(id).orElseThrow(() -> ProblemException.notFound("GROUP_NOT_FOUND"));
	}

	@Transactional(readOnly = true)
	public List<String> members(long groupId) {
		return groups.members(groupId);
	}

	public StaffGroup createGroup(GroupDefinition definition) {
		requireGroupName(definition.name());
		if (groups.exists(definition.name())) {
			throw ProblemException.conflict("GROUP_NAME_TAKEN");
		}
		long id = groups.add(definition.name(), definition.description());
		groups.replacePermissions(id, definition.permissions());
		audit.record(AuditEntry.success("GROUP_CREATED", "group:" + id,
				definition.name() + " permissions=" + sorted(definition.permissions())));
		return group(id);
	}

	public StaffGroup changeGroup(long id, GroupDefinition definition) {
		StaffGroup before = group(id);
		requireGroupName(definition.name());
		if (!before.name().equals(definition.name()) && groups.exists(definition.name())) {
			throw ProblemException.conflict("GROUP_NAME_TAKEN");
		}
		groups.update(id, definition.name(), definition.description());
		groups.replacePermissions(id, definition.permissions());
		audit.record(AuditEntry.success("GROUP_UPDATED", "group:" + id, definition.name() + " permissions="
				+ sorted(before.permissions()) + "→" + sorted(definition.permissions())));
		return group(id);
	}

	// --- API tokens

	@Transactional(readOnly = true)
	public List<ApiToken> tokens() {
		return tokens.all();
	}

	public NewApiToken createToken(String name, String username, String createdBy) {
		if (name.isBlank() || name.length() > 100) {
			throw ProblemException.invalid("VALIDATION_FAILED").because("tokenName");
		}
		if (!users.exists(username)) {
			throw ProblemException.invalid("USER_NOT_FOUND");
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = TOKEN_PREFIX + HexFormat.of().formatHex(bytes);
		ApiToken token = tokens.add(name.strip(), username, hash(secret), secret.substring(0, 12), createdBy);
		audit.record(AuditEntry.success("API_TOKEN_CREATED", "api-token:" + token.id(),
				"name=" + token.name() + " user=" + username));
		return new NewApiToken(token, secret);
	}

	public void revokeToken(long id) {
		ApiToken token = tokens.find(id).orElseThrow(() -> ProblemException.notFound("API_TOKEN_NOT_FOUND"));
		if (tokens.revoke(id)) {
			audit.record(AuditEntry.success("API_TOKEN_REVOKED", "api-token:" + id, "user=" + token.username()));
		}
	}

	/** The user a presented token acts for, if the token is known and not revoked. */
	public Optional<String> userOfToken(String secret) {
		if (!secret.startsWith(TOKEN_PREFIX)) {
			return Optional.empty();
		}
		return tokens.useToken(hash(secret));
	}

	// --- helpers

	private void requireAcceptable(String password, String username) {
		List<String> violations = PasswordPolicy.violations(password, username);
		if (!violations.isEmpty()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "PASSWORD_POLICY_VIOLATED",
					Map.of("violations", violations.stream().map((key) -> key.replace("password.", "")).toList()))
				.because(violations.get(0).replace("password.", ""));
		}
	}

	private String requireDisplayName(String displayName) {
		String stripped = displayName.strip();
		if (stripped.isEmpty() || stripped.length() > 100) {
			throw ProblemException.invalid("VALIDATION_FAILED").because("displayName");
		}
		return stripped;
	}

	private void requireGroupName(String name) {
		if (name.isEmpty() || name.length() > 100) {
			throw ProblemException.invalid("VALIDATION_FAILED").because("groupName");
		}
	}

	private void requireGroupsExist(List<String> names) {
		List<String> missing = groups.missing(names);
		if (!missing.isEmpty()) {
			throw ProblemException.invalid("GROUP_NOT_FOUND", String.join(", ", missing)).because("named");
		}
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
		return "user:" + username;
	}

	private static List<String> sorted(Set<Permission> permissions) {
		List<String> names = new ArrayList<>(permissions.stream().map(Permission::name).toList());
		names.sort(null);
		return names;
	}

	private String message(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
