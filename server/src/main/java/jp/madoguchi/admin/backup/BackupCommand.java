package jp.madoguchi.admin.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.CommandAuditTrail;
import jp.madoguchi.platform.database.DatabasePasswords;
import jp.madoguchi.platform.database.DatabaseRoles;
import jp.madoguchi.platform.database.EmbeddedDatabase;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup or restore, for the embedded PostgreSQL of a data directory or for the external
 * one named by {@code spring.datasource.*}, the same settings the application reads.
 * <p>
 * Why not pg_dump: zonky's embedded PostgreSQL 17 ships only initdb, pg_ctl and postgres,
 * Debian 12 packages pg_dump 15, which refuses a newer server, and the PostgreSQL apt
 * repository is not reachable from every city network. A dump through JDBC ({@code COPY})
 * needs no client tools, works with every server version, and lets one archive also carry
 * the My Number keys of {@code <data-dir>/keys}, without which the restored My Numbers
 * could not be decrypted.
 */
public final class BackupCommand {

	/** The time of the last successful backup, in the data directory. */
	public static final String LAST_BACKUP = "last-backup.txt";

	private static final Logger log = LoggerFactory.getLogger(BackupCommand.class);

	/** Creates the operator's key pair: {@code --madoguchi.backup.new-key-pair=DIR}. */
	public static final String NEW_KEY_PAIR = "madoguchi.backup.new-key-pair";

	static final String PUBLIC_KEY = "madoguchi.backup.public-key";

	/** The audit action of a backup (success or failure). */
	public static final String BACKUP_ACTION = "BACKUP_CREATED";

	/** The audit action of a restore (success or failure). */
	public static final String RESTORE_ACTION = "BACKUP_RESTORED";

	private static final int MAX_REASON = 300;

	static final String PRIVATE_KEY = "madoguchi.backup.private-key";

	private final String[] args;

	private final Map<String, String> environment;

	public BackupCommand(String[] args, Map<String, String> environment) {
		this.args = args.clone();
		this.environment = environment;
	}

