package jp.madoguchi.admin.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import jp.madoguchi.platform.PrivateFiles;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * One zip file, sealed to the operator's public key ({@link BackupSeal}):
 * {@code backup.properties} (format, schema version, tables in load order with their
 * columns and row counts, sequence values), one {@code COPY} text file per table under
 * {@code tables/}, and the key files under {@code keys/}.
 * <p>
 * The dump reads every table in one repeatable-read snapshot, so it is consistent while
 * the application keeps working. The restore needs an empty database: it lets Flyway
 * build the schema exactly as it was at the backup's version, loads the rows (user
 * triggers off, so the audit chain's append-only guard lets the stored chain back in
 * unchanged), then migrates to the current version. Sessions are not kept: everyone signs
 * in again.
 */
final class DatabaseArchive {

	static final int FORMAT = 1;

	private static final String MANIFEST = "backup.properties";

	static final String NOT_EMPTY = "復元先のデータベースが空ではありません。空のデータベース（または新しいデータディレクトリ）に復元してください。";

	private static final String FLYWAY_TABLE = "flyway_schema_history";

	private static final Set<String> SKIPPED = Set.of(FLYWAY_TABLE, "spring_session", "spring_session_attributes");

	private DatabaseArchive() {
	}

	record Table(long oid, String schema, String name, List<String> columns) {

		String qualified() {
			return quote(schema) + "." + quote(name);
		}

		String key() {
			return schema + "." + name;
		}

		String columnList() {
			return String.join(", ", columns.stream().map(DatabaseArchive::quote).toList());
		}

	}

	/**
	 * Writes the archive; {@code backupId} names it in the manifest and in the audit
	 * events of the backup and of every restore from it.
	 */
	static ArchiveSummary write(DataSource dataSource, Path keysDir, Path file, PublicKey recipient, String backupId)
			throws Exception {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
		Files.deleteIfExists(partial);
		Properties manifest = new Properties();
		long totalRows = 0;
		int keys = 0;
		String version;
		List<Table> tables;
		long auditThrough;
		Instant createdAt = Instant.now();
		try (Connection connection = dataSource.getConnection();
				OutputStream fileOut = BackupSeal.sealing(PrivateFiles.newOutputStream(partial), recipient);
				ZipOutputStream zip = new ZipOutputStream(fileOut)) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			String flywaySchema = flywaySchema();
			if (!exists(connection, flywaySchema, FLYWAY_TABLE)) {
				throw new BackupException("Madoguchi のデータベースではありません（" + flywaySchema + "." + FLYWAY_TABLE + " がありません）");
			}
			version = schemaVersion(connection, flywaySchema);
			auditThrough = auditThrough(connection);
			tables = tablesInLoadOrder(connection);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			List<String> names = new ArrayList<>();
			for (Table table : tables) {
				zip.putNextEntry(new ZipEntry("tables/" + table.key() + ".copy"));
				long rows = copy.copyOut("COPY (SELECT " + table.columnList() + " FROM " + table.qualified()
						+ ") TO STDOUT (FORMAT text, ENCODING 'UTF8')", new KeepOpen(zip));
				zip.closeEntry();
				names.add(table.key());
				manifest.setProperty("table." + table.key() + ".columns", String.join(",", table.columns()));
				manifest.setProperty("table." + table.key() + ".rows", Long.toString(rows));
				totalRows += rows;
			}
			manifest.setProperty("tables", String.join(",", names));
			writeSequences(connection, manifest);
			connection.commit();
			if (Files.isDirectory(keysDir)) {
				try (Stream<Path> files = Files.list(keysDir)) {
					for (Path key : files.filter(Files::isRegularFile).sorted().toList()) {
						zip.putNextEntry(new ZipEntry("keys/" + key.getFileName()));
						Files.copy(key, zip);
						zip.closeEntry();
						keys++;
					}
				}
			}
			manifest.setProperty("format", Integer.toString(FORMAT));
			manifest.setProperty("schemaVersion", version);
			manifest.setProperty("createdAt", createdAt.toString());
			manifest.setProperty("keys", Integer.toString(keys));
			manifest.setProperty("backupId", backupId);
			manifest.setProperty("auditThrough", Long.toString(auditThrough));
			zip.putNextEntry(new ZipEntry(MANIFEST));
			manifest.store(zip, "Madoguchi backup");
			zip.closeEntry();
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return new ArchiveSummary(tables.size(), totalRows, keys, version, backupId, createdAt.toString(),
				auditThrough);
	}

