package jp.madoguchi.it;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static jp.madoguchi.it.RunningServer.JSON;
import static jp.madoguchi.it.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, "two server instances on one PostgreSQL": two packaged jars on different
 * ports share one database (and the key directory, as docs/operations.md asks). A browser
 * session moves between them, a call made on one reaches a display connected to the
 * other, and the jobs every instance runs (the retention purge on a cron, the
 * resident-record delivery workers) do their work once.
 */
class TwoInstancesIT {

	static final String SESSION_COOKIE = "MADOGUCHI_SESSION";

	static final int NOTIFICATIONS = 6;

	/** The purge's log lines (RetentionJob): one that ran, one that found it done. */
	static final Pattern PURGED = Pattern.compile("Retention purge \\d+:");

	static final String ALREADY_DONE = "Retention purge already done today or running elsewhere";

	@TempDir
	static Path work;

	static EmbeddedPostgres database;

	static RunningServer first;

	static RunningServer second;

	/** An API token of the administrator, for the programs' side of the API. */
	static String token;

	@BeforeAll
	static void startTwoInstancesOnOneDatabase() throws Exception {
		database = EmbeddedPostgres.builder().start();
		Map<String, String> environment = Map.of("SPRING_DATASOURCE_URL", database.getJdbcUrl("postgres", "postgres"),
				"SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "",
				"MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD", ResidentRecordJarIT.ADMIN_PASSWORD);
		String[] arguments = {
				// One data directory for both: the keys.
				"--madoguchi.data-dir=" + work.resolve("data"),
				// The nightly purge every two seconds; "nothing to do" logged.
				"--madoguchi.retention.cron=*/2 * * * * *",
				"--logging.level.jp.madoguchi.retention.domain.RetentionJob=debug",
				// One shared outbox; each worker takes one delivery per round.
				"--madoguchi.resident-record.mode=file",
				"--madoguchi.resident-record.file.outbox=" + Files.createDirectories(work.resolve("outbox")),
				"--madoguchi.resident-record.poll-interval=300ms", "--madoguchi.resident-record.batch-size=1" };
		// Started at once: migrations, first administrator, address sample and keys
		// must each come out once.
		ExecutorService starting = Executors.newFixedThreadPool(2);
		try {
			Future<RunningServer> one = starting.submit(() -> RunningServer.start(work, environment, arguments));
			Future<RunningServer> two = starting.submit(() -> RunningServer.start(work, environment, arguments));
			try {
				first = one.get();
			}
			finally {
				second = two.get();
			}
		}
		finally {
			starting.shutdown();
		}
		token = ResidentRecordJarIT.token(first);
	}

