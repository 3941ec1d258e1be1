package jp.madoguchi.accounts.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.UserAccount;
import jp.madoguchi.accounts.domain.Users;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link Users} in schema {@code accounts}. */
@Repository
class JdbcUsers implements Users {

	private static final String SELECT = """
			select u.*, coalesce(array_agg(g.name order by g.name) filter (where g.name is not null), '{}') as group_names
			from accounts.users u
			left join accounts.user_groups ug on ug.user_id = u.id
			left join accounts.groups g on g.id = ug.group_id
			""";

	private final JdbcClient jdbc;

	JdbcUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean isEmpty() {
		return !jdbc.sql("select exists (select 1 from accounts.users)").query(Boolean.class).single();
	}

	@Override
	public void lockFirstUser() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('madoguchi.accounts.first-admin'))").query().singleRow();
	}

	@Override
	public long add(String username, String displayName, String passwordHash, boolean mustChangePassword,
			boolean serviceAccount) {
		return jdbc
			.sql("""
					insert into accounts.users (username, display_name, password_hash, must_change_password, service_account)
					values (:username, :displayName, :hash, :mustChange, :serviceAccount) returning id""")
			.param("username", username)
			.param("displayName", displayName)
			.param("hash", passwordHash)
			.param("mustChange", mustChangePassword)
			.param("serviceAccount", serviceAccount)
			.query(Long.class)
			.single();
	}

	@Override
	public boolean exists(String username) {
		return jdbc.sql("select exists (select 1 from accounts.users where username = ?)")
			.param(username)
			.query(Boolean.class)
			.single();
	}

	@Override
	public Optional<UserAccount> find(String username) {
		return jdbc.sql(SELECT + " where u.username = ? group by u.id")
			.param(username)
			.query(JdbcUsers::map)
			.optional();
	}

	@Override
	public List<UserAccount> all() {
		return jdbc.sql(SELECT + " group by u.id order by u.username").query(JdbcUsers::map).list();
	}

	@Override
	public Optional<Credentials> credentials(String username) {
		return jdbc.sql(
				"select id, username, password_hash, enabled, must_change_password, locked_until, service_account from accounts.users where username = ?")
			.param(username)
			.query((rs, n) -> new Credentials(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
					rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), instant(rs, "locked_until"),
					rs.getBoolean("service_account")))
			.optional();
	}

	@Override
	public Set<Permission> permissions(String username) {
		List<String> names = jdbc.sql("""
				select distinct gp.permission from accounts.users u
				join accounts.user_groups ug on ug.user_id = u.id
				join accounts.group_permissions gp on gp.group_id = ug.group_id
				where u.username = ?""").param(username).query(String.class).list();
		return Permission.known(names);
	}

	@Override
	public boolean update(String username, String displayName, boolean enabled, int expectedVersion) {
		return jdbc.sql("""
				update accounts.users set display_name = :displayName, enabled = :enabled, version = version + 1
				where username = :username and version = :version""")
			.param("displayName", displayName)
			.param("enabled", enabled)
			.param("username", username)
			.param("version", expectedVersion)
			.update() == 1;
	}

	@Override
	public void replaceGroups(String username, Collection<String> groupNames) {
		jdbc.sql("delete from accounts.user_groups where user_id = (select id from accounts.users where username = ?)")
			.param(username)
			.update();
		if (!groupNames.isEmpty()) {
			jdbc.sql("""
					insert into accounts.user_groups (user_id, group_id)
					select u.id, g.id from accounts.users u, accounts.groups g
					where u.username = :username and g.name in (:groups)""")
				.param("username", username)
				.param("groups", groupNames)
				.update();
		}
	}

	@Override
	public void setPassword(String username, String passwordHash, boolean mustChangePassword) {
		jdbc.sql("""
				update accounts.users set password_hash = :hash, must_change_password = :mustChange,
				password_changed_at = now(), version = version + 1 where username = :username""")
			.param("hash", passwordHash)
			.param("mustChange", mustChangePassword)
			.param("username", username)
			.update();
	}

	@Override
	public void rehash(String username, String passwordHash) {
		jdbc.sql("update accounts.users set password_hash = ? where username = ?")
			.param(passwordHash)
			.param(username)
			.update();
	}

	@Override
	public boolean countFailure(String username, int threshold, Duration lockFor) {
		Integer failures = jdbc.sql("""
				update accounts.users set failed_logins = failed_logins + 1 where username = ?
				returning failed_logins""").param(username).query(Integer.class).optional().orElse(0);
		if (failures >= threshold) {
			jdbc.sql("update accounts.users set failed_logins = 0, locked_until = ? where username = ?")
				.param(Timestamp.from(Instant.now().plus(lockFor)))
				.param(username)
				.update();
			return true;
		}
		return false;
	}

	@Override
	public void recordSuccessfulLogin(String username) {
		jdbc.sql(
				"update accounts.users set failed_logins = 0, locked_until = null, last_login_at = now() where username = ?")
			.param(username)
			.update();
	}

	@Override
	public void unlock(String username) {
		jdbc.sql("update accounts.users set failed_logins = 0, locked_until = null where username = ?")
			.param(username)
			.update();
	}

	private static UserAccount map(ResultSet rs, int row) throws SQLException {
		String[] groups = (String[]) rs.getArray("group_names").getArray();
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getBoolean("must_change_password"), rs.getBoolean("enabled"), rs.getInt("failed_logins"),
				instant(rs, "locked_until"), rs.getTimestamp("created_at").toInstant(), instant(rs, "last_login_at"),
				List.of(groups), rs.getInt("version"), rs.getBoolean("service_account"));
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
