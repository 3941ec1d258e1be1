package jp.madoguchi.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server that holds a city's records: durable commits, our database created
 * once and kept across restarts.
 */
class EmbeddedDatabaseTests {

	@Test
	void commitsAreDurableAndTheDatabaseSurvivesARestart(@TempDir Path dataDir) throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedDatabase.start(dataDir)) {
			assertThat(setting(postgres, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(postgres, "fsync")).isEqualTo("on");
			try (Connection c = postgres.getDatabase(DatabaseRoles.SUPERUSER, EmbeddedDatabase.DATABASE)
				.getConnection(); Statement s = c.createStatement()) {
				s.execute("create table kept (name text)");
				s.execute("insert into kept values ('辻󠄀')");
			}
		}
		assertThat(Files.exists(EmbeddedDatabase.directory(dataDir).resolve("PG_VERSION"))).isTrue();
		try (EmbeddedPostgres again = EmbeddedDatabase.start(dataDir);
				Connection c = again.getDatabase(DatabaseRoles.SUPERUSER, EmbeddedDatabase.DATABASE).getConnection();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select name from kept")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("辻󠄀");
		}
	}

	private static String setting(EmbeddedPostgres postgres, String name) throws Exception {
		try (Connection c = postgres.getPostgresDatabase().getConnection();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("show " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