	@AfterAll
	static void stop() throws Exception {
		try {
			for (RunningServer server : new RunningServer[] { second, first }) {
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
	void aSessionStartedOnOneInstanceWorksOnTheOtherAndEndsOnBoth() throws Exception {
		RunningServer.Client onFirst = first.client();
		assertThat(onFirst.signInAsAdmin(ResidentRecordJarIT.ADMIN_PASSWORD)).endsWith("/");
		// The CSRF token of this page lives in the session, hence in the database.
		assertThat(onFirst.get("/account").statusCode()).isEqualTo(200);
		String session = onFirst.cookie(SESSION_COOKIE);
		assertThat(session).isNotEmpty();

		RunningServer.Client onSecond = onFirst.at(second);
		HttpResponse<String> page = onSecond.get("/account");
		assertThat(page.statusCode()).as("an authenticated page on the other instance").isEqualTo(200);
		assertThat(page.body()).contains("admin");
		HttpResponse<String> me = onSecond.get("/api/v1/me");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(json(me).get("username").asString()).isEqualTo("admin");
		HttpResponse<String> issued = onFirst.at(second)
			.postJson("/api/v1/admin/api-tokens", "{\"name\":\"issued-on-second\",\"user\":\"admin\"}");
		assertThat(issued.statusCode()).as("a POST with the CSRF token of the first instance's page: %s", issued.body())
			.isEqualTo(201);
		assertThat(onSecond.cookie(SESSION_COOKIE)).as("the same session, not a new one").isEqualTo(session);

		HttpResponse<String> signedOut = onSecond.postForm("/logout", Map.of());
		assertThat(signedOut.headers().firstValue("Location").orElse("")).endsWith("/login?logout");
		HttpResponse<String> refused = anonymousWith(session, first, "/api/v1/me");
		assertThat(refused.statusCode()).as("the first instance refuses the session ended on the second")
			.isEqualTo(401);
		assertThat(json(refused).get("code").asString()).isEqualTo("UNAUTHENTICATED");
		assertThat(anonymousWith(session, first, "/account").headers().firstValue("Location").orElse(""))
			.endsWith("/login");
	}

	@Test
	void aCallOnOneInstanceReachesADisplayConnectedToTheOther() throws Exception {
		RunningServer.Client client = first.client();
		HttpResponse<String> issued = client.postJson("/api/v1/admin/queues/moving/display-tokens",
				"{\"name\":\"ロビー表示（2台目のサーバー）\"}", token);
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		String pairingCode = json(issued).get("token").asString();
		// The screen pairs with the second instance: the code is exchanged for a cookie.
		String cookie = pairDisplay(second, pairingCode);

		try (EventStream display = EventStream.open(second, "/display/moving/events", "MADOGUCHI_DISPLAY=" + cookie)) {
			assertThat(display.next(Duration.ofSeconds(30))).extracting(Event::name).isEqualTo("snapshot");

			HttpResponse<String> reception = client.postJson("/api/v1/receptions",
					"{\"queue\":\"moving\",\"notificationId\":null}", token);
			assertThat(reception.statusCode()).as(reception.body()).isEqualTo(201);
			int ticket = json(reception).get("ticketNumber").asInt();
			HttpResponse<String> called = client.postJson("/api/v1/queues/moving/call-next", "{\"counter\":\"3\"}",
					token);
			assertThat(called.statusCode()).as(called.body()).isEqualTo(200);
			assertThat(json(called).get("ticketNumber").asInt()).isEqualTo(ticket);

			Event event = display.next(Duration.ofSeconds(15));
			assertThat(event).as("the called event on the second instance's display").isNotNull();
			assertThat(event.name()).isEqualTo("called");
			JsonNode call = JSON.readTree(event.data());
			assertThat(call.get("ticketNumber").asInt()).isEqualTo(ticket);
			assertThat(call.get("counter").asString()).isEqualTo("3");
		}
	}

	@Test
	void theWorkersOfBothInstancesDeliverEachAcceptedNotificationOnce() throws Exception {
		Path outbox = work.resolve("outbox");
		List<String> accepted = new ArrayList<>();
		for (int i = 0; i < NOTIFICATIONS; i++) {
			accepted.add(ResidentRecordJarIT.createAndAccept((i % 2 == 0) ? first : second, token, i));
		}
		ResidentRecordJarIT.awaitFiles(outbox, NOTIFICATIONS);
		ResidentRecordJarIT.awaitState(second, token, "DELIVERED", NOTIFICATIONS);
		assertThat(ResidentRecordJarIT.finalFiles(outbox)).map(f -> f.getFileName().toString())
			.containsExactlyInAnyOrderElementsOf(accepted.stream().map(id -> id + ".json").toList());
		JsonNode deliveries = json(first.client().get("/api/v1/resident-record/deliveries?state=DELIVERED", token));
		assertThat(deliveries).hasSize(NOTIFICATIONS);
		for (JsonNode delivery : deliveries) {
			assertThat(delivery.get("attempts").asInt()).as("claimed by one worker only: %s", delivery).isEqualTo(1);
		}
	}

	@Test
	void aMyNumberSealedOnOneInstanceOpensOnTheOther() throws Exception {
		HttpResponse<String> created = first.client()
			.postJson("/api/v1/notifications", BackupRestoreIT.NOTIFICATION, token);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		HttpResponse<String> read = second.client()
			.get("/api/v1/notifications/" + json(created).get("id").asString(), token);
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		assertThat(json(read).get("persons").get(0).get("myNumber").asString()).isEqualTo("123456789018");
		// Started at once on an empty key directory, the two agreed on one key of each
		// kind: one My Number key, one pre-application pair, one audit chain key, one
		// queue-status link key.
		try (Stream<Path> keys = Files.list(work.resolve("data/keys"))) {
			assertThat(keys.map(f -> f.getFileName().toString().replaceAll("-.*", "")))
				.containsExactlyInAnyOrder("audit", "my", "prefiling", "prefiling", "queue");
		}
		// both appended to the one chain under that key: each verifies the other's events
		for (RunningServer instance : List.of(first, second)) {
			JsonNode verified = json(instance.client().get("/api/v1/audit/verify", token));
			assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
		}
	}

	@Test
	void theScheduledPurgeRunsOnceWhileBothInstancesTryEveryTwoSeconds() throws Exception {
		long deadline = System.currentTimeMillis() + 60_000;
		// Each instance has tried at least twice after the run existed.
		while (count(first.output(), ALREADY_DONE) < 2 || count(second.output(), ALREADY_DONE) < 2) {
			assertThat(System.currentTimeMillis()).as("both instances' purge jobs fire").isLessThan(deadline);
			Thread.sleep(500);
		}
		JsonNode runs = json(second.client().get("/api/v1/admin/retention/runs", token));
		List<String> scheduledDays = new ArrayList<>();
		for (JsonNode run : runs) {
			if (run.get("trigger").asString().equals("SCHEDULED")) {
				scheduledDays.add(run.get("runOn").asString());
			}
		}
		assertThat(scheduledDays).as("one scheduled run per day: %s", runs).isNotEmpty().doesNotHaveDuplicates();
		assertThat(count(first.output(), PURGED) + count(second.output(), PURGED))
			.as("purges logged by the two instances")
			.isEqualTo(scheduledDays.size());
	}

	@Test
	void neitherInstanceLogsAnErrorForHavingATwin() throws Exception {
		for (RunningServer server : new RunningServer[] { first, second }) {
			List<String> problems = server.output()
				.lines()
				.filter(line -> line.contains(" ERROR ") || line.contains(" WARN "))
				.toList();
			problems.forEach(line -> System.out.println("[instance " + server.port + "] " + line));
			assertThat(problems).noneMatch(line -> line.contains(" ERROR "));
		}
	}

	/**
	 * Pairs a display screen as its browser does (the pairing page, then the form with
	 * the one-time code); the display cookie it was given.
	 */
	static String pairDisplay(RunningServer server, String code) throws Exception {
		RunningServer.Client screen = server.client();
		assertThat(screen.get("/display/pair").statusCode()).isEqualTo(200);
		HttpResponse<String> paired = screen.postForm("/display/pair", Map.of("code", code));
		assertThat(paired.statusCode()).as(paired.body()).isEqualTo(302);
		assertThat(paired.headers().firstValue("Location").orElse("")).endsWith("/display/moving");
		String cookie = screen.cookie("MADOGUCHI_DISPLAY");
		assertThat(cookie).isNotEmpty();
		return cookie;
	}

	/** A fresh client (no cookie jar) that presents only the given session cookie. */
	private static HttpResponse<String> anonymousWith(String session, RunningServer server, String path)
			throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(server.uri(path)).header("Cookie", SESSION_COOKIE + "=" + session).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private static int count(String text, String literal) {
		return count(text, Pattern.compile(Pattern.quote(literal)));
	}

	private static int count(String text, Pattern pattern) {
		Matcher matcher = pattern.matcher(text);
		int found = 0;
		while (matcher.find()) {
			found++;
		}
		return found;
	}

	record Event(String name, String data) {
	}

	/**
	 * A {@code text/event-stream} read as a display's EventSource reads it, one event per
	 * blank line, by a daemon thread.
	 */
	static final class EventStream implements AutoCloseable {

		private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

		private final InputStream body;

		private EventStream(InputStream body) {
			this.body = body;
		}

		static EventStream open(RunningServer server, String path) throws Exception {
			return open(server, path, null);
		}

		static EventStream open(RunningServer server, String path, @Nullable String cookie) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
				.header("Accept", "text/event-stream");
			if (cookie != null) {
				request.header("Cookie", cookie);
			}
			HttpResponse<InputStream> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
			EventStream stream = new EventStream(response.body());
			Thread reader = new Thread(stream::read, "display-events");
			reader.setDaemon(true);
			reader.start();
			return stream;
		}

		private void read() {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
				String name = "message";
				StringBuilder data = new StringBuilder();
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (line.isEmpty()) {
						if (data.length() > 0) {
							events.add(new Event(name, data.toString()));
						}
						name = "message";
						data.setLength(0);
					}
					else if (line.startsWith("event:")) {
						name = line.substring("event:".length()).strip();
					}
					else if (line.startsWith("data:")) {
						data.append(line.substring("data:".length()).strip());
					}
				}
			}
			catch (Exception closed) {
				// the stream ended: the test closed it or the server stopped
			}
		}

		@Nullable Event next(Duration wait) throws InterruptedException {
			return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
		}

		@Override
		public void close() throws Exception {
			body.close();
		}

	}

}
