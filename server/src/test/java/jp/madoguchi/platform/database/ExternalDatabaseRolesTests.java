package jp.madoguchi.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code ops/postgres/create-roles.sql} on a bare PostgreSQL gives the same split as the
 * embedded server: the owner migrates, the application role cannot rewrite the audit
 * trail. The script is meant for psql; this test runs its SQL statements and its
 * {@code \connect} itself.
 */
class ExternalDatabaseRolesTests {

	/** From the server module (Maven's working directory) or the repository root. */
	private static final Path SCRIPT = Files.exists(Path.of("../ops/postgres/create-roles.sql"))
			? Path.of("../ops/postgres/create-roles.sql") : Path.of("ops/postgres/create-roles.sql");

	@Test
	void theScriptsRolesMigrateAndKeepTheApplicationOffTheAuditRows() throws Exception {
		try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
			runScript(server, "owner-secret", "app-secret");
			DataSource owner = source(server, DatabaseRoles.OWNER, "owner-secret");
			DataSource application = source(server, DatabaseRoles.APPLICATION, "app-secret");
			Flyway.configure()
				.dataSource(owner)
				.locations("classpath:db/migration")
				.schemas("platform")
				.load()
				.migrate();
			try (Connection c = owner.getConnection();
					Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
				rs.next();
				assertThat(rs.getBoolean(1)).isFalse();
			}
			try (Connection c = application.getConnection(); Statement s = c.createStatement()) {
				try (ResultSet rs = s.executeQuery("select count(*) from audit.events")) {
					assertThat(rs.next()).isTrue();
				}
				s.execute("insert into admin.holidays (day, name) values ('2099-01-02', 'テスト')");
				assertDenied(s, "update audit.events set detail = 'x'");
				assertDenied(s, "delete from audit.events");
				assertDenied(s, "alter table audit.events disable trigger user");
				assertDenied(s, "create table platform.shadow (id int)");
				assertDenied(s, "create table public.shadow (id int)");
			}
		}
	}

	private static void assertDenied(Statement statement, String sql) {
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.execute(sql))
			.satisfies((ex) -> assertThat(ex.getSQLState()).as(ex.getMessage()).isEqualTo("42501"));
	}

	/**
	 * The statements as psql would run them: meta-commands skipped, variables filled in.
	 */
	private static void runScript(EmbeddedPostgres server, String ownerPassword, String appPassword) throws Exception {
		String database = "postgres";
		List<String> statements = new ArrayList<>();
		StringBuilder statement = new StringBuilder();
		int conditionals = 0;
		for (String line : Files.readAllLines(SCRIPT)) {
			String trimmed = line.strip();
			if (trimmed.startsWith("\\if")) {
				conditionals++;
			}
			else if (trimmed.startsWith("\\endif")) {
				conditionals--;
			}
			else if (trimmed.startsWith("\\connect ")) {
				execute(server, database, statements);
				statements.clear();
				database = trimmed.substring("\\connect ".length()).strip();
			}
			else if (conditionals == 0 && !trimmed.startsWith("\\") && !trimmed.startsWith("--")) {
				statement
					.append(line.replace(":'owner_password'", "'" + ownerPassword + "'")
						.replace(":'app_password'", "'" + appPassword + "'"))
					.append('\n');
				if (trimmed.endsWith(";")) {
					statements.add(statement.toString());
					statement.setLength(0);
				}
			}
		}
		execute(server, database, statements);
	}

	private static void execute(EmbeddedPostgres server, String database, List<String> statements) throws SQLException {
		try (Connection c = server.getDatabase("postgres", database).getConnection();
				Statement s = c.createStatement()) {
			for (String sql : statements) {
				s.execute(sql);
			}
		}
	}

	private static DataSource source(EmbeddedPostgres server, String user, String password) {
		PGSimpleDataSource source = new PGSimpleDataSource();
		source.setURL("jdbc:postgresql://localhost:" + server.getPort() + "/" + EmbeddedDatabase.DATABASE);
		source.setUser(user);
		source.setPassword(password);
		return source;
	}

}
