package jp.madoguchi.admin.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import jp.madoguchi.SharedTestDatabase;
import jp.madoguchi.audit.CommandAuditTrail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22: every backup and every restore, succeeded or failed, leaves an event in the
 * hash chain of the database concerned — the command itself, without Spring, on two
 * databases of the shared test server (a Madoguchi database and an empty one). The
 * operating-system user is the actor, marked {@code os:}; the detail names the file, its
 * size and counts and never a key; the restore's event is in the restored database, after
 * the restored chain, under the restored chain key, and names the backup.
 */
class BackupCommandAuditTests {

	@TempDir
	Path work;

	final List<String> databases = new ArrayList<>();

	Level rootLevel;

	@BeforeEach
	void keepLogging() {
		rootLevel = root().getLevel();
	}

	/** The command quiets logging for a process of its own: this JVM runs on. */
	@AfterEach
	void restoreLoggingAndDropDatabases() {
		root().setLevel(rootLevel);
		((Logger) LoggerFactory.getLogger(BackupCommand.class)).setLevel(null);
		JdbcClient postgres = JdbcClient.create(SharedTestDatabase.postgres().getPostgresDatabase());
		for (String database : databases) {
			postgres.sql("drop database if exists " + database + " with (force)").update();
		}
	}

	@Test
	void backupAndRestoreSucceededOrFailedAreInTheChainOfTheDatabaseConcerned() throws Exception {
		String source = database();
		DatabaseArchive.flyway(dataSource(source)).load().migrate();
		Path dataDir = work.resolve("data");
		Path offline = work.resolve("usb-stick");
		BackupKeys.create(offline, dataDir);
		JdbcClient original = JdbcClient.create(dataSource(source));
		// the chain has something to carry: an event the application would have written
		try (CommandAuditTrail trail = CommandAuditTrail.open(dataSource(source), dataDir, null)) {
			trail.record(jp.madoguchi.audit.AuditEntry.success("LOGIN", "user:admin").by("admin"));
		}
		Path file = work.resolve("backups/madoguchi-backup.zip");

		// a refused backup (no such public key): a failure in the chain, no file
		assertThat(run(source, dataDir, "--madoguchi.backup=" + file,
				"--madoguchi.backup.public-key=" + work.resolve("missing.pem")))
			.isEqualTo(2);
		Event refused = last(original);
		assertThat(refused.action()).isEqualTo(BackupCommand.BACKUP_ACTION);
		assertThat(refused.outcome()).isEqualTo("FAILURE");
		assertThat(refused.actor()).isEqualTo("os:" + System.getProperty("user.name"));
		assertThat(refused.detail()).contains("file=madoguchi-backup.zip").contains("公開鍵");
		assertThat(file).doesNotExist();

		assertThat(run(source, dataDir, "--madoguchi.backup=" + file)).isZero();
		Event backup = last(original);
		assertThat(backup.action()).isEqualTo(BackupCommand.BACKUP_ACTION);
		assertThat(backup.outcome()).isEqualTo("SUCCESS");
		assertThat(backup.actor()).isEqualTo(CommandAuditTrail.osUser()).startsWith(CommandAuditTrail.OS_USER);
		assertThat(backup.subject()).startsWith("backup:");
		String backupId = backup.subject().substring("backup:".length());
		assertThat(UUID.fromString(backupId)).isNotNull();
		assertThat(backup.detail()).contains("file=madoguchi-backup.zip", "size=" + Files.size(file), "rows=",
				"tables=", "keys=", "auditThrough=" + (backup.id() - 1));
		assertNoSecretIn(backup.detail(), dataDir.resolve("keys"), offline);
		try (CommandAuditTrail trail = CommandAuditTrail.open(dataSource(source), dataDir, null)) {
			assertThat(trail.verify().valid()).as(trail.verify().toString()).isTrue();
		}

		// restored into an empty database: the event is the restored chain's next one
		String target = database();
		Path restoredDir = work.resolve("restored");
		String privateKey = "--madoguchi.backup.private-key=" + offline.resolve(BackupKeys.PRIVATE_FILE);
		assertThat(run(target, restoredDir, "--madoguchi.restore=" + file, privateKey)).isZero();
		JdbcClient restored = JdbcClient.create(dataSource(target));
		Event restore = last(restored);
		assertThat(restore.id()).isEqualTo(backup.id()); // the backup's own event came
															// after
															// its snapshot
		assertThat(restore.action()).isEqualTo(BackupCommand.RESTORE_ACTION);
		assertThat(restore.outcome()).isEqualTo("SUCCESS");
		assertThat(restore.actor()).isEqualTo(CommandAuditTrail.osUser());
		assertThat(restore.subject()).isEqualTo("backup:" + backupId);
		assertThat(restore.detail()).contains("file=madoguchi-backup.zip", "size=" + Files.size(file),
				"auditThrough=" + (backup.id() - 1), "createdAt=");
		assertNoSecretIn(restore.detail(), restoredDir.resolve("keys"), offline);
		// the chain as it was at the snapshot: the refused backup is its last event
		String hashAt = "select action || ' ' || hash from audit.events where id = ?";
		assertThat(restored.sql(hashAt).param(refused.id()).query(String.class).single())
			.isEqualTo(original.sql(hashAt).param(refused.id()).query(String.class).single())
			.startsWith(BackupCommand.BACKUP_ACTION);
		try (CommandAuditTrail trail = CommandAuditTrail.open(dataSource(target), restoredDir, null)) {
			assertThat(trail.verify().valid()).as(trail.verify().toString()).isTrue();
		}

		// the same backup again: refused, recorded in the installation it was refused by
		assertThat(run(target, restoredDir, "--madoguchi.restore=" + file, privateKey)).isEqualTo(2);
		Event again = last(restored);
		assertThat(again.id()).isEqualTo(restore.id() + 1);
		assertThat(again.action()).isEqualTo(BackupCommand.RESTORE_ACTION);
		assertThat(again.outcome()).isEqualTo("FAILURE");
		assertThat(again.subject()).isEqualTo("backup:" + backupId);
		assertThat(again.detail()).contains("空ではありません");
		try (CommandAuditTrail trail = CommandAuditTrail.open(dataSource(target), restoredDir, null)) {
			assertThat(trail.verify().valid()).isTrue();
		}
	}

