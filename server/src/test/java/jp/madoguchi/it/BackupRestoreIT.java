package jp.madoguchi.it;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static jp.madoguchi.it.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's "done when" for backups: data with an audit trail and an encrypted My
 * Number, backed up while the application runs, restored into a new data directory and
 * into an empty external PostgreSQL; the restored application shows the same notification
 * (the My Number decrypts, so the keys came back), accepts the same credentials, and its
 * audit chain verifies.
 */
class BackupRestoreIT {

	static final String PASSWORD = "kushiro-backup-secret-1";

	static final String NOTIFICATION = """
			{"type":"MOVE_IN","variant":"DOMESTIC","movedOn":"2026-11-20","filedOn":"2026-11-25",
			 "newAddress":{"postalCode":"0850000","prefecture":"北海道","city":"釧路市","town":"黒金町","block":"7丁目5番地","building":""},
			 "previousAddress":{"prefecture":"北海道","city":"札幌市中央区","town":"北一条西","block":"2丁目","building":""},
			 "household":{"headName":"辻\uDB40\uDD02 太郎","newHousehold":true},
			 "persons":[{"familyName":"辻\uDB40\uDD02","givenName":"太郎","familyNameKana":"ツジ","givenNameKana":"タロウ",
			   "birthDate":"1980-04-01","sex":"MALE","relationship":"世帯主","myNumberCard":true,"myNumber":"123456789018",
			   "facts":{"healthInsurance":"NHI"}}],
			 "filer":{"kind":"SELF","name":"辻\uDB40\uDD02 太郎","phone":"0154-00-0000","powerOfAttorney":false},
			 "identityDocuments":["MY_NUMBER_CARD"]}""";

	@TempDir
	Path work;

	@Test
	void backupWhileRunningThenRestoreIntoEmptyDatabasesKeepsDataAndAuditChain() throws Exception {
		Path original = work.resolve("original");
		Path backup = work.resolve("backups/madoguchi.zip");
		Path offline = work.resolve("usb-stick");
		String token;
		String id;
		String notificationBefore;
		long checkedBefore;
		try (RunningServer server = RunningServer.start(work, Map.of("MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD),
				"--madoguchi.data-dir=" + original)) {
			RunningServer.Client admin = server.client();
			assertThat(admin.signInAsAdmin(PASSWORD)).endsWith("/");
			admin.get("/account");
			HttpResponse<String> tokenResponse = admin.postJson("/api/v1/admin/api-tokens",
					"{\"name\":\"backup-test\",\"user\":\"admin\"}");
			assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(201);
			token = json(tokenResponse).get("token").asString();
			HttpResponse<String> created = admin.postJson("/api/v1/notifications", NOTIFICATION, token);
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			id = json(created).get("id").asString();
			notificationBefore = admin.get("/api/v1/notifications/" + id, token).body();
			assertThat(RunningServer.JSON.readTree(notificationBefore).get("persons").get(0).get("myNumber").asString())
				.isEqualTo("123456789018");
			JsonNode verified = json(admin.get("/api/v1/audit/verify", token));
			assertThat(verified.get("valid").asBoolean()).isTrue();
			checkedBefore = verified.get("checked").asLong();

			Command unkeyed = Command.run(work, "--madoguchi.backup=" + backup, "--madoguchi.data-dir=" + original);
			assertThat(unkeyed.exitCode).as(unkeyed.output).isEqualTo(2);
			assertThat(unkeyed.output).contains("公開鍵").contains("--new-key-pair");
			assertThat(backup).doesNotExist();

			Command keys = Command.run(work, "--madoguchi.backup.new-key-pair=" + offline,
					"--madoguchi.data-dir=" + original);
			assertThat(keys.exitCode).as(keys.output).isZero();
			assertThat(PosixFilePermissions
				.toString(Files.getPosixFilePermissions(offline.resolve("madoguchi-backup-private-key.pem"))))
				.isEqualTo("rw-------");
			Command made = Command.run(work, "--madoguchi.backup=" + backup, "--madoguchi.data-dir=" + original);
			assertThat(made.exitCode).as(made.output).isZero();
			assertThat(made.output).contains("バックアップを作成しました");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
			assertSealed(backup, original.resolve("keys"));
		}

		// a copied backup without the private key kept off the server: refused, nothing
		// written
		Path restored = work.resolve("restored");
		Command withoutKey = Command.run(work, "--madoguchi.restore=" + backup, "--madoguchi.data-dir=" + restored);
		assertThat(withoutKey.exitCode).as(withoutKey.output).isEqualTo(2);
		assertThat(withoutKey.output).contains("暗号化されています").contains("--madoguchi.backup.private-key");
		assertThat(restored).doesNotExist();
		Path otherKeys = work.resolve("other-keys");
		assertThat(Command.run(work, "--madoguchi.backup.new-key-pair=" + otherKeys,
				"--madoguchi.data-dir=" + work.resolve("elsewhere")).exitCode)
			.isZero();
		Command wrongKey = Command.run(work, "--madoguchi.restore=" + backup, "--madoguchi.data-dir=" + restored,
				"--madoguchi.backup.private-key=" + otherKeys.resolve("madoguchi-backup-private-key.pem"));
		assertThat(wrongKey.exitCode).as(wrongKey.output).isEqualTo(2);
		assertThat(wrongKey.output).contains("このバックアップの鍵");
		assertThat(restored).doesNotExist();

		String privateKey = "--madoguchi.backup.private-key=" + offline.resolve("madoguchi-backup-private-key.pem");
		Command restore = Command.run(work, "--madoguchi.restore=" + backup, "--madoguchi.data-dir=" + restored,
				privateKey);
		assertThat(restore.exitCode).as(restore.output).isZero();
		Command again = Command.run(work, "--madoguchi.restore=" + backup, "--madoguchi.data-dir=" + restored,
				privateKey);
		assertThat(again.exitCode).as(again.output).isEqualTo(2);
		assertThat(again.output).contains("空ではありません");
		assertSameData(Map.of(), restored, token, id, notificationBefore, checkedBefore);

		try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
			Map<String, String> environment = Map.of("SPRING_DATASOURCE_URL",
					external.getJdbcUrl("postgres", "postgres"), "SPRING_DATASOURCE_USERNAME", "postgres");
			Path keysOnly = work.resolve("external-data");
			Command toExternal = Command.run(work, environment, "--madoguchi.restore=" + backup,
					"--madoguchi.data-dir=" + keysOnly, privateKey);
			assertThat(toExternal.exitCode).as(toExternal.output).isZero();
			assertThat(Files.exists(keysOnly.resolve("postgres"))).isFalse();
			assertSameData(environment, keysOnly, token, id, notificationBefore, checkedBefore);
		}
	}

