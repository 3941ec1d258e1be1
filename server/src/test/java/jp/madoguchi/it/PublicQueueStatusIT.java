package jp.madoguchi.it;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.madoguchi.it.TwoInstancesIT.Event;
import jp.madoguchi.it.TwoInstancesIT.EventStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static jp.madoguchi.it.RunningServer.JSON;
import static jp.madoguchi.it.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 "Done when": a counter-role and a public-role jar, as a city runs them in two
 * networks. They share nothing but the queue-status link key (copied once, as the
 * operator does); the counter pushes, the public site never connects to the counter. A
 * call on the counter reaches the ticket's phone page on the public instance within two
 * seconds; the public instance keeps no name; when the counter stops pushing, the public
 * page says the status is not current.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicQueueStatusIT {

	static final String NAME = "辻\uDB40\uDD02 花子";

	@TempDir
	static Path work;

	static EmbeddedPostgres database;

	static RunningServer counter;

	static RunningServer publicSite;

	static String token;

	@BeforeAll
	static void startCounterAndPublicSite() throws Exception {
		database = EmbeddedPostgres.builder().start();
		// The operator copies the counter's link key to the public site once.
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		for (String side : List.of("counter", "public")) {
			Path keys = Files.createDirectories(work.resolve(side).resolve("keys"),
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			Files.write(
					Files.createFile(keys.resolve("queue-status-link.key"),
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
					Base64.getEncoder().encode(key));
		}
		publicSite = RunningServer.start(work, Map.of(), "--madoguchi.role=public",
				"--madoguchi.data-dir=" + work.resolve("public"), "--madoguchi.queue-status.stale-after=4s");
		counter = RunningServer.start(work,
				Map.of("SPRING_DATASOURCE_URL", database.getJdbcUrl("postgres", "postgres"),
						"SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "",
						"MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD", ResidentRecordJarIT.ADMIN_PASSWORD),
				"--madoguchi.role=counter", "--madoguchi.data-dir=" + work.resolve("counter"),
				"--madoguchi.queue-status.push-url=http://localhost:" + publicSite.port,
				"--madoguchi.queue-status.allow-plain-http=true", "--madoguchi.queue-status.interval=1s");
		token = ResidentRecordJarIT.token(counter);
	}

	@AfterAll
	static void stop() throws Exception {
		try {
			for (RunningServer server : new RunningServer[] { counter, publicSite }) {
				if (server != null) {
					server.close();
				}
			}
		}
		finally {
			if (database != null) {
				database.close();
			}
		}
	}

	@Test
	@Order(1)
	void aCallOnTheCounterReachesThePhonePageOnThePublicSiteWithinTwoSeconds() throws Exception {
		RunningServer.Client clerk = counter.client();
		HttpResponse<String> opened = clerk.postJson("/api/v1/receptions",
				"{\"queue\":\"moving\",\"name\":\"" + NAME + "\"}", token);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		String id = json(opened).get("id").asString();
		int ticket = json(opened).get("ticketNumber").asInt();

		// The slip's QR code: the public site's address with the signed reference.
		RunningServer.Client desk = counter.client();
		assertThat(desk.signInAsAdmin(ResidentRecordJarIT.ADMIN_PASSWORD)).endsWith("/");
		String slip = desk.get("/reception/receptions/" + id + "/slip").body();
		Matcher url = Pattern.compile("data-url=\"http://localhost:" + publicSite.port + "(/public/ticket/[^\"]+)\"")
			.matcher(slip);
		assertThat(url.find()).as("the slip links to the public site").isTrue();
		String page = url.group(1);

		// The phone opens the page on the public site once the status has arrived.
		long deadline = System.currentTimeMillis() + 30_000;
		String html = "";
		while (System.currentTimeMillis() < deadline && !html.contains("data-value=\"WAITING\"")) {
			html = publicSite.client().get(page + "?lang=ja").body();
			Thread.sleep(200);
		}
		assertThat(html).contains("data-value=\"WAITING\"").contains(">" + ticket + "<").doesNotContain("花子");

		try (EventStream phone = EventStream.open(publicSite, page + "/events")) {
			Event first = phone.next(Duration.ofSeconds(10));
			assertThat(first).isNotNull();
			assertThat(JSON.readTree(first.data()).get("state").asString()).isEqualTo("WAITING");

			HttpResponse<String> called = clerk.postJson("/api/v1/queues/moving/call-next", "{\"counter\":\"3\"}",
					token);
			assertThat(called.statusCode()).as(called.body()).isEqualTo(200);
			assertThat(json(called).get("ticketNumber").asInt()).isEqualTo(ticket);

			// Bounded wait: the CALLED progress within two seconds of the call.
			long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
			JsonNode progress = null;
			while (System.nanoTime() < until) {
				Event event = phone.next(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
				if (event != null && "progress".equals(event.name())
						&& "CALLED".equals(JSON.readTree(event.data()).get("state").asString())) {
					progress = JSON.readTree(event.data());
					break;
				}
			}
			assertThat(progress).as("the call reached the phone on the public site").isNotNull();
			assertThat(progress.get("counter").asString()).isEqualTo("3");
			assertThat(progress.get("ticketNumber").asInt()).isEqualTo(ticket);
			assertThat(progress.toString()).doesNotContain("花子");
		}
	}

	@Test
	@Order(2)
	void thePublicSiteShowsEveryQueueAndKeepsNoName() throws Exception {
		String board = publicSite.client().get("/public/queues?lang=ja").body();
		assertThat(board).contains("data-queue=\"moving\"").contains("data-queue=\"insurance\"").doesNotContain("花子");
		// Nothing the public process wrote holds the name: it keeps the status in memory.
		try (Stream<Path> files = Files.walk(work.resolve("public"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).as(file.toString())
					.doesNotContain("花子");
			}
		}
		assertThat(publicSite.output()).doesNotContain("花子");
	}

	@Test
	@Order(3)
	void whenTheCounterStopsPushingThePublicPageSaysTheStatusIsNotCurrent() throws Exception {
		counter.stop();
		long deadline = System.currentTimeMillis() + 30_000;
		String board = "";
		while (System.currentTimeMillis() < deadline && !board.contains("最新ではありません")) {
			Thread.sleep(500);
			board = publicSite.client().get("/public/queues?lang=ja").body();
		}
		assertThat(board).contains("この情報は最新ではありません").containsPattern("\\d{2}:\\d{2}");
	}

}
