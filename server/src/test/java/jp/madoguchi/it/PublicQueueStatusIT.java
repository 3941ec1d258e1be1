package jp.madoguchi.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.madoguchi.it.TwoInstancesIT.Event;
import jp.madoguchi.it.TwoInstancesIT.EventStream;
import jp.madoguchi.platform.LinkSigner;
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
 * page says the status is not current. Bookings over the same link: the public site takes
 * them, the counter pulls, decides and pushes the outcome, checks the booking in at
 * arrival; the public site never holds the name readable; forged pulls are refused.
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

	static byte[] linkKey;

	static final String BOOKER = "予約\uDB40\uDD02 次郎";

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	@BeforeAll
	static void startCounterAndPublicSite() throws Exception {
		database = EmbeddedPostgres.builder().start();
		// The operator copies the counter's link key to the public site once.
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		linkKey = key;
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
				"--madoguchi.queue-status.allow-plain-http=true", "--madoguchi.queue-status.interval=1s",
				// Bookings all day, so the booking test can take a slot of today whenever
				// it runs.
				"--madoguchi.booking.opens=00:00", "--madoguchi.booking.closes=23:59",
				"--madoguchi.booking.link-interval=1s");
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

	/**
	 * Bookings in the split installation: the public site takes the booking and answers
	 * 受付中 at once; the counter pulls it, books it in its database (the name opened there,
	 * never readable on the public side), and pushes the outcome; the resident sees it
	 * confirmed by code; the counter checks it in and calls it before a later walk-in.
	 */
	@Test
	@Order(3)
	void aBookingOnThePublicSiteIsPulledConfirmedCheckedInAndCalledBeforeALaterWalkIn() throws Exception {
		LocalDateTime now = LocalDateTime.now(TOKYO);
		if (!now.toLocalTime().isBefore(LocalTime.of(23, 45))) {
			// Too close to midnight for a slot of today: the test waits for the next day.
			Thread.sleep(Duration.between(now, now.toLocalDate().plusDays(1).atTime(0, 0, 5)).toMillis());
			now = LocalDateTime.now(TOKYO);
		}
		// The first 5-minute slot that starts more than a minute from now.
		LocalTime slot = now.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
		slot = slot.minusMinutes(slot.getMinute() % 5).plusMinutes(5);
		if (Duration.between(now.toLocalTime(), slot).compareTo(Duration.ofMinutes(1)) < 0) {
			slot = slot.plusMinutes(5);
		}
		String today = now.toLocalDate().toString();
		// Today may be a closed day (a Sunday, a holiday): the counter opens specially
		// (休日開庁) all day, as a city does in the moving season.
		HttpResponse<String> opened = counter.client()
			.postJson("/api/v1/admin/holidays/special-openings",
					"{\"day\":\"" + today + "\",\"opens\":\"00:00\",\"closes\":\"23:59\",\"note\":\"IT\"}", token);
		assertThat(opened.statusCode()).as(opened.body()).isIn(201, 409);

		String queue = "bk" + System.nanoTime() % 100_000;
		HttpResponse<String> created = counter.client()
			.postJson("/api/v1/admin/queues", "{\"code\":\"" + queue + "\",\"name\":\"予約の手続き\",\"nameEn\":\"Booked\","
					+ "\"counters\":[\"1\"],\"slotMinutes\":5,\"slotCapacity\":1}", token);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

		// The counter's next push brings the queue, the days and the free places.
		RunningServer.Client resident = publicSite.client();
		String start = "";
		long deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline && !start.contains("value=\"" + queue + "\"")) {
			Thread.sleep(300);
			start = resident.get("/public/bookings?lang=ja").body();
		}
		assertThat(start).as(() -> warnings(counter) + "\n" + warnings(publicSite))
			.contains("value=\"" + queue + "\"")
			.contains("data-split");
		assertThat(start).contains("value=\"" + today + "\" data-closed=\"false\"");
		String slots = resident.get("/public/bookings/slots?lang=ja&queue=" + queue + "&day=" + today).body();
		assertThat(slots).contains("value=\"" + slot + "\"").contains("id=\"name\"");

		HttpResponse<String> booked = resident.postForm("/public/bookings?lang=ja",
				Map.of("queue", queue, "day", today, "time", slot.toString(), "name", BOOKER));
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(200);
		Matcher shown = Pattern.compile("data-booking-code>([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})<")
			.matcher(booked.body());
		assertThat(shown.find()).as(booked.body()).isTrue();
		String code = shown.group(1);
		// Never told the place is certain before the counter has booked it.
		assertThat(booked.body()).contains("data-value=\"PENDING\"").contains("まだ確定していません").doesNotContain("次郎");

		// Nothing the public process holds has the name in readable form, at any time.
		assertNoReadableName();

		// The resident looks the outcome up by code (in the body, not the URL).
		String status = "";
		deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline && !status.contains("data-value=\"BOOKED\"")) {
			Thread.sleep(300);
			status = resident.postForm("/public/bookings/status?lang=ja", Map.of("code", code.toLowerCase())).body();
		}
		assertThat(status).contains("data-value=\"BOOKED\"").contains(code).doesNotContain("次郎");

		// The counter has it, with the name it opened with its own key; the public site
		// has
		// deleted the request (only a MAC of the code stays, for the status).
		try (Connection db = database.getPostgresDatabase().getConnection();
				PreparedStatement select = db
					.prepareStatement("select name, status from booking.bookings where code = ?")) {
			select.setString(1, code.replace("-", ""));
			try (ResultSet row = select.executeQuery()) {
				assertThat(row.next()).as("the booking is in the counter's database").isTrue();
				assertThat(row.getString("name")).isEqualTo(BOOKER);
				assertThat(row.getString("status")).isEqualTo("BOOKED");
			}
		}
		String store = Files.readString(work.resolve("public").resolve("booking").resolve("booking-desk.json"));
		assertThat(store).doesNotContain(code.replace("-", "")).doesNotContain("sealedName\":\"");
		assertNoReadableName();

		// Arrival: the counter checks the booking in; it becomes a ticket.
		RunningServer.Client kiosk = counter.client();
		HttpResponse<String> checkedIn = kiosk.postJson("/api/v1/bookings/check-in", "{\"code\":\"" + code + "\"}",
				token);
		assertThat(checkedIn.statusCode()).as(checkedIn.body()).isEqualTo(201);
		int ticket = json(checkedIn).get("ticketNumber").asInt();
		HttpResponse<String> walkIn = kiosk.postJson("/api/v1/receptions",
				"{\"queue\":\"" + queue + "\",\"name\":\"後から来た人\"}", token);
		assertThat(walkIn.statusCode()).as(walkIn.body()).isEqualTo(201);
		int walkInTicket = json(walkIn).get("ticketNumber").asInt();

		HttpResponse<String> first = kiosk.postJson("/api/v1/queues/" + queue + "/call-next", "{\"counter\":\"1\"}",
				token);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(json(first).get("ticketNumber").asInt()).as("the booked resident first").isEqualTo(ticket);
		HttpResponse<String> second = kiosk.postJson("/api/v1/queues/" + queue + "/call-next", "{\"counter\":\"1\"}",
				token);
		assertThat(json(second).get("ticketNumber").asInt()).isEqualTo(walkInTicket);
	}

	/**
	 * The pull is the counter's own request: unsigned or signed with another key it is
	 * refused and answers nothing; a genuine one cannot be replayed; an unsigned push is
	 * refused.
	 */
	@Test
	@Order(4)
	void theBookingLinkRefusesForgedAndReplayedPullsAndPushes() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String target = "/public/api/v1/link/bookings?since=0&nonce=" + System.nanoTime();
		URI uri = URI.create("http://localhost:" + publicSite.port + target);

		HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(uri).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(unsigned.statusCode()).isEqualTo(401);
		assertThat(unsigned.body()).contains("LINK_SIGNATURE_INVALID").doesNotContain("requests");

		byte[] otherKey = new byte[32];
		new SecureRandom().nextBytes(otherKey);
		HttpResponse<String> forged = http.send(HttpRequest.newBuilder(uri)
			.header(LinkSigner.HEADER, new LinkSigner(otherKey, Clock.systemUTC()).sign("GET", uri, new byte[0]))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(forged.body()).doesNotContain("requests");

		LinkSigner genuine = new LinkSigner(linkKey, Clock.systemUTC());
		HttpRequest pull = HttpRequest.newBuilder(uri)
			.header(LinkSigner.HEADER, genuine.sign("GET", uri, new byte[0]))
			.GET()
			.build();
		HttpResponse<String> answered = http.send(pull, HttpResponse.BodyHandlers.ofString());
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(json(answered).has("requests")).isTrue();
		assertThat(genuine.verify(answered.headers().firstValue(LinkSigner.HEADER).orElseThrow(), "ANSWER", target,
				answered.body().getBytes(StandardCharsets.UTF_8)))
			.as("the answer is signed by the public site")
			.isTrue();
		assertThat(http.send(pull, HttpResponse.BodyHandlers.ofString()).statusCode()).as("replayed").isEqualTo(409);

		URI push = URI.create("http://localhost:" + publicSite.port + "/public/api/v1/link/bookings");
		HttpResponse<String> unsignedPush = http.send(HttpRequest.newBuilder(push)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(unsignedPush.statusCode()).isEqualTo(401);
	}

	/** What went wrong on a server, when a wait fails. */
	static String warnings(RunningServer server) {
		try {
			return server.output()
				.lines()
				.filter(line -> line.contains("WARN") || line.contains("ERROR") || line.contains("Exception"))
				.limit(40)
				.collect(Collectors.joining("\n"));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	static void assertNoReadableName() throws Exception {
		try (Stream<Path> files = Files.walk(work.resolve("public"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).as(file.toString())
					.doesNotContain("次郎");
			}
		}
		assertThat(publicSite.output()).doesNotContain("次郎");
	}

	@Test
	@Order(9)
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