	/**
	 * Neither the archive's structure nor the My Number key can be read from the file.
	 */
	private static void assertSealed(Path backup, Path keysDir) throws Exception {
		byte[] sealed = Files.readAllBytes(backup);
		assertThat(new String(sealed, 0, 19, java.nio.charset.StandardCharsets.US_ASCII))
			.isEqualTo("MADOGUCHI-BACKUP-2\n");
		String text = new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(text).doesNotContain("PK\u0003\u0004").doesNotContain("backup.properties");
		try (java.util.stream.Stream<Path> keys = Files.list(keysDir)) {
			for (Path key : keys.toList()) {
				assertThat(text).doesNotContain(Files.readString(key).trim());
			}
		}
	}

	private void assertSameData(Map<String, String> environment, Path dataDir, String token, String id,
			String notificationBefore, long checkedBefore) throws Exception {
		try (RunningServer server = RunningServer.start(work, environment, "--madoguchi.data-dir=" + dataDir)) {
			RunningServer.Client admin = server.client();
			assertThat(admin.signInAsAdmin(PASSWORD)).endsWith("/");
			HttpResponse<String> notification = admin.get("/api/v1/notifications/" + id, token);
			assertThat(notification.statusCode()).as(notification.body()).isEqualTo(200);
			assertThat(json(notification)).isEqualTo(RunningServer.JSON.readTree(notificationBefore));
			JsonNode verified = json(admin.get("/api/v1/audit/verify", token));
			assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
			assertThat(verified.get("checked").asLong()).isGreaterThan(checkedBefore);
			// the restore is in the restored chain, by the OS user, naming the backup
			JsonNode restores = json(admin.get("/api/v1/audit/events?action=BACKUP_RESTORED&outcome=SUCCESS", token));
			assertThat(restores.size()).as(restores.toString()).isEqualTo(1);
			assertThat(restores.get(0).get("actor").asString()).startsWith("os:");
			assertThat(restores.get(0).get("subject").asString()).startsWith("backup:");
			assertThat(restores.get(0).get("detail").asString()).contains("file=madoguchi.zip");
		}
	}

	/** {@code java -jar madoguchi-server.jar …} as bin/backup and bin/restore run it. */
	record Command(int exitCode, String output) {

		static Command run(Path work, String... arguments) throws Exception {
			return run(work, Map.of(), arguments);
		}

		static Command run(Path work, Map<String, String> environment, String... arguments) throws Exception {
			String jar = System.getProperty("madoguchi.it.jar", "target/madoguchi-server.jar");
			List<String> command = new ArrayList<>(List.of(RunningServer.javaBinary(), "-jar", jar));
			command.addAll(List.of(arguments));
			Path log = Files.createTempFile(work, "command-", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			RunningServer.operatorEnvironment(builder, environment);
			Process process = builder.start();
			if (!process.waitFor(180, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("command did not finish: " + Files.readString(log));
			}
			return new Command(process.exitValue(), Files.readString(log));
		}

	}

}
