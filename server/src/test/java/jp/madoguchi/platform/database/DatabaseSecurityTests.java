package jp.madoguchi.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.madoguchi.platform.DataDirectoryCheck;
import jp.madoguchi.platform.MadoguchiProperties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The attacks on the embedded PostgreSQL (issue 20, Database): another local account
 * connecting without the password, and the application's own role trying to rewrite the
 * audit trail.
 */
class DatabaseSecurityTests {

	@TempDir
	static Path dataDir;

	static EmbeddedPostgres postgres;

	static DatabasePasswords passwords;

	@BeforeAll
	static void startAndMigrate() throws Exception {
		postgres = EmbeddedDatabase.start(dataDir);
		passwords = DatabasePasswords.read(dataDir);
		Flyway.configure()
			.dataSource(EmbeddedDatabase.dataSource(postgres, DatabaseRoles.OWNER, passwords))
			.locations("classpath:db/migration")
			.schemas("platform")
			.load()
			.migrate();
	}

	@AfterAll
	static void stop() throws Exception {
		postgres.close();
	}

	@Test
	void aLocalConnectionWithoutThePasswordIsRefused() {
		for (String role : new String[] { DatabaseRoles.SUPERUSER, DatabaseRoles.OWNER, DatabaseRoles.APPLICATION }) {
			assertRefused(connect("postgres", role, null));
			assertRefused(connect(EmbeddedDatabase.DATABASE, role, null));
			assertRefused(connect(EmbeddedDatabase.DATABASE, role, "wrong-password"));
		}
	}

	@Test
	void theServerListensOnLoopbackAndItsSocketSitsInItsOwnDirectory() throws Exception {
		assertThat(setting("listen_addresses")).isEqualTo("localhost");
		assertThat(setting("password_encryption")).isEqualTo("scram-sha-256");
		Path directory = EmbeddedDatabase.directory(dataDir);
		if (directory.toString().length() < 80) {
			assertThat(setting("unix_socket_directories")).isEqualTo(directory.toString());
			assertThat(Files.exists(directory.resolve(".s.PGSQL." + postgres.getPort()))).isTrue();
		}
		assertThat(Files.readString(directory.resolve("pg_hba.conf"))).doesNotContain("trust");
	}