	public int run() {
		quietLogging();
		Optional<String> backup = option("madoguchi.backup");
		Optional<String> restore = option("madoguchi.restore");
		Optional<String> newKeyPair = option(NEW_KEY_PAIR);
		Path dataDir = dataDir(args, environment);
		try {
			if (newKeyPair.isPresent()) {
				BackupKeys.create(Path.of(newKeyPair.get()).toAbsolutePath().normalize(), dataDir);
			}
			else if (backup.isPresent()) {
				Path file = Path.of(backup.get()).toAbsolutePath();
				ArchiveSummary summary = withDatabase(dataDir, false,
						(dataSource) -> backup(dataSource, dataDir, file));
				log.info("バックアップを作成しました: {} ({})", file, summary);
				// for the metric madoguchi_backup_last_success_seconds (HealthService)
				jp.madoguchi.platform.PrivateFiles.writeAtomically(dataDir.resolve(LAST_BACKUP),
						java.time.Instant.now().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			}
			else if (restore.isPresent()) {
				Path file = Path.of(restore.get()).toAbsolutePath();
				if (!Files.isRegularFile(file)) {
					throw new BackupException("バックアップファイルがありません: " + file);
				}
				try (OpenedBackup opened = OpenedBackup.of(file, option(PRIVATE_KEY).map(Path::of))) {
					ArchiveSummary summary = withDatabase(dataDir, true,
							(dataSource) -> restore(dataSource, dataDir, file, opened.archive()));
					log.info("復元しました: {} ({})", file, summary);
				}
			}
			return 0;
		}
		catch (BackupException ex) {
			log.error("エラー: {}", ex.getMessage());
			return 2;
		}
		catch (Exception ex) {
			log.error("エラー: バックアップまたは復元に失敗しました", ex);
			return 1;
		}
	}

	/**
	 * The backup, recorded in the audit chain of the database it read: after the file is
	 * in place ({@value #BACKUP_ACTION}, with the file's name and size and what it
	 * holds), or as a failure with the reason. A backup the chain cannot record is
	 * deleted: no copy of the personal data leaves unaudited.
	 */
	private ArchiveSummary backup(DataSource dataSource, Path dataDir, Path file) throws Exception {
		String backupId = UUID.randomUUID().toString();
		String subject = "backup:" + backupId;
		try (CommandAuditTrail audit = CommandAuditTrail.open(dataSource, dataDir,
				setting(CommandAuditTrail.KEY_FILE_SETTING))) {
			ArchiveSummary summary;
			String fingerprint;
			try {
				PublicKey recipient = BackupKeys.recipient(option(PUBLIC_KEY).map(Path::of), dataDir);
				fingerprint = BackupSeal.fingerprint(recipient);
				summary = DatabaseArchive.write(dataSource, dataDir.resolve("keys"), file, recipient, backupId);
			}
			catch (Exception ex) {
				recordFailure(audit, BACKUP_ACTION, subject, file, ex);
				throw ex;
			}
			try {
				audit.record(AuditEntry.success(BACKUP_ACTION, subject, "file=" + file.getFileName() + " size="
						+ Files.size(file) + " " + summary.auditDetail() + " fingerprint=" + fingerprint + host()));
			}
			catch (RuntimeException ex) {
				Files.deleteIfExists(file);
				log.error("監査証跡に記録できませんでした", ex);
				throw new BackupException("監査証跡に記録できなかったため、作成したバックアップ " + file + " を削除しました。");
			}
			log.info("鍵の指紋 {}、監査証跡に記録しました（{} {}）", fingerprint, BACKUP_ACTION, subject);
			return summary;
		}
	}

	/**
	 * The restore, recorded after the data is back, in the restored database's chain and
	 * under the restored chain key ({@value #RESTORE_ACTION}, naming the backup). A
	 * database that is not empty is refused, and that installation's own chain records
	 * the attempt; a restore that fails on the way into an empty database has no chain to
	 * record in (the log says so).
	 */
	private ArchiveSummary restore(DataSource dataSource, Path dataDir, Path file, Path archive) throws Exception {
		String keyFile = setting(CommandAuditTrail.KEY_FILE_SETTING);
		if (DatabaseArchive.hasSchema(dataSource)) {
			BackupException refused = new BackupException(DatabaseArchive.NOT_EMPTY);
			try (CommandAuditTrail audit = CommandAuditTrail.open(dataSource, dataDir, keyFile)) {
				recordFailure(audit, RESTORE_ACTION, backupSubject(DatabaseArchive.backupId(archive), file), file,
						refused);
			}
			throw refused;
		}
		ArchiveSummary summary;
		try {
			summary = DatabaseArchive.restore(archive, dataSource, dataDir.resolve("keys"));
		}
		catch (Exception ex) {
			log.warn("復元先のデータベースにはまだ監査証跡がないため、この失敗は監査証跡に記録されません。");
			throw ex;
		}
		String subject = backupSubject(summary.backupId(), file);
		try (CommandAuditTrail audit = CommandAuditTrail.open(dataSource, dataDir, keyFile)) {
			audit.record(AuditEntry.success(RESTORE_ACTION, subject,
					"file=" + file.getFileName() + " size=" + Files.size(file) + " " + summary.auditDetail() + host()));
		}
		catch (RuntimeException ex) {
			log.error("監査証跡に記録できませんでした", ex);
			throw new BackupException("データは復元しましたが、監査証跡に記録できませんでした。監査証跡の検証（/api/v1/audit/verify）を確認してください。");
		}
		log.info("監査証跡に記録しました（{} {}）", RESTORE_ACTION, subject);
		return summary;
	}

	/** {@code backup:<id>}; a backup of the first releases has no id: its file name. */
	private static String backupSubject(@Nullable String backupId, Path file) {
		return "backup:" + ((backupId != null) ? backupId : file.getFileName());
	}

	/**
	 * A failure in the chain; our own refusals say why, anything else only what kind of
	 * error it was (a database message might quote data).
	 */
	private static void recordFailure(CommandAuditTrail audit, String action, String subject, Path file, Exception ex) {
		String reason = (ex instanceof BackupException) ? ex.getMessage() : ex.getClass().getSimpleName();
		if (reason != null && reason.length() > MAX_REASON) {
			reason = reason.substring(0, MAX_REASON);
		}
		try {
			audit.record(
					AuditEntry.failure(action, subject, "file=" + file.getFileName() + host() + " reason=" + reason));
		}
		catch (RuntimeException recording) {
			log.error("失敗を監査証跡に記録できませんでした", recording);
		}
	}

	/** Which machine ran the command, for the audit detail. */
	private static String host() {
		try {
			return " host=" + java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException | RuntimeException ex) {
			return "";
		}
	}

	@FunctionalInterface
	interface DatabaseWork {

		ArchiveSummary run(DataSource dataSource) throws Exception;

	}

	private ArchiveSummary withDatabase(Path dataDir, boolean restoring, DatabaseWork work) throws Exception {
		String url = setting("spring.datasource.url");
		if (url != null && !url.isBlank()) {
			PGSimpleDataSource external = new PGSimpleDataSource();
			external.setURL(url);
			// a restore builds the schema: it needs the role that owns it
			// (docs/operations.md)
			String flywayUser = setting("spring.flyway.user");
			boolean owner = restoring && flywayUser != null && !flywayUser.isEmpty();
			String user = owner ? flywayUser : setting("spring.datasource.username");
			if (user != null && !user.isEmpty()) {
				external.setUser(user);
			}
			String password = setting(owner ? "spring.flyway.password" : "spring.datasource.password");
			if (password != null && !password.isEmpty()) {
				external.setPassword(password);
			}
			return work.run(external);
		}
		Path directory = EmbeddedDatabase.directory(dataDir);
		Optional<Integer> runningPort = runningPort(directory);
		if (runningPort.isPresent()) {
			if (restoring) {
				throw new BackupException("Madoguchi が " + dataDir + " で動いています。停止してから復元してください。");
			}
			// online backup of the running application's own server, as the role that
			// owns
			// every table, with the password kept in the data directory
			PGSimpleDataSource running = new PGSimpleDataSource();
			running.setURL(EmbeddedDatabase.jdbcUrl(runningPort.get()));
			running.setUser(DatabaseRoles.OWNER);
			running.setPassword(DatabasePasswords.read(dataDir).owner());
			return work.run(running);
		}
		if (!restoring && !Files.exists(directory.resolve("PG_VERSION"))) {
			throw new BackupException("データベースがありません: " + directory);
		}
		try (EmbeddedPostgres postgres = EmbeddedDatabase.start(dataDir)) {
			return work
				.run(EmbeddedDatabase.dataSource(postgres, DatabaseRoles.OWNER, DatabasePasswords.read(dataDir)));
		}
	}

	/**
	 * The port of the embedded server if one runs on this directory: line 1 of
	 * postmaster.pid is its process id, line 4 its port.
	 */
	static Optional<Integer> runningPort(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.size() < 4) {
			return Optional.empty();
		}
		long pid = Long.parseLong(lines.get(0).trim());
		boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
		return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
	}