	private int run(String database, Path dataDir, String... arguments) {
		List<String> args = new ArrayList<>(List.of(arguments));
		args.add("--madoguchi.data-dir=" + dataDir);
		args.add("--spring.datasource.url=" + SharedTestDatabase.postgres().getJdbcUrl("postgres", database));
		args.add("--spring.datasource.username=postgres");
		return new BackupCommand(args.toArray(String[]::new), Map.of()).run();
	}

	private String database() {
		String name = "backup_audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		JdbcClient.create(SharedTestDatabase.postgres().getPostgresDatabase()).sql("create database " + name).update();
		databases.add(name);
		return name;
	}

	private static DataSource dataSource(String database) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(SharedTestDatabase.postgres().getJdbcUrl("postgres", database));
		dataSource.setUser("postgres");
		return dataSource;
	}

	record Event(long id, String actor, String action, String subject, String outcome, String detail) {
	}

	private static Event last(JdbcClient jdbc) {
		return jdbc.sql("select id, actor, action, subject, outcome, detail from audit.events order by id desc limit 1")
			.query((rs, row) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.single();
	}

	/** No line of any key file (the chain key, My Number keys, the backup keys). */
	private static void assertNoSecretIn(String detail, Path... directories) throws Exception {
		for (Path directory : directories) {
			try (var files = Files.list(directory)) {
				for (Path key : files.filter(Files::isRegularFile).toList()) {
					for (String line : Files.readAllLines(key)) {
						String secret = line.contains("=") ? line.substring(line.indexOf('=') + 1) : line;
						if (secret.length() >= 16) {
							assertThat(detail).as(key.toString()).doesNotContain(secret);
						}
					}
				}
			}
		}
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

}
