package jp.madoguchi.residentrecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static jp.madoguchi.residentrecord.FileDeliveryTests.await;
import static jp.madoguchi.residentrecord.Notifications.ADMIN;
import static jp.madoguchi.residentrecord.Notifications.CLERK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * HTTP mode against the resident-record simulator (a real HTTP server): failures and a
 * hanging endpoint are retried with the same idempotency key and end in exactly one
 * stored document; a delivery that keeps failing lands in the dead-letter list and goes
 * out after a retry.
 */
@SpringBootTest(properties = { "madoguchi.resident-record.mode=http", "madoguchi.resident-record.poll-interval=100ms",
		"madoguchi.resident-record.backoff-initial=100ms", "madoguchi.resident-record.backoff-max=400ms",
		"madoguchi.resident-record.max-attempts=6", "madoguchi.resident-record.http.request-timeout=700ms",
		"madoguchi.resident-record.http.breaker-failures=50", "madoguchi.resident-record.allow-plain-http=true" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HttpDeliveryTests {

	static final ResidentRecordSimulator SIMULATOR = startSimulator();

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.resident-record.http.url", () -> SIMULATOR.uri("/deliveries").toString());
	}

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@Autowired
	jp.madoguchi.platform.MadoguchiProperties madoguchi;

	/** The simulator answers only requests signed with this installation's link key. */
	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		SIMULATOR.requireSignatures(madoguchi.dataDir().resolve("keys"));
	}

	@org.junit.jupiter.api.AfterEach
	void everyRequestWasSigned() {
		assertThat(SIMULATOR.unsigned()).isZero();
	}

	@AfterAll
	static void stopSimulator() {
		SIMULATOR.close();
	}

	@Test
	void anEndpointThatFailsTheFirstThreeTimesStillEndsWithExactlyOneDelivery() throws Exception {
		// Let earlier tests' leftovers go out first, so the next three failures are ours.
		awaitQuiet();
		SIMULATOR.failNext(3);
		String id = Notifications.createAndAccept(mvc, json, "太郎");
		await(() -> "SENT".equals(state(id)), "state SENT");
		String key = deliveryId(id);
		assertThat(SIMULATOR.storedFor(id)).isEqualTo(1);
		assertThat(SIMULATOR.stored()).containsKey(key);
		assertThat(SIMULATOR.attempts(key)).as("three failures, then one success, all with the same key").isEqualTo(4);
		assertThat(SIMULATOR.stored().get(key).get("persons").get(0).get("familyName").asString())
			.isEqualTo(Notifications.TSUJI);
		mvc.perform(get("/api/v1/notifications/" + id).with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SENT"));
		mvc.perform(get("/api/v1/resident-record/deliveries/" + key).with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("SENT"))
			.andExpect(jsonPath("$.attempts").value(4))
			.andExpect(jsonPath("$.channel").value("http"));
	}

	@Test
	void aHangingEndpointTimesOutAndTheDeliveryIsRetried() throws Exception {
		awaitQuiet();
		SIMULATOR.hangNext(1, Duration.ofSeconds(3));
		String id = Notifications.createAndAccept(mvc, json, "次郎");
		await(() -> "SENT".equals(state(id)), "state SENT after the timeout");
		String key = deliveryId(id);
		// The hanging attempt may still complete late on the simulator's side: the key
		// keeps it one document.
		assertThat(SIMULATOR.storedFor(id)).isEqualTo(1);
		assertThat(SIMULATOR.attempts(key)).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aDeliveryThatKeepsFailingWaitsInTheDeadLetterListUntilRetried() throws Exception {
		awaitQuiet();
		SIMULATOR.failNext(1000);
		String id;
		try {
			id = Notifications.createAndAccept(mvc, json, "三郎");
			await(() -> "DEAD".equals(state(id)), "state DEAD");
			assertThat(SIMULATOR.storedFor(id)).isZero();
			String key = deliveryId(id);
			assertThat(SIMULATOR.attempts(key)).isEqualTo(6);
			mvc.perform(get("/api/v1/resident-record/deliveries").param("state", "DEAD").with(ADMIN))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.id == '" + key + "')].lastError")
					.value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("HTTP 500"))));
			String panel = mvc
				.perform(get("/resident-record/notifications/" + id).with(CLERK).header("HX-Request", "true"))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(panel).contains("HTTP 500").contains("停止");
		}
		finally {
			SIMULATOR.failNext(0);
		}
		String key = deliveryId(id);
		mvc.perform(post("/admin/resident-record/deliveries/" + key + "/retry").with(ADMIN).with(csrf()))
			.andExpect(status().is3xxRedirection());
		await(() -> "SENT".equals(state(id)), "state SENT after the retry");
		assertThat(SIMULATOR.storedFor(id)).isEqualTo(1);
	}

	@Test
	void withoutALookupSourceTheLookupSaysSoClearly() throws Exception {
		mvc.perform(post("/api/v1/resident-record/residents/search").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"つじ\"}"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.code").value("RESIDENT_LOOKUP_UNAVAILABLE"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("設定されていません")));
	}

	private void awaitQuiet() throws InterruptedException {
		await(() -> jdbc
			.sql("select count(*) from residentrecord.deliveries where state in ('PENDING', 'FAILED_RETRYING')")
			.query(Long.class)
			.single() == 0, "no delivery in flight");
	}

	private String state(String notificationId) {
		List<String> states = jdbc.sql("select state from residentrecord.deliveries where notification_id = ?")
			.param(UUID.fromString(notificationId))
			.query(String.class)
			.list();
		return states.isEmpty() ? null : states.get(0);
	}

	private String deliveryId(String notificationId) {
		return jdbc.sql("select id::text from residentrecord.deliveries where notification_id = ?")
			.param(UUID.fromString(notificationId))
			.query(String.class)
			.single();
	}

	private static ResidentRecordSimulator startSimulator() {
		try {
			return ResidentRecordSimulator.start(0);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