	public static Path dataDir(String[] args, Map<String, String> environment) {
		String value = find(args, "madoguchi.data-dir");
		if (value == null) {
			value = environment.get("MADOGUCHI_DATA_DIR");
		}
		return Path.of((value != null && !value.isBlank()) ? value : "./data").toAbsolutePath().normalize();
	}

	/** A command-line option, else the environment variable Spring Boot would read. */
	private @Nullable String setting(String name) {
		String value = find(args, name);
		if (value != null) {
			return value;
		}
		return environment.get(name.toUpperCase().replace('.', '_').replace("-", ""));
	}

	private Optional<String> option(String name) {
		return Optional.ofNullable(find(args, name));
	}

	private static @Nullable String find(String[] args, String name) {
		String prefix = "--" + name + "=";
		for (String arg : args) {
			if (arg.startsWith(prefix)) {
				return arg.substring(prefix.length());
			}
		}
		return null;
	}

	/**
	 * Spring Boot is not started, so logback would log everything at DEBUG (zonky is
	 * chatty): only warnings and errors matter, and this command's own report to the
	 * operator (logged, not printed, like everything else in the application).
	 */
	private static void quietLogging() {
		org.slf4j.Logger root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		if (root instanceof ch.qos.logback.classic.Logger logback) {
			logback.setLevel(Level.WARN);
		}
		if (log instanceof ch.qos.logback.classic.Logger own) {
			own.setLevel(Level.INFO);
		}
	}

}
