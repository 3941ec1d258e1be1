package jp.madoguchi.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The counter loop of issue 6 against a running server: each virtual user is one counter
 * terminal that issues a ticket, calls the next resident, starts the service and finishes
 * it, again and again, with a think time between the steps.
 * <p>
 * System properties: {@code baseUrl} (default http://localhost:8080), {@code username} /
 * {@code password} of a user with RECEPTION and MASTER_ADMIN (the first administrator),
 * {@code terminals} (default 50), {@code seconds} of looping (default 60),
 * {@code thinkMillis}, the mean think time between steps (default 1000; each pause is
 * drawn uniformly from half to one and a half times it, because real terminals do not act
 * in step: with a fixed pause all 50 would hit the server in the same millisecond every
 * second, a burst no counter hall produces). Terminals start spread over
 * {@code rampSeconds} (default 5) for the same reason. Before the run it signs in once,
 * issues an API token and creates fresh queues of 50 counters each, so every terminal has
 * a counter of its own.
 */
public class CounterLoopSimulation extends Simulation {

	static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");

	static final int TERMINALS = Integer.getInteger("terminals", 50);

	static final int SECONDS = Integer.getInteger("seconds", 60);

	static final Duration THINK = Duration.ofMillis(Integer.getInteger("thinkMillis", 1000));

	static final Duration THINK_MIN = THINK.dividedBy(2);

	static final Duration THINK_MAX = THINK.plus(THINK_MIN);

	static final int RAMP_SECONDS = Integer.getInteger("rampSeconds", 5);

	static final int COUNTERS_PER_QUEUE = 50;

	static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	static final String TOKEN = prepare();

	HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.authorizationHeader("Bearer " + TOKEN);

	ChainBuilder loop = exec(http("create reception").post("/api/v1/receptions")
		.body(StringBody("{\"queue\":\"#{queue}\"}"))
		.check(status().is(201)))
		.pause(THINK_MIN, THINK_MAX)
		.exec(http("call next").post("/api/v1/queues/#{queue}/call-next")
			.body(StringBody("{\"counter\":\"#{counter}\"}"))
			.check(status().in(200, 404), jsonPath("$.id").optional().saveAs("called")))
		.doIf(session -> session.contains("called"))
		.then(exec(pauseThen("in service", "IN_SERVICE")).exec(pauseThen("done", "DONE"))
			.exec(session -> session.remove("called")))
		.pause(THINK_MIN, THINK_MAX);

	ScenarioBuilder terminals = scenario("counter terminal").feed(terminalFeeder()).exec(during(SECONDS).on(loop));

	{
		setUp(terminals.injectOpen(rampUsers(TERMINALS).during(Math.max(RAMP_SECONDS, TERMINALS / 50))))
			.protocols(protocol)
			.assertions(global().failedRequests().percent().lt(1.0));
	}

	static ChainBuilder pauseThen(String name, String status) {
		return exec(http(name).post("/api/v1/receptions/#{called}/status")
			.body(StringBody("{\"status\":\"" + status + "\",\"queue\":\"#{queue}\"}"))
			.check(status().is(200))).pause(THINK_MIN, THINK_MAX);
	}

	/** Terminal i works at counter (i mod 50) + 1 of queue i / 50. */
	static Iterator<Map<String, Object>> terminalFeeder() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < TERMINALS; i++) {
			Map<String, Object> row = new HashMap<>();
			row.put("queue", queue(i / COUNTERS_PER_QUEUE));
			row.put("counter", String.valueOf(i % COUNTERS_PER_QUEUE + 1));
			rows.add(row);
		}
		return rows.iterator();
	}

	static String queue(int index) {
		return "load-" + RUN + "-" + index;
	}

	/** Signs in, issues an API token, creates the queues; answers the token. */
	static String prepare() {
		try {
			HttpClient client = HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
			String login = client
				.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/login")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			String csrf = find("name=\"_csrf\"[^>]*value=\"([^\"]+)\"", login);
			String form = "_csrf=" + encode(csrf) + "&username=" + encode(System.getProperty("username", "admin"))
					+ "&password=" + encode(System.getProperty("password", ""));
			HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (signedIn.headers().firstValue("Location").orElse("").endsWith("/account/password")) {
				// the first administrator must choose their own password at the first
				// sign-in
				String page = client
					.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/account/password")).build(),
							HttpResponse.BodyHandlers.ofString())
					.body();
				String current = System.getProperty("password", "");
				String own = encode(current + "-own");
				client
					.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/account/password"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString("_csrf="
								+ encode(find("name=\"_csrf\"[^>]*value=\"([^\"]+)\"", page)) + "&currentPassword="
								+ encode(current) + "&newPassword=" + own + "&newPasswordConfirmation=" + own))
						.build(), HttpResponse.BodyHandlers.ofString());
			}
			String home = client
				.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/")).build(), HttpResponse.BodyHandlers.ofString())
				.body();
			String sessionCsrf = find("<meta name=\"_csrf\" content=\"([^\"]+)\"", home);
			HttpResponse<String> token = client.send(HttpRequest
				.newBuilder(URI.create(BASE_URL + "/api/v1/admin/api-tokens"))
				.header("Content-Type", "application/json")
				.header("X-CSRF-TOKEN", sessionCsrf)
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"name\":\"load-" + RUN + "\",\"user\":\"" + System.getProperty("username", "admin") + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			String secret = find("\"token\"\\s*:\\s*\"([^\"]+)\"", token.body());
			int queues = (TERMINALS + COUNTERS_PER_QUEUE - 1) / COUNTERS_PER_QUEUE;
			for (int q = 0; q < queues; q++) {
				StringBuilder counters = new StringBuilder();
				for (int c = 1; c <= COUNTERS_PER_QUEUE; c++) {
					counters.append(c > 1 ? "," : "").append('"').append(c).append('"');
				}
				HttpResponse<String> created = client
					.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/admin/queues"))
						.header("Content-Type", "application/json")
						.header("Authorization", "Bearer " + secret)
						.POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + queue(q) + "\",\"name\":\"負荷試験 " + q
								+ "\",\"firstNumber\":" + (1 + q * 100) + ",\"counters\":[" + counters + "]}"))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (created.statusCode() != 201) {
					throw new IllegalStateException("queue not created: " + created.body());
				}
			}
			return secret;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not prepare the load test against " + BASE_URL, ex);
		}
	}

	static String find(String pattern, String text) {
		Matcher matcher = Pattern.compile(pattern).matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("not found: " + pattern);
		}
		return matcher.group(1);
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
