package jp.madoguchi.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.madoguchi.platform.PrivateFiles;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 of a data directory, started the same way by the application
 * and by the backup and restore commands, so both find the same server settings.
 * <p>
 * Nobody gets in without a password: initdb runs with {@code scram-sha-256} and the
 * superuser's random password ({@link DatabasePasswords}), the server listens on the
 * loopback address only and puts its Unix socket inside its own {@code 700} directory,
 * and {@code pg_hba.conf} is rewritten at every start to allow nothing but password
 * logins from this machine. After the start the roles of {@link DatabaseRoles} exist with
 * their passwords, and the {@value #DATABASE} database and everything in it belongs to
 * {@link DatabaseRoles#OWNER}.
 * <p>
 * A data directory made before (initdb {@code -A trust}, no passwords) is converted on
 * its first start: the server comes up trusting only the superuser on the loopback
 * address and the {@code postgres} database, as the old directory already did for every
 * local account, gets its password, then reloads the strict {@code pg_hba.conf}; the
 * start waits until a connection without a password is refused.
 */
public final class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	/** The database Madoguchi uses inside the embedded server. */
	public static final String DATABASE = "madoguchi";

	/**
	 * The longest Unix socket path most systems accept ({@code sun_path}), minus a
	 * margin.
	 */
	private static final int MAX_SOCKET_PATH = 100;

	private static final String SCRAM = "scram-sha-256";

	private EmbeddedDatabase() {
	}

	/** Where the embedded server of a data directory keeps its files. */
	public static Path directory(Path dataDir) {
		return dataDir.resolve("postgres").toAbsolutePath().normalize();
	}

	/**
	 * Starts (after initdb, the first time) the server in {@code <dataDir>/postgres}; a
	 * JVM shutdown hook stops it, for commands that run without Spring.
	 */
	public static EmbeddedPostgres start(Path dataDir) throws IOException {
		return start(dataDir, true);
	}

	/**
	 * Starts the server; {@code ownShutdownHook} false leaves stopping it to the caller.
	 * The application closes it as a bean after everything that uses the database has
	 * stopped: a hook of its own would run beside Spring's and stop PostgreSQL under a
	 * scheduled query.
	 */
	public static EmbeddedPostgres start(Path dataDir, boolean ownShutdownHook) throws IOException {
		Path directory = directory(dataDir);
		PrivateFiles.createDirectories(directory);
		boolean initialised = Files.exists(directory.resolve("postgresql.conf"));
		boolean trusting = initialised && trusts(directory);
		if (initialised && !trusting && !DatabasePasswords.exist(dataDir)) {
			throw new IllegalStateException("The embedded PostgreSQL in " + directory + " needs the passwords in "
					+ DatabasePasswords.file(dataDir) + ", which is missing (docs/operations.md, Database)");
		}
		DatabasePasswords passwords = DatabasePasswords.readOrCreate(dataDir);
		@Nullable Path initdbPassword = null;
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(ownShutdownHook)
			.setConnectConfig("password", passwords.superuser())
			.setServerConfig("max_connections", "200")
			.setServerConfig("timezone", "Asia/Tokyo")
			// The library starts PostgreSQL with -F (fsync off) and
			// synchronous_commit off, for test speed. Here it holds the city's
			// records, which a power cut must neither lose nor corrupt; a later
			// -c fsync=on wins over -F.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("password_encryption", SCRAM);
		// Windows has no Unix socket here: TCP on the loopback address only
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			if (socketFits(directory)) {
				builder.setServerConfig("unix_socket_directories", directory.toString())
					.setServerConfig("unix_socket_permissions", "0700");
			}
			else {
				log.info("No Unix socket for the embedded PostgreSQL (path too long or unusual): {}", directory);
				builder.setServerConfig("unix_socket_directories", "''");
			}
		}
		if (!initialised) {
			initdbPassword = dataDir.resolve(".initdb-password-" + UUID.randomUUID());
			PrivateFiles.writeAtomically(initdbPassword, passwords.superuser().getBytes(StandardCharsets.UTF_8));
			// appended after the library's own "-A trust", so these win
			builder.setLocaleConfig("auth", SCRAM).setLocaleConfig("pwfile", initdbPassword.toString());
		}
		Path pwfile = initdbPassword;
		builder.setDataDirectoryCustomizer((dir) -> {
			try {
				// runs after initdb and before every start
				if (pwfile != null) {
					Files.deleteIfExists(pwfile);
				}
				writeHba(dir.toPath(), trusting);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		EmbeddedPostgres postgres;
		try {
			postgres = builder.start();
		}
		finally {
			if (initdbPassword != null) {
				Files.deleteIfExists(initdbPassword);
			}
		}
		try {
			if (trusting) {
				endTrust(postgres, directory, passwords);
			}
			prepare(postgres, passwords);
		}
		catch (SQLException | RuntimeException ex) {
			postgres.close();
			throw new IllegalStateException("Could not prepare the embedded database", ex);
		}
		return postgres;
	}

	/**
	 * A connection source of the {@value #DATABASE} database as one of the three roles.
	 */
	public static DataSource dataSource(EmbeddedPostgres postgres, String role, DatabasePasswords passwords) {
		return dataSource(postgres.getPort(), DATABASE, role, passwords.of(role));
	}

	/** The JDBC URL of the {@value #DATABASE} database. */
	public static String jdbcUrl(int port) {
		return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
	}

	private static PGSimpleDataSource dataSource(int port, String database, String user, @Nullable String password) {
		PGSimpleDataSource source = new PGSimpleDataSource();
		source.setServerNames(new String[] { "localhost" });
		source.setPortNumbers(new int[] { port });
		source.setDatabaseName(database);
		source.setUser(user);
		if (password != null) {
			source.setPassword(password);
		}
		return source;
	}

	/** Whether pg_hba.conf still trusts someone: a directory of an earlier version. */
	private static boolean trusts(Path directory) throws IOException {
		Path hba = directory.resolve("pg_hba.conf");
		return Files.exists(hba) && Files.readAllLines(hba)
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.anyMatch((line) -> line.matches(".*\\strust(\\s.*)?"));
	}

	private static void writeHba(Path directory, boolean trustSuperuser) throws IOException {
		StringBuilder hba = new StringBuilder();
		hba.append("# Written by Madoguchi at every start (EmbeddedDatabase); changes here are overwritten.\n");
		hba.append("# Password (SCRAM) logins from this machine only; no replication.\n");
		if (trustSuperuser) {
			hba.append("# Converting a directory of an earlier version: removed once the superuser has a password.\n");
			hba.append("host    postgres  postgres  127.0.0.1/32  trust\n");
			hba.append("host    postgres  postgres  ::1/128       trust\n");
		}
		hba.append("local   all       all                     ").append(SCRAM).append('\n');
		hba.append("host    all       all       127.0.0.1/32  ").append(SCRAM).append('\n');
		hba.append("host    all       all       ::1/128       ").append(SCRAM).append('\n');
		PrivateFiles.writeAtomically(directory.resolve("pg_hba.conf"), hba.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static boolean socketFits(Path directory) {
		String path = directory.toString();
		return path.length() + "/.s.PGSQL.65535".length() <= MAX_SOCKET_PATH && path.matches("[A-Za-z0-9/._-]+");
	}

	/**
	 * Sets the superuser's password, then reloads pg_hba.conf without the trust lines.
	 */
	private static void endTrust(EmbeddedPostgres postgres, Path directory, DatabasePasswords passwords)
			throws SQLException, IOException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			connection.unwrap(PGConnection.class)
				.alterUserPassword(DatabaseRoles.SUPERUSER, passwords.superuser().toCharArray(), SCRAM);
			writeHba(directory, false);
			statement.execute("select pg_reload_conf()");
		}
		// the postmaster reloads asynchronously: wait until it refuses a login without
		// password
		PGSimpleDataSource unauthenticated = dataSource(postgres.getPort(), "postgres", DatabaseRoles.SUPERUSER, null);
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (true) {
			try (Connection connection = unauthenticated.getConnection()) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The embedded PostgreSQL still trusts local connections");
				}
			}
			catch (SQLException refused) {
				log.warn("Embedded PostgreSQL in {}: converted from trust to password logins ({})", directory,
						DatabasePasswords.file(directory.getParent()));
				return;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/**
	 * The roles with their passwords, the database owned by {@link DatabaseRoles#OWNER},
	 * and whatever an earlier version created as the superuser handed over to it. Cheap
	 * when nothing is to do; runs at every start.
	 */
	private static void prepare(EmbeddedPostgres postgres, DatabasePasswords passwords) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			for (String role : List.of(DatabaseRoles.OWNER, DatabaseRoles.APPLICATION)) {
				try (ResultSet rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
					if (!rs.next()) {
						statement.execute("create role " + role);
					}
				}
				statement.execute("alter role " + role
						+ " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit");
				connection.unwrap(PGConnection.class).alterUserPassword(role, passwords.of(role).toCharArray(), SCRAM);
			}
			try (ResultSet rs = statement
				.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (!rs.next()) {
					statement.execute("create database " + DATABASE + " owner " + DatabaseRoles.OWNER
							+ " encoding 'UTF8' template template0");
				}
			}
			statement.execute("alter database " + DATABASE + " owner to " + DatabaseRoles.OWNER);
			statement.execute("revoke all on database " + DATABASE + " from public");
			statement.execute("grant connect, temporary on database " + DATABASE + " to " + DatabaseRoles.APPLICATION);
			statement.execute("revoke connect on database postgres from public");
		}
		try (Connection connection = postgres.getDatabase(DatabaseRoles.SUPERUSER, DATABASE).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(HAND_OVER);
		}
	}

	/**
	 * Schemas, tables, sequences and functions of the database not yet owned by the owner
	 * role (made by an earlier version as the superuser) are given to it. Sequences of
	 * identity and serial columns follow their table; extension members stay as they are.
	 */
	private static final String HAND_OVER = """
			do $$
			declare
			    o record;
			    owner constant regrole := '%1$s'::regrole;
			begin
			    for o in select n.nspname from pg_namespace n
			             where n.nspname not like 'pg\\_%%' and n.nspname not in ('information_schema', 'public')
			               and n.nspowner <> owner
			    loop
			        execute format('alter schema %%I owner to %1$s', o.nspname);
			    end loop;
			    for o in select n.nspname, c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
			             where n.nspname not like 'pg\\_%%' and n.nspname <> 'information_schema'
			               and c.relowner <> owner and c.relkind in ('r', 'p', 'v', 'm', 'S')
			               and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
			                               and d.objid = c.oid and d.deptype in ('a', 'i', 'e'))
			    loop
			        execute format('alter %%s %%I.%%I owner to %1$s',
			            case o.relkind when 'S' then 'sequence' when 'v' then 'view'
			                           when 'm' then 'materialized view' else 'table' end,
			            o.nspname, o.relname);
			    end loop;
			    for o in select p.oid::regprocedure as routine, p.prokind from pg_proc p
			             join pg_namespace n on n.oid = p.pronamespace
			             where n.nspname not like 'pg\\_%%' and n.nspname <> 'information_schema'
			               and p.proowner <> owner
			               and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
			                               and d.objid = p.oid and d.deptype = 'e')
			    loop
			        execute format('alter %%s %%s owner to %1$s',
			            case o.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end,
			            o.routine);
			    end loop;
			end
			$$
			"""
		.formatted(DatabaseRoles.OWNER);

}
