package jp.madoguchi.accounts.domain;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.CsvTable;
import jp.madoguchi.platform.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups and users from the city's files at the switch-over (移行), all or none: a row the
 * administration refuses (a name taken, an unknown group, a bad name) refuses the file
 * with its line. Each group and user is created as an administrator creates one, audited
 * the same way; users get a one-time password each, shown once, to be changed at the
 * first sign-in.
 */
@Service
@Transactional
public class AccountImport {

	/** Letters and digits that cannot be mistaken for one another when read aloud. */
	private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final int PASSWORD_LENGTH = 16;

	private final UserAdministration users;

	private final GroupAdministration groups;

	private final AuditTrail audit;

	private final SecureRandom random = new SecureRandom();

	AccountImport(UserAdministration users, GroupAdministration groups, AuditTrail audit) {
		this.users = users;
		this.groups = groups;
		this.audit = audit;
	}

	/** A group row: its line in the file and the group. */
	public record ImportedGroup(long line, GroupDefinition group) {
	}

	/**
	 * A user row: its line in the file, who, which groups, whether a program's account.
	 */
	public record ImportedUser(long line, String username, String displayName, List<String> groups,
			boolean serviceAccount) {

		public ImportedUser {
			groups = List.copyOf(groups);
		}

	}

	/** A created user with the one-time password, shown once. */
	public record CreatedUser(String username, String displayName, boolean serviceAccount, String initialPassword) {
	}

	public List<StaffGroup> importGroups(List<ImportedGroup> rows, String actor) {
		List<StaffGroup> created = new ArrayList<>();
		for (ImportedGroup row : rows) {
			try {
				created.add(groups.createGroup(row.group()));
			}
			catch (ProblemException refused) {
				throw CsvTable.atLine(row.line(), refused.getLocalizedMessage());
			}
		}
		audit.record(AuditEntry.success("GROUPS_IMPORTED", "groups", "created=" + created.size() + " by " + actor));
		return created;
	}

	public List<CreatedUser> importUsers(List<ImportedUser> rows, String actor) {
		List<CreatedUser> created = new ArrayList<>();
		for (ImportedUser row : rows) {
			String password = password(row.username());
			try {
				UserAccount user = users.createUser(
						new NewUser(row.username(), row.displayName(), password, row.groups(), row.serviceAccount()));
				created.add(new CreatedUser(user.username(), user.displayName(), user.serviceAccount(), password));
			}
			catch (ProblemException refused) {
				throw CsvTable.atLine(row.line(), refused.getLocalizedMessage());
			}
		}
		audit.record(AuditEntry.success("USERS_IMPORTED", "users", "created=" + created.size() + " by " + actor));
		return created;
	}

	private String password(String username) {
		while (true) {
			StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
			for (int i = 0; i < PASSWORD_LENGTH; i++) {
				password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
			}
			if (PasswordPolicy.violations(password.toString(), username).isEmpty()) {
				return password.toString();
			}
		}
	}

}
