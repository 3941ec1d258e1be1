package jp.madoguchi.moving;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import jp.madoguchi.support.Households;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The notification API through the real security chain and database. */
@SpringBootTest
class NotificationApiTests {

	static final String TSUJI_TWO_DOTS = "辻\uDB40\uDD02";

	static final RequestPostProcessor CLERK = user("clerk-moving").authorities(() -> "NOTIFICATION_EDIT",
			() -> "NOTIFICATION_ACCEPT");

	static final RequestPostProcessor SUPERVISOR = user("supervisor-moving").authorities(() -> "NOTIFICATION_EDIT",
			() -> "MY_NUMBER_VIEW");

	static final RequestPostProcessor RECEPTIONIST = user("reception-moving").authorities(() -> "RECEPTION");

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void aNameWithAVariationSelectorComesBackByteForByte() throws Exception {
		JsonNode created = create(Households.familyMovingIn(LocalDate.now().minusDays(2), LocalDate.now()));
		String id = created.get("id").asString();
		byte[] body = mvc.perform(get("/api/v1/notifications/" + id).with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String familyName = json.readTree(new String(body, StandardCharsets.UTF_8))
			.get("persons")
			.get(0)
			.get("familyName")
			.asString();
		assertThat(familyName).isEqualTo(TSUJI_TWO_DOTS);
		assertThat(familyName.codePoints().toArray()).containsExactly(0x8FBB, 0xE0102);
		assertThat(new String(body, StandardCharsets.UTF_8)).contains("辻\uDB40\uDD02");
		assertThat(jdbc.sql("select content->'persons'->0->>'familyName' from moving.notifications where id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo(TSUJI_TWO_DOTS);
	}

	@Test
	void acceptanceIsRefusedWhileAnErrorRemainsAndAnAgentNeedsAPowerOfAttorney() throws Exception {
		NotificationContent byAgent = Households.with(
				Households.familyMovingIn(LocalDate.now().minusDays(1), LocalDate.now()),
				new NotificationContent.Filer(NotificationContent.FilerKind.AGENT, "代理 人", null, false));
		JsonNode created = create(byAgent);
		String id = created.get("id").asString();
		mvc.perform(post("/api/v1/notifications/" + id + "/accept").with(CLERK).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("NOTIFICATION_HAS_ERRORS"))
			.andExpect(jsonPath("$.findings[0].code").value("POWER_OF_ATTORNEY_REQUIRED"));

		ObjectNode fixed = (ObjectNode) created.deepCopy();
		((ObjectNode) fixed.get("filer")).put("powerOfAttorney", true);
		mvc.perform(put("/api/v1/notifications/" + id).with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(fixed.toString())).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
		mvc.perform(post("/api/v1/notifications/" + id + "/accept").with(CLERK).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"));
		assertThat(auditCount("NOTIFICATION_ACCEPTED", id)).isEqualTo(2);
		// Accepted means frozen.
		mvc.perform(put("/api/v1/notifications/" + id).with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(fixed.put("version", 2).toString()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("NOTIFICATION_NOT_EDITABLE"));
	}

	@Test
	void aLateFilingNamesTheDeadlineMovedPastTheClosedDays() throws Exception {
		// Moved 2026-09-28: the 14th day is スポーツの日 (Monday 10-12), so 10-13 is on time.
		NotificationContent onTime = Households.familyMovingIn(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 13));
		assertThat(create(onTime).get("findings").toString()).doesNotContain("FILED_LATE");
		NotificationContent late = Households.familyMovingIn(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 14));
		mvc.perform(post("/api/v1/notifications").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(late)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.findings[?(@.code == 'FILED_LATE')].severity").value("WARNING"))
			.andExpect(jsonPath("$.findings[?(@.code == 'FILED_LATE')].message")
				.value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.containsString("令和8年10月13日"))));
	}

	@Test
	void aSeparationNamesTheHouseholdLeftAndOlderBodiesStillRead() throws Exception {
		ObjectNode body = (ObjectNode) json
			.readTree(json.writeValueAsString(Households.familyMovingIn(LocalDate.now(), LocalDate.now())));
		body.put("type", "HOUSEHOLD_CHANGE").put("variant", "SEPARATION");
		body.putObject("household").put("newHousehold", true);
		String withoutPrevious = mvc
			.perform(post("/api/v1/notifications").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.toString()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(withoutPrevious).contains("HOUSEHOLD_PREVIOUS_HEAD_MISSING");
		((ObjectNode) body.get("household")).put("previousHeadName", "辻 一郎");
		mvc.perform(post("/api/v1/notifications").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.toString()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.household.previousHeadName").value("辻 一郎"))
			.andExpect(jsonPath("$.findings[?(@.code == 'HOUSEHOLD_PREVIOUS_HEAD_MISSING')]").isEmpty());
	}

	@Test
	void aStaleVersionAnswersConflict() throws Exception {
		JsonNode created = create(Households.familyMovingIn(LocalDate.now().minusDays(1), LocalDate.now()));
		String id = created.get("id").asString();
		ObjectNode update = (ObjectNode) created.deepCopy();
		mvc.perform(put("/api/v1/notifications/" + id).with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(update.toString())).andExpect(status().isOk());
		mvc.perform(put("/api/v1/notifications/" + id).with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(update.toString()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("STALE_VERSION"));
	}

	@Test
	void myNumbersAreEncryptedAtRestMaskedByDefaultAndShownInFullOnlyWithThePermission() throws Exception {
		NotificationContent family = Households.familyMovingIn(LocalDate.now().minusDays(1), LocalDate.now());
		NotificationContent withNumber = Households.with(family, family.household(),
				java.util.List.of(family.persons().get(0).withMyNumber("123456789018"), family.persons().get(1)));
		JsonNode created = create(withNumber);
		String id = created.get("id").asString();
		assertThat(created.get("persons").get(0).get("myNumber").asString()).isEqualTo("********9018");

		assertThat(
				jdbc.sql("select count(*) from moving.notifications where id = ? and content::text like '%1234567890%'")
					.param(UUID.fromString(id))
					.query(Long.class)
					.single())
			.isZero();
		byte[] sealed = jdbc.sql("select ciphertext from moving.my_numbers where notification_id = ?")
			.param(UUID.fromString(id))
			.query(byte[].class)
			.single();
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("123456789018");

		mvc.perform(get("/api/v1/notifications/" + id).with(SUPERVISOR))
			.andExpect(jsonPath("$.persons[0].myNumber").value("123456789018"));
		assertThat(auditCount("MY_NUMBER_VIEWED", id)).isEqualTo(1);

		// Echoing the masked form back keeps the stored number.
		mvc.perform(put("/api/v1/notifications/" + id).with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(created.toString())).andExpect(status().isOk());
		mvc.perform(get("/api/v1/notifications/" + id).with(SUPERVISOR))
			.andExpect(jsonPath("$.persons[0].myNumber").value("123456789018"));

		// Acceptance changes the status only: the sealed numbers stay (the
		// resident-record
		// link delivers them).
		mvc.perform(post("/api/v1/notifications/" + id + "/accept").with(CLERK).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"));
		mvc.perform(get("/api/v1/notifications/" + id).with(SUPERVISOR))
			.andExpect(jsonPath("$.persons[0].myNumber").value("123456789018"));
	}

	@Test
	void searchFindsByKanjiAndByKanaReading() throws Exception {
		String family = "検索" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
		NotificationContent content = Households.moveIn(LocalDate.now().minusDays(1), LocalDate.now(),
				Households.person(family, "一郎", "ケンサク", "イチロウ", LocalDate.of(1970, 1, 1), "世帯主"));
		String id = create(content).get("id").asString();
		mvc.perform(search("{\"name\":\"" + family + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());
		mvc.perform(search("{\"name\":\"けんさく　いちろう\"}")).andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());
		assertThat(jdbc.sql("select count(*) from audit.events where action = 'NOTIFICATION_SEARCHED' and actor = ?")
			.param("reception-moving")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void variantKanjiAndKanaReadingsFindTheSameFamily() throws Exception {
		String given = "髙" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
		NotificationContent content = Households.moveIn(LocalDate.now().minusDays(1), LocalDate.now(),
				Households.person("髙橋", given, "タカハシ", "イチロウ", LocalDate.of(1970, 1, 1), "世帯主"));
		String id = create(content).get("id").asString();
		for (String query : new String[] { "高橋", "たかはし", "ﾀｶﾊｼ", "髙橋" }) {
			mvc.perform(search("{\"name\":\"" + query + "\",\"limit\":500}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());
		}
		mvc.perform(search("{\"name\":\"高橋　高" + given.substring(1) + "\"}"))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());
	}

	@Test
	void aNameThatCannotBeStoredFaithfullyIsRefused() throws Exception {
		ObjectNode body = (ObjectNode) json
			.valueToTree(Households.familyMovingIn(LocalDate.now().minusDays(1), LocalDate.now()));
		((ObjectNode) body.get("persons").get(0)).put("givenName", "LONE-SURROGATE");
		mvc.perform(post("/api/v1/notifications").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.toString().replace("LONE-SURROGATE", "\u592a\\ud800\u90ce")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_CHARACTER"))
			.andExpect(jsonPath("$.field").value("persons[0].givenName"));
	}

	@Test
	void malformedInputIs422NamingTheField() throws Exception {
		ObjectNode body = (ObjectNode) json
			.valueToTree(Households.familyMovingIn(LocalDate.now().minusDays(1), LocalDate.now()));
		ObjectNode badSex = body.deepCopy();
		((ObjectNode) badSex.get("persons").get(0)).put("sex", "OTHER");
		mvc.perform(post("/api/v1/notifications").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(badSex.toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("persons[0].sex"));
		ObjectNode badDate = body.deepCopy().put("movedOn", "2026-02-30");
		mvc.perform(post("/api/v1/notifications").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(badDate.toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("movedOn"));
		ObjectNode longName = body.deepCopy();
		((ObjectNode) longName.get("persons").get(0)).put("familyName", "長".repeat(101));
		mvc.perform(post("/api/v1/notifications").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(longName.toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.errors[0].field").value("persons[0].familyName"));
		ObjectNode wrongVariant = body.deepCopy().put("variant", "TO_ABROAD");
		mvc.perform(post("/api/v1/notifications").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(wrongVariant.toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("VARIANT_NOT_ALLOWED"));
	}

	@Test
	void receptionMayReadButNotWrite() throws Exception {
		mvc.perform(post("/api/v1/notifications").with(RECEPTIONIST)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Households.familyMovingIn(LocalDate.now(), LocalDate.now()))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/notifications/" + UUID.randomUUID()).with(RECEPTIONIST))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("NOTIFICATION_NOT_FOUND"));
	}

	private JsonNode create(NotificationContent content) throws Exception {
		String response = mvc
			.perform(post("/api/v1/notifications").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(content)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return json.readTree(response);
	}

	private long auditCount(String action, String id) {
		return jdbc.sql("select count(*) from audit.events where action = ? and subject = ?")
			.param(action)
			.param("notification:" + id)
			.query(Long.class)
			.single();
	}

	/** A search by POST: names never go into a URL. */
	private static MockHttpServletRequestBuilder search(String body) {
		return post("/api/v1/notifications/search").with(RECEPTIONIST)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

}
