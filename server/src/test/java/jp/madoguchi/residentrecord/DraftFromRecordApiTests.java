package jp.madoguchi.residentrecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static jp.madoguchi.residentrecord.Notifications.CLERK;
import static jp.madoguchi.residentrecord.Notifications.TSUJI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Drafts started from the resident record and from the data sent ahead (issue 18), over
 * the snapshot {@code residentrecord/households.jsonl}: filled exactly as recorded and
 * marked, unknown ids and mixed households refused, an unreadable record a 503, audited.
 */
@SpringBootTest(properties = RecordSnapshots.SHARED)
class DraftFromRecordApiTests {

	static final Path SNAPSHOT = RecordSnapshots.SHARED_SNAPSHOT;

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	MockMvc mvc;

	@BeforeEach
	void setUp() throws Exception {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		RecordSnapshots.copyTo(SNAPSHOT);
	}

	@Test
	void aMoveWithinIsFilledExactlyAsRecordedAndMarked() throws Exception {
		JsonNode draft = body(start("""
				{"type":"MOVE_WITHIN","variant":"NONE","residentIds":["0000123","0000124","0000126"],
				 "filerResidentId":"0000123"}""").andExpect(status().isCreated()));
		assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
		JsonNode first = draft.get("persons").get(0);
		// the variation selector survives: the same code points as the snapshot's
		assertThat(first.get("familyName").asString()).isEqualTo(TSUJI);
		assertThat(first.get("familyName").asString().codePoints().toArray()).containsExactly(0x8FBB, 0xE0102);
		assertThat(first.get("givenName").asString()).isEqualTo("太郎");
		assertThat(first.get("familyNameKana").asString()).isEqualTo("ツジ");
		assertThat(first.get("birthDate").asString()).isEqualTo("1980-04-01");
		assertThat(first.get("sex").asString()).isEqualTo("MALE");
		assertThat(first.get("relationship").asString()).isEqualTo("世帯主");
		assertThat(first.path("relationshipCode").asString("")).isNotEmpty();
		assertThat(draft.get("persons").get(1).get("relationship").asString()).isEqualTo("妻");
		assertThat(draft.get("persons").get(2).get("givenName").asString()).isEqualTo("さくら");
		assertThat(draft.get("persons").size()).isEqualTo(3);
		JsonNode previous = draft.get("previousAddress");
		assertThat(previous.get("postalCode").asString()).isEqualTo("0850018");
		assertThat(previous.get("town").asString()).isEqualTo("黒金町");
		assertThat(previous.get("block").asString()).isEqualTo("7丁目5番地");
		assertThat(previous.get("building").asString()).isEqualTo("ハイツ101");
		// what is new is left for staff
		assertThat(draft.path("newAddress").isNull() || draft.path("newAddress").isMissingNode()).isTrue();
		assertThat(draft.path("movedOn").isMissingNode() || draft.path("movedOn").isNull()).isTrue();
		assertThat(draft.get("household").get("headName").asString()).isEqualTo(TSUJI + " 太郎");
		assertThat(draft.get("filer").get("kind").asString()).isEqualTo("SELF");
		assertThat(draft.get("filer").get("name").asString()).isEqualTo(TSUJI + " 太郎");
		JsonNode origin = draft.get("recordOrigin");
		assertThat(origin.get("source").asString()).startsWith("snapshot:");
		assertThat(json.convertValue(origin.get("residentIds"), String[].class)).containsExactly("0000123", "0000124",
				"0000126");
		assertThat(json.convertValue(origin.get("fromRecord"), String[].class))
			.contains("persons[0].familyName", "persons[0].relationship", "persons[0].relationshipCode",
					"persons[2].birthDate", "previousAddress.block", "household.headName", "filer.name")
			.doesNotContain("newAddress.block", "movedOn");
		String id = draft.get("id").asString();
		// the notification API's GET answers the same, origin included
		mvc.perform(get("/api/v1/notifications/" + id).with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.persons[0].familyName").value(TSUJI))
			.andExpect(jsonPath("$.recordOrigin.residentIds[2]").value("0000126"))
			.andExpect(jsonPath("$.recordOrigin.fromRecord[0]").value("persons[0].familyName"));
		assertThat(jdbc.sql("select count(*) from audit.events where action = 'NOTIFICATION_FROM_RECORD'"
				+ " and outcome = 'SUCCESS' and actor = 'clerk-rr' and subject like ? and detail like 'source=snapshot:%'")
			.param("%" + id + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aHouseholdChangeNamesTheHouseholdLeftAndKeepsTheAddress() throws Exception {
		start("""
				{"type":"HOUSEHOLD_CHANGE","variant":"SEPARATION","residentIds":["0000125"]}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.household.previousHeadName").value(TSUJI + " 太郎"))
			.andExpect(jsonPath("$.newAddress.block").value("7丁目5番地"))
			.andExpect(jsonPath("$.previousAddress").doesNotExist());
	}

	@Test
	void unknownIdsAndMixedHouseholdsAreRefusedWithTheReason() throws Exception {
		start("""
				{"type":"MOVE_OUT","variant":"DOMESTIC","residentIds":["0000123","X9","X8"]}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("FROM_RECORD_UNKNOWN_RESIDENTS"))
			.andExpect(jsonPath("$.detail").value(containsString("X9, X8")));
		start("""
				{"type":"MOVE_WITHIN","variant":"NONE","residentIds":["0000123","0000300"]}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("PERSONS_FROM_SEVERAL_HOUSEHOLDS"));
		start("""
				{"type":"MOVE_WITHIN","variant":"NONE","residentIds":[]}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("FROM_RECORD_RESIDENTS_REQUIRED"));
		start("""
				{"type":"MOVE_IN","variant":"DOMESTIC","residentIds":["0000123"]}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("FROM_RECORD_NOT_FOR_MOVE_IN"));
		start("""
				{"type":"MOVE_WITHIN","variant":"SEPARATION","residentIds":["0000123"]}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("VARIANT_NOT_ALLOWED"));
	}

	@Test
	void anUnreadableRecordIsA503AndManualEntryStillWorks() throws Exception {
		Files.delete(SNAPSHOT);
		start("""
				{"type":"MOVE_WITHIN","variant":"NONE","residentIds":["0000123"]}""")
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.code").value("RESIDENT_RECORD_UNAVAILABLE"))
			.andExpect(jsonPath("$.detail").value(containsString("手入力で続けられます")));
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'NOTIFICATION_FROM_RECORD' and outcome = 'FAILURE'")
			.query(Long.class)
			.single()).isPositive();
		mvc.perform(post("/api/v1/notifications").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"MOVE_WITHIN\",\"variant\":\"NONE\"}")).andExpect(status().isCreated());
	}

	@Test
	void aSpecialMoveInStartsFromTheDataSentAhead() throws Exception {
		JsonNode draft = body(mvc
			.perform(post("/api/v1/notifications/from-sent-ahead").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"sentAheadIds\":[\"T0000001\"]}"))
			.andExpect(status().isCreated()));
		assertThat(draft.get("type").asString()).isEqualTo("MOVE_IN");
		assertThat(draft.get("variant").asString()).isEqualTo("SPECIAL");
		assertThat(draft.get("plannedMoveOutOn").asString()).isEqualTo("2026-11-28");
		assertThat(draft.get("persons").size()).isEqualTo(2);
		assertThat(draft.get("persons").get(0).get("familyName").asString()).isEqualTo("\uD842\uDFB7田");
		assertThat(draft.get("persons").get(1).get("relationship").asString()).isEqualTo("妻");
		assertThat(draft.get("previousAddress").get("city").asString()).isEqualTo("札幌市中央区");
		assertThat(json.convertValue(draft.get("recordOrigin").get("sentAheadIds"), String[].class))
			.containsExactly("T0000001");
		assertThat(json.convertValue(draft.get("recordOrigin").get("fromRecord"), String[].class))
			.contains("plannedMoveOutOn", "persons[1].relationship", "previousAddress.city");
		mvc.perform(post("/api/v1/notifications/from-sent-ahead").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"sentAheadIds\":[\"T9\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("UNKNOWN_SENT_AHEAD_IDS"));
	}

	@Test
	void onlyStaffWhoEditNotificationsMayStartOne() throws Exception {
		String body = "{\"type\":\"MOVE_WITHIN\",\"variant\":\"NONE\",\"residentIds\":[\"0000123\"]}";
		mvc.perform(post("/api/v1/notifications/from-record").with(user("r").authorities(() -> "RECEPTION"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/notifications/from-record").with(CLERK)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/notifications/from-sent-ahead").with(user("r").authorities(() -> "RECEPTION"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"sentAheadIds\":[\"T0000001\"]}")).andExpect(status().isForbidden());
	}

	@Test
	void theHouseholdPageStartsTheDraftAndOpensIt() throws Exception {
		String page = mvc.perform(get("/resident-record/households").param("householdId", "H0042").with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page)
			.contains("action=\"/notifications/from-record\"", "name=\"_csrf\"",
					"value=\"0000126\" id=\"pick-0000126\"", "value=\"MOVE_WITHIN\"", "value=\"MOVE_OUT\"",
					"value=\"HOUSEHOLD_CHANGE\"", "value=\"SEPARATION\"")
			.doesNotContain("<script>", "onclick");
		String location = mvc
			.perform(post("/notifications/from-record").with(CLERK)
				.with(csrf())
				.param("householdId", "H0042")
				.param("residentIds", "0000123", "0000124", "0000125")
				.param("start", "MOVE_WITHIN"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/notifications/[0-9a-f-]{36}");
		// the edit page says what came from the record
		assertThat(mvc.perform(get(location).with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8))
			.contains("data-from-record", "0000123、0000124、0000125", "新しい住所と異動日を入力してください");
		mvc.perform(get("/api/v1/notifications/" + location.substring("/notifications/".length())).with(CLERK))
			.andExpect(jsonPath("$.type").value("MOVE_WITHIN"))
			.andExpect(jsonPath("$.persons.length()").value(3))
			.andExpect(jsonPath("$.persons[2].givenName").value("一郎"));
		mvc.perform(post("/notifications/from-record").with(CLERK)
			.with(csrf())
			.param("householdId", "H0042")
			.param("residentIds", "0000123")
			.param("changeKind", "SEPARATION")
			.param("start", "HOUSEHOLD_CHANGE")).andExpect(status().is3xxRedirection());
		// nobody ticked: back to the household with the reason
		mvc.perform(post("/notifications/from-record").with(CLERK)
			.with(csrf())
			.param("householdId", "H0042")
			.param("start", "MOVE_OUT"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/resident-record/households?householdId=H0042"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("refused", containsString("1人以上")));
		mvc.perform(post("/notifications/from-record").with(CLERK)
			.param("residentIds", "0000123")
			.param("start", "MOVE_OUT")).andExpect(status().isForbidden());
	}

	private ResultActions start(String body) throws Exception {
		return mvc.perform(post("/api/v1/notifications/from-record").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private JsonNode body(ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
