package jp.madoguchi.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL 17 of a data directory, started the same way by the application
 * and by the backup and restore commands, so both find the same server settings.
 */
public final class EmbeddedDatabase {

	/** The database Madoguchi uses inside the embedded server. */
	public static final String DATABASE = "madoguchi";

	/** The embedded server's superuser (zonky's initdb trusts local connections). */
	public static final String USER = "postgres";

	private EmbeddedDatabase() {
	}

	/** Where the embedded server of a data directory keeps its files. */
	public static Path directory(Path dataDir) {
		return dataDir.resolve("postgres").toAbsolutePath().normalize();
	}

	/** Starts (after initdb, the first time) the server in {@code <dataDir>/postgres}. */
	public static EmbeddedPostgres start(Path dataDir) throws IOException {
		Path directory = directory(dataDir);
		Files.createDirectories(directory);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setServerConfig("max_connections", "200")
			.setServerConfig("timezone", "Asia/Tokyo")
			// The library starts PostgreSQL with -F (fsync off) and
			// synchronous_commit off, for test speed. Here it holds the city's
			// records, which a power cut must neither lose nor corrupt; a later
			// -c fsync=on wins over -F.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.start();
		createDatabaseIfMissing(postgres);
		return postgres;
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
		DataSource admin = postgres.getPostgresDatabase();
		try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement
				.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the embedded database", ex);
		}
	}

}
