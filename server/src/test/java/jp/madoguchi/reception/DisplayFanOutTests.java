package jp.madoguchi.reception;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.SharedTestDatabase;
import jp.madoguchi.reception.domain.DisplayTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two server instances on one database: a call made on the first reaches a display
 * connected to the second, through PostgreSQL LISTEN/NOTIFY and server-sent events. The
 * second instance is a whole application on a real port, reached over HTTP.
 */
@SpringBootTest
class DisplayFanOutTests {

	static final RequestPostProcessor CLERK = user("clerk-display").authorities(() -> "RECEPTION");

	static ConfigurableApplicationContext second;

	static int secondPort;

	@Autowired
	WebApplicationContext context;

	@Autowired
	DisplayTokens tokens;

	@Autowired
	JsonMapper json;

	@BeforeAll
	static void startSecondInstance() {
		second = new SpringApplicationBuilder(MadoguchiApplication.class).properties("server.port=0",
				"spring.datasource.url=" + SharedTestDatabase.postgres().getJdbcUrl("postgres", "postgres"),
				"spring.datasource.username=postgres", "madoguchi.bootstrap-admin-password=shared-test-first-secret")
			.run();
		secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void aCallOnOneInstanceReachesADisplayOnTheOther() throws Exception {
		MockMvc first = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		String code = tokens.issue("moving", "hall screen");
		HttpClient http = HttpClient.newHttpClient();

		// Issue 20: the token left the URL. The issued code in a URL opens nothing, not
		// before pairing and not after; neither does the paired secret in a URL.
		assertThat(events(http, "/display/moving/events?token=" + code, null).statusCode()).isIn(302, 401, 403);
		String secret = tokens.pair(code).orElseThrow().secret();
		assertThat(tokens.pair(code)).as("a pairing code works once").isEmpty();
		assertThat(events(http, "/display/moving/events?token=" + code, null).statusCode()).isIn(302, 401, 403);
		assertThat(events(http, "/display/moving/events?token=" + secret, null).statusCode()).isIn(302, 401, 403);

		// Without the cookie, or with another queue's, the stream is refused.
		HttpResponse<String> refused = events(http, "/display/moving/events", null);
		assertThat(refused.statusCode()).isIn(302, 401, 403);
		HttpResponse<String> otherQueue = events(http, "/display/insurance/events", secret);
		assertThat(otherQueue.statusCode()).isIn(302, 401, 403);

		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		CompletableFuture<HttpResponse<Stream<String>>> stream = http
			.sendAsync(HttpRequest.newBuilder(uri("/display/moving/events"))
				.header("Accept", "text/event-stream")
				.header("Cookie", DisplayTokens.COOKIE + "=" + secret)
				.build(), HttpResponse.BodyHandlers.ofLines());
		HttpResponse<Stream<String>> response = stream.get(30, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-reader");
		reader.setDaemon(true);
		reader.start();
		assertThat(nextDataOf("snapshot", lines)).isNotNull();

		first
			.perform(post("/api/v1/receptions").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"queue\":\"moving\"}"))
			.andExpect(status().isCreated());
		// Whoever waited longest in the shared sample queue is called: the display must
		// show that one.
		JsonNode called = json.readTree(first
			.perform(post("/api/v1/queues/moving/call-next").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"counter\":\"3\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		JsonNode event = json.readTree(nextDataOf("called", lines));
		assertThat(event.get("ticketNumber").asInt()).isEqualTo(called.get("ticketNumber").asInt());
		assertThat(event.get("counter").asString()).isEqualTo("3");
		assertThat(event.get("counterName").asString()).isEqualTo("3番窓口");
		// The sample counter's names in the languages the screen rotates through (issue
		// 21).
		assertThat(event.get("counterNames").get("vi").asString()).isEqualTo("Quầy số 3");
		assertThat(event.get("counterNames").get("ko").asString()).isEqualTo("3번 창구");
		response.body().close();
	}

	/** The data line of the next event with the given name; fails after 30 seconds. */
	static String nextDataOf(String name, BlockingQueue<String> lines) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		boolean inEvent = false;
		while (System.nanoTime() < deadline) {
			String line = lines.poll(1, TimeUnit.SECONDS);
			if (line == null) {
				continue;
			}
			if (line.startsWith("event:")) {
				inEvent = line.substring(6).strip().equals(name);
			}
			else if (inEvent && line.startsWith("data:")) {
				return line.substring(5).strip();
			}
		}
		throw new AssertionError("no '" + name + "' event within 30 seconds");
	}

	static URI uri(String path) {
		return URI.create("http://localhost:" + secondPort + path);
	}

	private HttpResponse<String> events(HttpClient http, String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream");
		if (cookie != null) {
			request.header("Cookie", DisplayTokens.COOKIE + "=" + cookie);
		}
		return http.send(request.timeout(java.time.Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