	static ArchiveSummary restore(Path file, DataSource dataSource, Path keysDir) throws Exception {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			ZipEntry manifestEntry = zip.getEntry(MANIFEST);
			if (manifestEntry == null) {
				throw new BackupException("Madoguchi のバックアップファイルではありません: " + file);
			}
			Properties manifest = new Properties();
			try (InputStream in = zip.getInputStream(manifestEntry)) {
				manifest.load(in);
			}
			if (!Integer.toString(FORMAT).equals(manifest.getProperty("format"))) {
				throw new BackupException("この版では読めないバックアップ形式です: " + manifest.getProperty("format"));
			}
			checkKeys(zip, keysDir);
			String version = manifest.getProperty("schemaVersion");
			if (hasSchema(dataSource)) {
				throw new BackupException(NOT_EMPTY);
			}
			flyway(dataSource).target(MigrationVersion.fromVersion(version)).load().migrate();
			long rows = load(zip, manifest, dataSource);
			flyway(dataSource).load().migrate();
			int keys = writeKeys(zip, keysDir);
			List<String> tables = Arrays.asList(manifest.getProperty("tables").split(","));
			// backups of the first releases have neither id nor audit position
			return new ArchiveSummary(tables.size(), rows, keys, version, manifest.getProperty("backupId"),
					manifest.getProperty("createdAt"), Long.parseLong(manifest.getProperty("auditThrough", "-1")));
		}
	}

	/** The id in the archive's manifest, null for a backup without one. */
	static @org.jspecify.annotations.Nullable String backupId(Path file) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			ZipEntry entry = zip.getEntry(MANIFEST);
			if (entry == null) {
				return null;
			}
			Properties manifest = new Properties();
			try (InputStream in = zip.getInputStream(entry)) {
				manifest.load(in);
			}
			return manifest.getProperty("backupId");
		}
	}

	/** Whether the database already holds Madoguchi's schema (its migration history). */
	static boolean hasSchema(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return exists(connection, flywaySchema(), FLYWAY_TABLE);
		}
	}

	/** The id of the newest audit event in the snapshot, 0 for an empty chain. */
	private static long auditThrough(Connection connection) throws SQLException {
		if (!exists(connection, "audit", "chain_head")) {
			return 0;
		}
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select last_id from audit.chain_head")) {
			return rs.next() ? rs.getLong(1) : 0;
		}
	}

	private static long load(ZipFile zip, Properties manifest, DataSource dataSource) throws Exception {
		List<String> tables = Arrays.asList(manifest.getProperty("tables").split(","));
		long total = 0;
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			// rows the migrations seeded (masters, the empty chain head) make way for the
			// backup's; children first, as foreign keys stay enforced
			for (int i = tables.size() - 1; i >= 0; i--) {
				String table = qualified(tables.get(i));
				statement.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
				statement.execute("DELETE FROM " + table);
			}
			for (String key : tables) {
				String columns = String.join(", ",
						Arrays.stream(manifest.getProperty("table." + key + ".columns").split(","))
							.map(DatabaseArchive::quote)
							.toList());
				ZipEntry entry = zip.getEntry("tables/" + key + ".copy");
				long expected = Long.parseLong(manifest.getProperty("table." + key + ".rows"));
				long loaded;
				try (InputStream in = zip.getInputStream(entry)) {
					loaded = copy.copyIn(
							"COPY " + qualified(key) + " (" + columns + ") FROM STDIN (FORMAT text, ENCODING 'UTF8')",
							in);
				}
				if (loaded != expected) {
					throw new BackupException(key + ": " + expected + " 行のはずが " + loaded + " 行でした");
				}
				total += loaded;
			}
			for (String key : tables) {
				statement.execute("ALTER TABLE " + qualified(key) + " ENABLE TRIGGER USER");
			}
			for (String name : manifest.stringPropertyNames()) {
				if (name.startsWith("sequence.")) {
					String sequence = name.substring("sequence.".length());
					try (PreparedStatement set = connection.prepareStatement("select setval(?::regclass, ?, true)")) {
						set.setString(1, qualified(sequence));
						set.setLong(2, Long.parseLong(manifest.getProperty(name)));
						set.executeQuery().close();
					}
				}
			}
			connection.commit();
		}
		return total;
	}

	private static void checkKeys(ZipFile zip, Path keysDir) throws IOException {
		for (ZipEntry entry : keyEntries(zip)) {
			Path target = keysDir.resolve(keyName(entry));
			if (Files.exists(target)) {
				try (InputStream in = zip.getInputStream(entry)) {
					if (!Arrays.equals(in.readAllBytes(), Files.readAllBytes(target))) {
						throw new BackupException("鍵ファイルが既にあり、内容が異なります: " + target);
					}
				}
			}
		}
	}

	private static int writeKeys(ZipFile zip, Path keysDir) throws IOException {
		List<ZipEntry> entries = keyEntries(zip);
		PrivateFiles.createDirectories(keysDir);
		for (ZipEntry entry : entries) {
			Path target = keysDir.resolve(keyName(entry));
			if (!Files.exists(target)) {
				try (InputStream in = zip.getInputStream(entry)) {
					PrivateFiles.writeAtomically(target, in.readAllBytes());
				}
			}
		}
		return entries.size();
	}

	private static List<ZipEntry> keyEntries(ZipFile zip) {
		List<ZipEntry> keys = new ArrayList<>();
		Enumeration<? extends ZipEntry> entries = zip.entries();
		while (entries.hasMoreElements()) {
			ZipEntry entry = entries.nextElement();
			if (entry.getName().startsWith("keys/") && !entry.isDirectory()) {
				keys.add(entry);
			}
		}
		return keys;
	}

	/** The file name only: an entry like keys/../../x must not escape the directory. */
	private static String keyName(ZipEntry entry) {
		String name = entry.getName().substring("keys/".length());
		if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
			throw new BackupException("不正な鍵ファイル名です: " + entry.getName());
		}
		return name;
	}

	private static void writeSequences(Connection connection, Properties manifest) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select schemaname, sequencename, last_value from pg_sequences"
						+ " where schemaname not in ('pg_catalog', 'information_schema') and last_value is not null")) {
			while (rs.next()) {
				manifest.setProperty("sequence." + rs.getString(1) + "." + rs.getString(2),
						Long.toString(rs.getLong(3)));
			}
		}
	}

	/**
	 * Every ordinary table of every schema but the migration history and the sessions,
	 * referenced tables before those that reference them.
	 */
	static List<Table> tablesInLoadOrder(Connection connection) throws SQLException {
		Map<Long, Table> tables = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select c.oid, n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')
				and n.nspname not like 'pg\\_%' order by n.nspname, c.relname""")) {
			while (rs.next()) {
				if (!SKIPPED.contains(rs.getString(3))) {
					tables.put(rs.getLong(1),
							new Table(rs.getLong(1), rs.getString(2), rs.getString(3), new ArrayList<>()));
				}
			}
		}
		try (PreparedStatement columns = connection.prepareStatement("""
				select attname from pg_attribute where attrelid = ? and attnum > 0 and not attisdropped
				and attgenerated = '' order by attnum""")) {
			for (Table table : tables.values()) {
				columns.setLong(1, table.oid());
				try (ResultSet rs = columns.executeQuery()) {
					while (rs.next()) {
						table.columns().add(rs.getString(1));
					}
				}
			}
		}
		Map<Long, Set<Long>> parents = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"select conrelid::bigint, confrelid::bigint from pg_constraint where contype = 'f' and conrelid <> confrelid")) {
			while (rs.next()) {
				parents.computeIfAbsent(rs.getLong(1), (k) -> new LinkedHashSet<>()).add(rs.getLong(2));
			}
		}
		List<Table> ordered = new ArrayList<>();
		Set<Long> placed = new LinkedHashSet<>();
		while (ordered.size() < tables.size()) {
			boolean progress = false;
			for (Table table : tables.values()) {
				if (!placed.contains(table.oid()) && parents.getOrDefault(table.oid(), Set.of())
					.stream()
					.allMatch((parent) -> placed.contains(parent) || !tables.containsKey(parent))) {
					ordered.add(table);
					placed.add(table.oid());
					progress = true;
				}
			}
			if (!progress) {
				throw new IllegalStateException("Foreign keys form a cycle among " + tables.values());
			}
		}
		return ordered;
	}

	private static String schemaVersion(Connection connection, String flywaySchema) throws SQLException {
		MigrationVersion newest = null;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select version from " + quote(flywaySchema) + "." + FLYWAY_TABLE
						+ " where success and version is not null")) {
			while (rs.next()) {
				MigrationVersion version = MigrationVersion.fromVersion(rs.getString(1));
				if (newest == null || version.compareTo(newest) > 0) {
					newest = version;
				}
			}
		}
		if (newest == null) {
			throw new BackupException("データベースにスキーマがまだありません");
		}
		return newest.getVersion();
	}

	private static boolean exists(Connection connection, String schema, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select to_regclass(?) is not null")) {
			statement.setString(1, quote(schema) + "." + quote(table));
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/** Flyway as the application configures it (application.yml). */
	static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource) {
		Properties yml = applicationYml();
		String[] locations = yml.getProperty("spring.flyway.locations").split(",");
		return Flyway.configure(DatabaseArchive.class.getClassLoader())
			.dataSource(dataSource)
			.locations(Arrays.stream(locations).map(String::trim).toArray(String[]::new))
			.schemas(flywaySchema());
	}

	private static String flywaySchema() {
		return applicationYml().getProperty("spring.flyway.schemas", "public").split(",")[0].trim();
	}

	private static Properties applicationYml() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		Properties properties = yaml.getObject();
		if (properties == null) {
			throw new IllegalStateException("application.yml not found");
		}
		return properties;
	}

	private static String qualified(String key) {
		int dot = key.indexOf('.');
		return quote(key.substring(0, dot)) + "." + quote(key.substring(dot + 1));
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	/** COPY must not close the zip stream after each table. */
	private static final class KeepOpen extends FilterOutputStream {

		KeepOpen(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
