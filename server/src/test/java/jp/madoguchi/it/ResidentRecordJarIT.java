package jp.madoguchi.it;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static jp.madoguchi.it.RunningServer.JSON;
import static jp.madoguchi.it.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9's "done when", on the packaged jar: notifications accepted through the API are
 * being written to the file outbox when the server is killed with SIGKILL; after a
 * restart there is exactly one complete file per accepted notification, nothing partial
 * under a final name, and {@code .ack} files move them all to SENT.
 */
class ResidentRecordJarIT {

	static final String ADMIN_PASSWORD = "first-start-secret-77";

	static final int NOTIFICATIONS = 8;

	@TempDir
	Path work;

	@Test
	void aKillInTheMiddleOfDeliveriesLeavesExactlyOneCompleteFilePerAcceptedNotification() throws Exception {
		Path outbox = Files.createDirectories(work.resolve("outbox"));
		try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
			// The database outlives the killed server, as an external PostgreSQL would.
			Map<String, String> environment = Map.of("SPRING_DATASOURCE_URL",
					database.getJdbcUrl("postgres", "postgres"), "SPRING_DATASOURCE_USERNAME", "postgres",
					"SPRING_DATASOURCE_PASSWORD", "", "MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
			String[] arguments = { "--madoguchi.data-dir=" + work.resolve("data"),
					"--madoguchi.resident-record.mode=file", "--madoguchi.resident-record.file.outbox=" + outbox,
					// One document every two seconds, so the kill lands in the middle.
					"--madoguchi.resident-record.poll-interval=2s", "--madoguchi.resident-record.batch-size=1",
					"--madoguchi.resident-record.lease=5s" };
			List<String> accepted = new ArrayList<>();
			int writtenAtKill;
			RunningServer first = RunningServer.start(work, environment, arguments);
			try {
				String token = token(first);
				for (int i = 0; i < NOTIFICATIONS; i++) {
					accepted.add(createAndAccept(first, token, i));
				}
				awaitFiles(outbox, 1);
				writtenAtKill = finalFiles(outbox).size();
				first.kill();
			}
			finally {
				first.close();
			}
			assertThat(writtenAtKill).as("killed in the middle of the deliveries").isLessThan(NOTIFICATIONS);

			try (RunningServer second = RunningServer.start(work, environment, arguments)) {
				awaitFiles(outbox, NOTIFICATIONS);
				String token = token(second);
				awaitState(second, token, "DELIVERED", NOTIFICATIONS);
				Set<String> names = finalFiles(outbox).stream()
					.map(f -> f.getFileName().toString())
					.collect(Collectors.toCollection(TreeSet::new));
				assertThat(names)
					.containsExactlyInAnyOrderElementsOf(accepted.stream().map(id -> id + ".json").toList());
				for (Path file : finalFiles(outbox)) {
					JsonNode document = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
					assertThat(document.get("formatVersion").asString()).isEqualTo("1.4");
					assertThat(document.get("notificationId").asString() + ".json")
						.isEqualTo(file.getFileName().toString());
					assertThat(document.get("persons").get(0).get("familyName").asString()).isEqualTo("辻\uDB40\uDD02");
				}
				try (Stream<Path> all = Files.list(outbox)) {
					assertThat(all.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")))
						.as("only final documents under visible names")
						.allMatch(n -> n.endsWith(".json"));
				}

				for (String id : accepted) {
					Files.writeString(outbox.resolve(id + ".ack"), "");
				}
				awaitState(second, token, "SENT", NOTIFICATIONS);
				for (String id : accepted) {
					HttpResponse<String> notification = second.client().get("/api/v1/notifications/" + id, token);
					assertThat(json(notification).get("status").asString()).isEqualTo("SENT");
				}
				System.out.printf("[measure] %d of %d documents written when killed; all %d after restart%n",
						writtenAtKill, NOTIFICATIONS, NOTIFICATIONS);
			}
		}
	}

	static String token(RunningServer server) throws Exception {
		RunningServer.Client admin = server.client();
		assertThat(admin.signInAsAdmin(ADMIN_PASSWORD)).endsWith("/");
		admin.get("/account");
		HttpResponse<String> response = admin.postJson("/api/v1/admin/api-tokens",
				"{\"name\":\"rr-" + System.nanoTime() + "\",\"user\":\"admin\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response).get("token").asString();
	}

	static String createAndAccept(RunningServer server, String token, int i) throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
		String body = """
				{"type":"MOVE_IN","variant":"DOMESTIC","movedOn":"%s","filedOn":"%s",
				 "newAddress":{"postalCode":"0850000","prefecture":"北海道","city":"釧路市","town":"黒金町","block":"7丁目5番地","building":""},
				 "previousAddress":{"prefecture":"北海道","city":"札幌市中央区","town":"北一条西","block":"2丁目","building":""},
				 "household":{"newHousehold":true},
				 "persons":[{"familyName":"辻\uDB40\uDD02","givenName":"太郎%d","familyNameKana":"ツジ","givenNameKana":"タロウ",
				   "birthDate":"1980-04-01","sex":"MALE","relationship":"世帯主","myNumberCard":true}],
				 "filer":{"kind":"SELF","name":"辻 太郎","phone":"0154-00-0000","powerOfAttorney":false},
				 "identityDocuments":["MY_NUMBER_CARD"]}"""
			.formatted(today.minusDays(1), today, i);
		RunningServer.Client client = server.client();
		HttpResponse<String> created = client.postJson("/api/v1/notifications", body, token);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = json(created).get("id").asString();
		HttpResponse<String> accepted = client.postJson("/api/v1/notifications/" + id + "/accept", "", token);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		return id;
	}

	static List<Path> finalFiles(Path outbox) throws Exception {
		try (Stream<Path> files = Files.list(outbox)) {
			return files.filter(
					f -> f.getFileName().toString().endsWith(".json") && !f.getFileName().toString().startsWith("."))
				.toList();
		}
	}

	static void awaitFiles(Path outbox, int count) throws Exception {
		long deadline = System.currentTimeMillis() + 120_000;
		while (finalFiles(outbox).size() < count) {
			assertThat(System.currentTimeMillis()).as("waiting for %d documents", count).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	static void awaitState(RunningServer server, String token, String state, int count) throws Exception {
		long deadline = System.currentTimeMillis() + 120_000;
		while (true) {
			HttpResponse<String> list = server.client().get("/api/v1/resident-record/deliveries?state=" + state, token);
			assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
			if (json(list).size() >= count) {
				assertThat(json(list).size()).isEqualTo(count);
				return;
			}
			assertThat(System.currentTimeMillis()).as("waiting for %d deliveries %s", count, state)
				.isLessThan(deadline);
			Thread.sleep(250);
		}
	}

}