	@Test
	void thePasswordsFileIsTheOwnersOnly() throws Exception {
		Path file = DatabasePasswords.file(dataDir);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.readString(file)).contains(passwords.application()).contains(passwords.owner());
		assertThat(Files.list(dataDir).map(Path::getFileName).map(Path::toString))
			.noneMatch((name) -> name.startsWith(".initdb-password"));
	}

	@Test
	void aPasswordsFileOthersCanReadIsReportedAtStart(@TempDir Path copied) throws Exception {
		Files.copy(DatabasePasswords.file(dataDir), DatabasePasswords.file(copied));
		Files.setPosixFilePermissions(copied, PosixFilePermissions.fromString("rwx------"));
		Files.setPosixFilePermissions(DatabasePasswords.file(copied), PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(new DataDirectoryCheck(new MadoguchiProperties(copied, "all")).openPaths())
			.containsExactly(new DataDirectoryCheck.OpenPath(DatabasePasswords.file(copied), "rw-r--r--"));
	}

	@Test
	void theApplicationRoleIsNoSuperuserAndOwnsNothing() throws Exception {
		try (Connection c = application().getConnection(); Statement s = c.createStatement()) {
			try (ResultSet rs = s.executeQuery(
					"select rolsuper, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user")) {
				rs.next();
				assertThat(rs.getBoolean(1) || rs.getBoolean(2) || rs.getBoolean(3)).isFalse();
			}
			try (ResultSet rs = s.executeQuery(
					"select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relowner = current_user::regrole and n.nspname not like 'pg\\_%'")) {
				rs.next();
				assertThat(rs.getLong(1)).isZero();
			}
			// the address import's ANALYZE runs, not skipped with a warning
			s.execute("analyze address.towns");
			assertThat((Object) s.getWarnings()).isNull();
			assertRefused(() -> s.execute("create table audit.shadow (id int)"), "42501");
			assertRefused(() -> s.execute("alter table moving.notifications add column x int"), "42501");
		}
	}

	@Test
	void theApplicationRoleCannotAlterAnAuditRow() throws Exception {
		appendEvent();
		try (Connection c = application().getConnection(); Statement s = c.createStatement()) {
			assertRefused(() -> s.execute("update audit.events set detail = 'rewritten'"), "42501");
			assertRefused(() -> s.execute("delete from audit.events"), "42501");
			assertRefused(() -> s.execute("truncate audit.events"), "42501");
			assertRefused(() -> s.execute("delete from audit.purges"), "42501");
			assertRefused(() -> s.execute("alter table audit.events disable trigger events_append_only"), "42501");
			assertRefused(() -> s.execute("drop trigger events_append_only on audit.events"), "42501");
			assertRefused(() -> s.execute("alter table audit.events disable trigger user"), "42501");
			assertRefused(() -> s.execute("create or replace function audit.refuse_change() returns trigger "
					+ "language plpgsql as $$ begin return null; end $$"), "42501");
			assertRefused(() -> s.execute("set session_replication_role = replica"), "42501");
			// the chain head may move only to the event just appended
			assertRefused(() -> s.execute("update audit.chain_head set last_id = last_id + 5"), "23000");
			assertRefused(() -> s.execute("update platform.flyway_schema_history set success = false"), "42501");
		}
	}

	@Test
	void theApplicationRoleStillAppendsAndReadsTheTrail() throws Exception {
		long before = count("select count(*) from audit.events");
		long id = appendEvent();
		assertThat(count("select count(*) from audit.events")).isEqualTo(before + 1);
		// and purges only through the function, which keeps the anchor rule
		try (Connection c = application().getConnection(); Statement s = c.createStatement()) {
			assertRefused(() -> s.execute("select audit.purge_through(" + id + ")"), "42501");
		}
	}

	@Test
	void aTrustingDataDirectoryOfAnEarlierVersionIsConvertedOnStart(@TempDir Path oldDataDir) throws Exception {
		Path directory = EmbeddedDatabase.directory(oldDataDir);
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.start(); Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("create database madoguchi encoding 'UTF8' template template0");
		}
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.start();
				Connection c = old.getDatabase("postgres", EmbeddedDatabase.DATABASE).getConnection();
				Statement s = c.createStatement()) {
			s.execute("create schema kept");
			s.execute("create table kept.rows (id bigint generated always as identity, name text)");
			s.execute("insert into kept.rows (name) values ('辻󠄀')");
		}
		assertThat(Files.readString(directory.resolve("pg_hba.conf"))).contains("trust");

		try (EmbeddedPostgres converted = EmbeddedDatabase.start(oldDataDir)) {
			assertThat(Files.readString(directory.resolve("pg_hba.conf"))).doesNotContain("trust");
			for (String database : new String[] { "postgres", EmbeddedDatabase.DATABASE }) {
				PGSimpleDataSource superuser = new PGSimpleDataSource();
				superuser.setURL("jdbc:postgresql://localhost:" + converted.getPort() + "/" + database);
				superuser.setUser(DatabaseRoles.SUPERUSER);
				assertRefused(() -> superuser.getConnection().close());
			}
			DatabasePasswords converts = DatabasePasswords.read(oldDataDir);
			try (Connection c = EmbeddedDatabase.dataSource(converted, DatabaseRoles.OWNER, converts).getConnection();
					Statement s = c.createStatement();
					ResultSet rs = s
						.executeQuery("select r.name, pg_get_userbyid(c.relowner), pg_get_userbyid(n.nspowner) "
								+ "from kept.rows r, pg_class c join pg_namespace n on n.oid = c.relnamespace "
								+ "where c.oid = 'kept.rows'::regclass")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo("辻󠄀");
				assertThat(rs.getString(2)).isEqualTo(DatabaseRoles.OWNER);
				assertThat(rs.getString(3)).isEqualTo(DatabaseRoles.OWNER);
			}
		}
		// and the next start is an ordinary one
		try (EmbeddedPostgres again = EmbeddedDatabase.start(oldDataDir)) {
			assertThat(Files.readString(directory.resolve("pg_hba.conf"))).doesNotContain("trust");
		}
	}

	@Test
	void theApplicationRolePurgesOnlyBehindAnAnchorThroughTheFunction() throws Exception {
		long old = appendEvent("now() - interval '2 years'");
		long young = appendEvent("now()");
		try (Connection c = application().getConnection(); Statement s = c.createStatement()) {
			assertRefused(() -> s.execute("select audit.purge_through(" + young + ")"), "42501");
			s.execute("insert into audit.purges (purged_through_id, purged_through_hash, purged_count) "
					+ "select id, hash, 1 from audit.events where id = " + old);
			try (ResultSet rs = s.executeQuery("select audit.purge_through(" + old + ")")) {
				rs.next();
				assertThat(rs.getLong(1)).isPositive();
			}
		}
		assertThat(count("select count(*) from audit.events where id <= " + old)).isZero();
		assertThat(count("select count(*) from audit.events where id = " + young)).isOne();
	}

	private static long appendEvent() throws SQLException {
		return appendEvent("now()");
	}

	/** Appends an event as the application does, at the given time; returns its id. */
	private static long appendEvent(String occurredAt) throws SQLException {
		try (Connection c = application().getConnection(); Statement s = c.createStatement()) {
			c.setAutoCommit(false);
			long last;
			String hash;
			try (ResultSet rs = s.executeQuery("select last_id, last_hash from audit.chain_head for update")) {
				rs.next();
				last = rs.getLong(1);
				hash = rs.getString(2);
			}
			String next = "%064x".formatted(last + 1);
			s.execute("insert into audit.events (id, occurred_at, action, outcome, prev_hash, hash) values ("
					+ (last + 1) + ", " + occurredAt + ", 'TEST', 'SUCCESS', '" + hash + "', '" + next + "')");
			s.execute("update audit.chain_head set last_id = " + (last + 1) + ", last_hash = '" + next + "'");
			c.commit();
			return last + 1;
		}
	}

	private static long count(String sql) throws SQLException {
		try (Connection c = application().getConnection();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static String setting(String name) throws SQLException {
		try (Connection c = postgres.getPostgresDatabase().getConnection();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("show " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static DataSource application() {
		return EmbeddedDatabase.dataSource(postgres, DatabaseRoles.APPLICATION, passwords);
	}

	private static ThrowingAction connect(String database, String user, String password) {
		PGSimpleDataSource source = new PGSimpleDataSource();
		source.setURL("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database);
		source.setUser(user);
		if (password != null) {
			source.setPassword(password);
		}
		return () -> source.getConnection().close();
	}

	private static void assertRefused(ThrowingAction action) {
		assertThatExceptionOfType(SQLException.class).isThrownBy(action::run)
			.satisfies((ex) -> assertThat(ex.getSQLState()).isIn("28P01", "28000", "08004"));
	}

	private static void assertRefused(ThrowingAction action, String sqlState) {
		assertThatExceptionOfType(SQLException.class).isThrownBy(action::run)
			.satisfies((ex) -> assertThat(ex.getSQLState()).as(ex.getMessage()).isEqualTo(sqlState));
	}

	@FunctionalInterface
	interface ThrowingAction {

		void run() throws Exception;

	}

}
