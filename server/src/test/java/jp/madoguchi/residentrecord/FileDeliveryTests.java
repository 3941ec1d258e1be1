package jp.madoguchi.residentrecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import jp.madoguchi.retention.domain.RetentionService;
import jp.madoguchi.support.FileOutbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static jp.madoguchi.residentrecord.Notifications.ADMIN;
import static jp.madoguchi.residentrecord.Notifications.CLERK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * File mode against a real directory, with the real database and worker: documents appear
 * once under their final name, {@code .ack} makes the notification SENT, {@code .err}
 * shows staff why, a missing folder makes deliveries wait.
 */
@SpringBootTest(properties = { "madoguchi.resident-record.mode=file", "madoguchi.resident-record.poll-interval=100ms",
		"madoguchi.resident-record.backoff-initial=200ms", "madoguchi.resident-record.backoff-max=500ms",
		"madoguchi.resident-record.max-attempts=100" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@FileOutbox
class FileDeliveryTests {

	@Value(FileOutbox.FOLDER)
	Path outbox;

	@DynamicPropertySource
	static void lookup(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.resident-record.lookup.snapshot", () -> snapshot().toString());
	}

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	RetentionService retention;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void anAcceptedNotificationIsWrittenOnceCompleteAndTheAckMakesItSent() throws Exception {
		String id = Notifications.createAndAccept(mvc, json, "太郎");
		Path document = outbox.resolve(id + ".json");
		await(() -> Files.exists(document), "document written");
		await(() -> "DELIVERED".equals(state(id)), "state DELIVERED");

		byte[] before = Files.readAllBytes(document);
		java.nio.file.attribute.FileTime writtenAt = Files.getLastModifiedTime(document);
		JsonNode written = json.readTree(Files.readString(document, StandardCharsets.UTF_8));
		assertThat(written.get("formatVersion").asString()).isEqualTo("1.4");
		assertThat(written.get("notificationId").asString()).isEqualTo(id);
		assertThat(written.get("change").get("reason").asString()).isEqualTo("転入");
		assertThat(written.get("change").get("reasonCode").asString()).isEqualTo("10");
		assertThat(written.get("change").get("notificationKind").get("code").asString()).isEqualTo("01");
		assertThat(written.get("change").get("notificationKind").get("label").asString()).isEqualTo("転入届");
		assertThat(written.get("address").get("katagaki").asString()).isEqualTo("ハイツ101");
		JsonNode person = written.get("persons").get(0);
		assertThat(person.get("familyName").asString().codePoints().toArray()).containsExactly(0x8FBB, 0xE0102);
		assertThat(person.get("individualNumber").asString()).isEqualTo(Notifications.MY_NUMBER);
		assertThat(person.get("dateOfBirth").asString()).isEqualTo("1980-04-01");
		assertThat(person.get("relationshipCode").asString()).isEqualTo("01");
		assertThat(person.get("relationship").asString()).isEqualTo("世帯主");
		try (Stream<Path> files = Files.list(outbox)) {
			assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.contains(id)))
				.containsExactly(id + ".json");
		}
		assertThat(jdbc.sql("select count(*) from residentrecord.deliveries where notification_id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isEqualTo(1);
		// The worker read the My Number in full: audited as the system, not as a person.
		assertThat(jdbc.sql(
				"select count(*) from audit.events where action = 'MY_NUMBER_VIEWED' and subject = ? and actor = 'resident-record'")
			.param("notification:" + id)
			.query(Long.class)
			.single()).isPositive();

		Files.writeString(outbox.resolve(id + ".ack"), "");
		await(() -> "SENT".equals(state(id)), "state SENT");
		mvc.perform(get("/api/v1/notifications/" + id).with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SENT"));
		// Still exactly the one document, never rewritten.
		assertThat(Files.readAllBytes(document)).isEqualTo(before);
		assertThat(Files.getLastModifiedTime(document)).isEqualTo(writtenAt);
	}

	/**
	 * The notification kind comes from its master (issue 17): the code and label a master
	 * administrator changed are in the next accepted notification's document; a kind the
	 * master no longer has refuses the acceptance with the stable problem code naming the
	 * field, and no delivery is written. The master is put back as shipped.
	 */
	@Test
	void theDocumentCarriesTheNotificationKindAsItsMasterHasItAtAcceptance() throws Exception {
		changeKind("01", "{\"code\":\"T01\",\"label\":\"転入届（試験）\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value("T01"))
			.andExpect(jsonPath("$.type").value("MOVE_IN"));
		try {
			String id = Notifications.createAndAccept(mvc, json, "花子");
			Path document = outbox.resolve(id + ".json");
			await(() -> Files.exists(document), "document written");
			JsonNode written = json.readTree(Files.readString(document, StandardCharsets.UTF_8));
			assertThat(written.get("formatVersion").asString()).isEqualTo("1.4");
			assertThat(written.get("change").get("notificationKind").get("code").asString()).isEqualTo("T01");
			assertThat(written.get("change").get("notificationKind").get("label").asString()).isEqualTo("転入届（試験）");
		}
		finally {
			changeKind("T01", "{\"code\":\"01\",\"label\":\"転入届\"}").andExpect(status().isOk());
		}

		mvc.perform(delete("/api/v1/masters/notification-kinds/01").with(ADMIN).with(csrf()))
			.andExpect(status().isNoContent());
		try {
			String id = Notifications.create(mvc, json, Notifications.moveIn("次郎"));
			mvc.perform(post("/api/v1/notifications/" + id + "/accept").with(CLERK).with(csrf()))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.code").value("UNKNOWN_CODE"))
				.andExpect(jsonPath("$.field").value("notificationKind"))
				.andExpect(jsonPath("$.detail").value(containsString("届出の種類")));
			mvc.perform(get("/api/v1/notifications/" + id).with(CLERK)).andExpect(jsonPath("$.status").value("DRAFT"));
			assertThat(jdbc.sql("select count(*) from residentrecord.deliveries where notification_id = ?")
				.param(UUID.fromString(id))
				.query(Long.class)
				.single()).isZero();
		}
		finally {
			mvc.perform(post("/api/v1/masters/notification-kinds").with(ADMIN)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"code":"01","label":"転入届","type":"MOVE_IN","variant":"DOMESTIC",
						 "source":"市区町村独自 (標準の値未確認)"}""")).andExpect(status().isCreated());
		}
	}

	private ResultActions changeKind(String code, String body) throws Exception {
		return mvc.perform(put("/api/v1/masters/notification-kinds/" + code).with(ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	/**
	 * Retention: a purged notification takes its delivery row and, once the purge
	 * committed, its files in the outbox folder with it; other notifications' files stay.
	 */
	@Test
	void aPurgedNotificationLeavesNoDeliveryAndNoFilesBehind() throws Exception {
		String id = Notifications.createAndAccept(mvc, json, "三郎");
		String other = Notifications.createAndAccept(mvc, json, "四郎");
		await(() -> "DELIVERED".equals(state(id)) && "DELIVERED".equals(state(other)), "both DELIVERED");
		Files.writeString(outbox.resolve(id + ".ack"), "");
		Files.writeString(outbox.resolve(id + ".err.1"), "set aside");
		await(() -> "SENT".equals(state(id)), "state SENT");
		java.sql.Timestamp longAgo = java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(8 * 366)));
		jdbc.sql("update moving.notifications set filed_on = ?::date, created_at = ? where id = ?")
			.params(longAgo.toString().substring(0, 10), longAgo, UUID.fromString(id))
			.update();

		assertThat(retention.run(RetentionService.Trigger.MANUAL, "retention-test")).isPresent();

		assertThat(jdbc.sql("select count(*) from residentrecord.deliveries where notification_id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isZero();
		try (Stream<Path> files = Files.list(outbox)) {
			assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.contains(id))).isEmpty();
		}
		assertThat(outbox.resolve(other + ".json")).exists();
		assertThat(state(other)).isEqualTo("DELIVERED");
	}

	@Test
	void anErrFileShowsStaffTheReasonAndARetryDeliversAgain() throws Exception {
		String id = Notifications.createAndAccept(mvc, json, "次郎");
		await(() -> "DELIVERED".equals(state(id)), "state DELIVERED");
		Files.writeString(outbox.resolve(id + ".err"), "氏名に登録できない文字があります（E1021）");
		await(() -> "ERROR".equals(state(id)), "state ERROR");

		String panel = mvc.perform(get("/resident-record/notifications/" + id).with(CLERK).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(panel).contains("氏名に登録できない文字があります（E1021）").contains("エラー");
		String deliveryId = jdbc.sql("select id from residentrecord.deliveries where notification_id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.single();
		mvc.perform(get("/api/v1/resident-record/deliveries").param("state", "ERROR").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + deliveryId + "')].lastError")
				.value(org.hamcrest.Matchers.hasItem(containsString("E1021"))));

		mvc.perform(post("/api/v1/resident-record/deliveries/" + deliveryId + "/retry").with(ADMIN).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("PENDING"));
		assertThat(outbox.resolve(id + ".err")).doesNotExist();
		await(() -> "DELIVERED".equals(state(id)), "delivered again after the retry");
		Files.writeString(outbox.resolve(id + ".ack"), "");
		await(() -> "SENT".equals(state(id)), "state SENT");
		mvc.perform(post("/api/v1/resident-record/deliveries/" + deliveryId + "/retry").with(ADMIN).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DELIVERY_NOT_RETRYABLE"));
	}

	@Test
	void aMissingOutboxMakesTheDeliveryWaitWithTheReasonAndItGoesOutOnceTheFolderIsBack() throws Exception {
		Path aside = outbox.resolveSibling(outbox.getFileName() + "-aside");
		Files.move(outbox, aside);
		String id;
		try {
			id = Notifications.createAndAccept(mvc, json, "三郎");
			await(() -> "FAILED_RETRYING".equals(state(id)), "state FAILED_RETRYING");
			assertThat(lastError(id)).contains("連携フォルダ").contains("ありません");
			String page = mvc.perform(get("/admin/resident-record").param("state", "FAILED_RETRYING").with(ADMIN))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).contains(id).contains("連携フォルダがありません。");
		}
		finally {
			Files.move(aside, outbox);
		}
		await(() -> "DELIVERED".equals(state(id)), "delivered once the folder is back");
		assertThat(outbox.resolve(id + ".json")).exists();
	}

	@Test
	void aRefusedAcceptanceLeavesNoDelivery() throws Exception {
		String body = Notifications.moveIn("四郎").replace("\"kind\":\"SELF\"", "\"kind\":\"AGENT\"");
		String id = Notifications.create(mvc, json, body);
		mvc.perform(post("/api/v1/notifications/" + id + "/accept").with(CLERK).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(state(id)).isNull();
	}

	@Test
	void theDeliveryApiIsForAdministratorsAndRefusesBadInputClearly() throws Exception {
		mvc.perform(get("/api/v1/resident-record/deliveries").with(CLERK))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("FORBIDDEN"));
		mvc.perform(get("/api/v1/resident-record/deliveries").param("state", "LOST").with(ADMIN))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_DELIVERY_STATE"));
		mvc.perform(post("/api/v1/resident-record/deliveries/" + UUID.randomUUID() + "/retry").with(ADMIN).with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("DELIVERY_NOT_FOUND"));
		mvc.perform(get("/admin/resident-record").with(CLERK)).andExpect(status().isForbidden());
		assertThat(meters.get("madoguchi.resident.record.backlog").gauge().value()).isGreaterThanOrEqualTo(0);
		assertThat(meters.get("madoguchi.resident.record.deliveries").tag("state", "SENT").gauge()).isNotNull();
	}

	@Test
	void staffLookUpTheCurrentResidentRecordAndEveryLookupIsAudited() throws Exception {
		mvc.perform(post("/api/v1/resident-record/residents/search").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"つじ\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].familyName").value(Notifications.TSUJI))
			.andExpect(jsonPath("$[0].householdId").value("H0042"))
			.andExpect(jsonPath("$[0].address.building").value("ハイツ101"));
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'RESIDENT_RECORD_LOOKUP' and actor = 'clerk-rr'"
					+ " and detail like '%hits=2%'")
			.query(Long.class)
			.single()).isPositive();
		mvc.perform(post("/api/v1/resident-record/residents/search").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("LOOKUP_CRITERIA_REQUIRED"));
		mvc.perform(post("/api/v1/resident-record/residents/search").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"birthDate\":\"1980-13-01\"}")).andExpect(status().is4xxClientError());
		mvc.perform(post("/api/v1/resident-record/residents/search").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"つじ\"}")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("r")
				.authorities(() -> "RECEPTION")))
			.andExpect(status().isForbidden());
	}

	static Path snapshot() {
		try {
			return Path.of(FileDeliveryTests.class.getResource("/residentrecord/residents.jsonl").toURI());
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String state(String notificationId) {
		List<String> states = jdbc.sql("select state from residentrecord.deliveries where notification_id = ?")
			.param(UUID.fromString(notificationId))
			.query(String.class)
			.list();
		return states.isEmpty() ? null : states.get(0);
	}

	private String lastError(String notificationId) {
		return jdbc.sql("select last_error from residentrecord.deliveries where notification_id = ?")
			.param(UUID.fromString(notificationId))
			.query(String.class)
			.single();
	}

	static void await(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting for: " + what);
			}
			Thread.sleep(50);
		}
	}

}
