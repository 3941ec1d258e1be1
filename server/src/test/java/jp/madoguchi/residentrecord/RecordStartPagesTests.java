package jp.madoguchi.residentrecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static jp.madoguchi.residentrecord.Notifications.CLERK;
import static jp.madoguchi.residentrecord.Notifications.TSUJI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The counter pages of issue 18 over the snapshot
 * {@code residentrecord/households.jsonl}: the data sent ahead found and a 特例転入 started
 * from it, a card read listing the households with each item compared, the 住記 marks of a
 * draft, and a card that differs from the record shown side by side and written only when
 * staff choose it (audited).
 */
@SpringBootTest(properties = RecordSnapshots.SHARED)
class RecordStartPagesTests {

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
	void theDataSentAheadIsFoundOnTheCounterPageAndStartsASpecialMoveIn() throws Exception {
		String page = mvc.perform(
				post("/resident-record/households/sent-ahead").param("sentAheadName", "よしだ").with(CLERK).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("data-notice=\"T0000001\"", "\uD842\uDFB7田 健太", "特例転入を始める",
				"action=\"/notifications/from-sent-ahead\"");
		String location = mvc
			.perform(post("/notifications/from-sent-ahead").param("noticeIds", "T0000001").with(CLERK).with(csrf()))
			.andExpect(redirectedUrlPattern("/notifications/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String id = location.substring(location.lastIndexOf('/') + 1);
		JsonNode draft = read(get("/api/v1/notifications/" + id));
		assertThat(draft.get("type").asString()).isEqualTo("MOVE_IN");
		assertThat(draft.get("variant").asString()).isEqualTo("SPECIAL");
		assertThat(draft.get("persons").get(0).get("familyName").asString()).isEqualTo("\uD842\uDFB7田");
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'RESIDENT_RECORD_LOOKUP'"
					+ " and actor = 'clerk-rr' and detail like 'page sent-ahead name=(given)%'")
			.query(Long.class)
			.single()).isPositive();
		// an unknown number goes back to the page with the reason
		mvc.perform(post("/notifications/from-sent-ahead").param("noticeIds", "X9").with(CLERK).with(csrf()))
			.andExpect(redirectedUrlPattern("/resident-record/households*"));
	}

	@Test
	void aCardReadOnTheCounterPageListsEveryCandidateWithEachItemCompared() throws Exception {
		String page = mvc
			.perform(post("/resident-record/households/card").param("cardName", "辻　太郎")
				.param("cardBirthDate", "1980-04-01")
				.param("cardSex", "MALE")
				.param("cardAddress", "北海道釧路市黒金町７丁目５番地　ハイツ１０１")
				.with(CLERK)
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// 辻󠄂 太郎 of H0042 (the card has no variation selector) and 辻 太郎 of H0050, both
		// listed
		assertThat(page).contains("data-household=\"H0042\"", "data-household=\"H0050\"", "カードとの照合");
		assertThat(page).containsPattern(Pattern.compile(
				"data-resident=\"0000123\".*?data-card-item=\"name\" data-comparison=\"SAME_FOLDED\"", Pattern.DOTALL));
		assertThat(page).containsPattern(Pattern
			.compile("data-resident=\"0000300\".*?data-card-item=\"name\" data-comparison=\"SAME\"", Pattern.DOTALL));
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'RESIDENT_RECORD_LOOKUP'"
					+ " and detail like 'page households by card hits=%'")
			.query(Long.class)
			.single()).isPositive();
		assertThat(page.contains("太郎") && !jdbc
			.sql("select detail from audit.events where action = 'RESIDENT_RECORD_LOOKUP' and detail like '%card%'")
			.query(String.class)
			.list()
			.stream()
			.anyMatch(detail -> detail.contains("辻"))).as("no name in the audit trail").isTrue();
		// without name and birth date: the reason, no lookup
		mvc.perform(post("/resident-record/households/card").param("cardName", "").with(CLERK).with(csrf()))
			.andExpect(status().isOk());
	}

	@Test
	void aCardThatDiffersFromTheRecordIsShownAndWrittenOnlyWhenChosen() throws Exception {
		JsonNode started = json.readTree(mvc
			.perform(post("/api/v1/notifications/from-record").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"MOVE_WITHIN\",\"variant\":\"NONE\",\"residentIds\":[\"0000123\",\"0000124\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		String id = started.get("id").asString();
		String draft = page("/notifications/" + id);
		assertThat(draft).containsPattern(labelled("persons0.familyName", "FROM_RECORD"))
			.containsPattern(labelled("previousAddress.block", "FROM_RECORD"))
			.contains("住記", "（住民記録の値）")
			.doesNotContain("data-record-mark=\"CHANGED\"");

		String compared = mvc
			.perform(post("/notifications/" + id + "/card-compare").param("person", "0")
				.param("cardName", "辻　太郎")
				.param("cardBirthDate", "1980-04-01")
				.param("cardSex", "MALE")
				.param("cardAddress", "北海道釧路市黒金町７丁目５番地　ハイツ１０１")
				.with(CLERK)
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// only the family name differs (the variation selector); the address agrees
		// across widths
		assertThat(compared).contains("data-difference=\"persons[0].familyName\"", "U+8FBB U+E0102", "住民記録のまま")
			.contains("name=\"persons[0].familyName\" value=\"" + TSUJI + "\"")
			.doesNotContain("data-difference=\"previousAddress\"", "data-difference=\"persons[0].givenName\"");
		assertThat(read(get("/api/v1/notifications/" + id)).get("persons").get(0).get("familyName").asString())
			.as("nothing written before staff choose")
			.isEqualTo(TSUJI);

		choose(id, "RECORD");
		assertThat(read(get("/api/v1/notifications/" + id)).get("persons").get(0).get("familyName").asString())
			.isEqualTo(TSUJI);
		choose(id, "READ");
		JsonNode chosen = read(get("/api/v1/notifications/" + id));
		assertThat(chosen.get("persons").get(0).get("familyName").asString()).isEqualTo("辻");
		assertThat(json.convertValue(chosen.get("recordOrigin").get("changedByStaff"), String[].class))
			.containsExactly("persons[0].familyName");
		assertThat(json.convertValue(chosen.get("recordOrigin").get("fromRecord"), String[].class))
			.doesNotContain("persons[0].familyName")
			.contains("persons[0].givenName");
		assertThat(page("/notifications/" + id)).containsPattern(labelled("persons0.familyName", "CHANGED"))
			.containsPattern(labelled("persons0.givenName", "FROM_RECORD"));
		assertThat(jdbc
			.sql("select detail from audit.events where action = 'RECORD_DIFFERENCE_CHOSEN' and subject = ?"
					+ " order by id")
			.param("notification:" + id)
			.query(String.class)
			.list()).containsExactly("source=CARD item=persons[0].familyName chosen=RECORD",
					"source=CARD item=persons[0].familyName chosen=CARD");
	}

	@Test
	void aPreApplicationThatDiffersFromTheRecordIsShownSideBySideAndWrittenOnlyWhenChosen() throws Exception {
		String id = json.readTree(mvc
			.perform(post("/api/v1/notifications/from-record").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"MOVE_WITHIN\",\"variant\":\"NONE\",\"residentIds\":[\"0000123\",\"0000124\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).get("id").asString();
		assertThat(page("/notifications/" + id)).contains("id=\"prefiling-compare\"",
				"action=\"/notifications/" + id + "/prefiling-compare\"", "data-prefiling-scan");
		// the family pre-applied the 転居 on the public site: the wife first, 辻 without the
		// variation selector for him, the old address in full-width digits, the new one
		String preApplication = """
				{"type":"MOVE_WITHIN","variant":"NONE","movedOn":"2026-11-30",
				 "previousAddress":{"postalCode":"0850018","prefecture":"北海道","city":"釧路市","town":"黒金町","block":"７丁目５番地","building":"ハイツ１０１"},
				 "newAddress":{"postalCode":"0850017","prefecture":"北海道","city":"釧路市","town":"幣舞町","block":"4番28号","building":""},
				 "persons":[{"familyName":"%s","givenName":"花子","familyNameKana":"ツジ","givenNameKana":"ハナコ","birthDate":"1982-06-03","sex":"FEMALE"},
				  {"familyName":"辻","givenName":"太郎","familyNameKana":"ツジ","givenNameKana":"タロウ","birthDate":"1980-04-01","sex":"MALE"}]}"""
			.formatted(TSUJI);
		String payload = json
			.readTree(mvc
				.perform(post("/public/api/v1/prefilings").contentType(MediaType.APPLICATION_JSON)
					.content(preApplication))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8))
			.get("payload")
			.asString();
		String compared = mvc.perform(
				post("/notifications/" + id + "/prefiling-compare").param("payload", payload).with(CLERK).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// the same table as a card read, headed for the pre-application; persons matched
		// by
		// birth date (the wife came first), the old address equal across widths
		assertThat(compared)
			.contains("住民記録と事前申請の違い", "data-difference-source=\"PREFILING\"", "name=\"source\" value=\"PREFILING\"",
					"data-difference=\"persons[0].familyName\"", "U+8FBB U+E0102", "事前申請の値にする",
					"data-difference=\"newAddress.town\"", "data-difference=\"newAddress.block\"",
					"data-difference=\"movedOn\"")
			.doesNotContain("data-difference=\"persons[1].familyName\"", "data-difference=\"previousAddress.block\"",
					"data-difference=\"previousAddress.building\"", "data-difference=\"persons[0].birthDate\"");
		JsonNode unchanged = read(get("/api/v1/notifications/" + id));
		assertThat(unchanged.get("persons").get(0).get("familyName").asString())
			.as("nothing written before staff choose")
			.isEqualTo(TSUJI);
		assertThat(unchanged.path("newAddress").path("town").asString("")).isEmpty();
		// staff keep the record's name and take the new address and the date
		mvc.perform(post("/notifications/" + id + "/differences").param("source", "PREFILING")
			.param("item", "persons[0].familyName", "newAddress.town", "newAddress.block", "movedOn")
			.param("read", "辻", "幣舞町", "4番28号", "2026-11-30")
			.param("choice-0", "RECORD")
			.param("choice-1", "READ")
			.param("choice-2", "READ")
			.param("choice-3", "READ")
			.with(CLERK)
			.with(csrf())).andExpect(redirectedUrlPattern("/notifications/*"));
		JsonNode chosen = read(get("/api/v1/notifications/" + id));
		assertThat(chosen.get("persons").get(0).get("familyName").asString()).isEqualTo(TSUJI);
		assertThat(chosen.get("newAddress").get("town").asString()).isEqualTo("幣舞町");
		assertThat(chosen.get("newAddress").get("block").asString()).isEqualTo("4番28号");
		assertThat(chosen.get("movedOn").asString()).isEqualTo("2026-11-30");
		assertThat(chosen.get("previousAddress").get("block").asString()).isEqualTo("7丁目5番地");
		assertThat(jdbc
			.sql("select detail from audit.events where action = 'RECORD_DIFFERENCE_CHOSEN' and subject = ?"
					+ " order by id")
			.param("notification:" + id)
			.query(String.class)
			.list()).containsExactly("source=PREFILING item=persons[0].familyName chosen=RECORD",
					"source=PREFILING item=newAddress.town chosen=PREFILING",
					"source=PREFILING item=newAddress.block chosen=PREFILING",
					"source=PREFILING item=movedOn chosen=PREFILING");
		// a damaged code: back to the draft with the reason, nothing changed
		mvc.perform(post("/notifications/" + id + "/prefiling-compare").param("payload", "MDG1:broken")
			.with(CLERK)
			.with(csrf()))
			.andExpect(redirectedUrlPattern("/notifications/*"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attributeExists("refused"));
	}

	@Test
	void theCardsMyNumberGoesOntoTheDraftStartedFromTheHouseholdItFound() throws Exception {
		String myNumber = "123456789018";
		String page = mvc
			.perform(post("/resident-record/households/card").param("cardName", "辻　花子")
				.param("cardBirthDate", "1982-06-03")
				.param("cardSex", "FEMALE")
				.param("cardAddress", "北海道釧路市黒金町７丁目５番地　ハイツ１０１")
				.param("cardMyNumber", myNumber)
				.with(CLERK)
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// shown masked, for the member the card matched; the number itself is not on the
		// page
		assertThat(page).contains("data-card-my-number=\"0000124\"", "********9018")
			.doesNotContain(myNumber)
			.contains("name=\"cardMyNumber\"");
		java.util.regex.Matcher token = Pattern
			.compile("data-household=\"H0042\".*?name=\"cardMyNumber\" value=\"([^\"]+)\"", Pattern.DOTALL)
			.matcher(page);
		assertThat(token.find()).isTrue();
		String location = mvc
			.perform(post("/notifications/from-record").param("start", "MOVE_WITHIN")
				.param("householdId", "H0042")
				.param("residentIds", "0000123", "0000124")
				.param("cardMyNumber", token.group(1))
				.with(CLERK)
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/notifications/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String id = location.substring(location.lastIndexOf('/') + 1);
		// stored encrypted, read masked, the full number only for who may see it
		JsonNode draft = read(get("/api/v1/notifications/" + id));
		assertThat(draft.get("persons").get(1).get("myNumber").asString()).isEqualTo("********9018");
		assertThat(draft.get("persons").get(0).path("myNumber").isNull()
				|| draft.get("persons").get(0).path("myNumber").isMissingNode())
			.isTrue();
		assertThat(jdbc.sql("select position from moving.my_numbers where notification_id = ?::uuid")
			.param(java.util.UUID.fromString(id))
			.query(Integer.class)
			.list()).containsExactly(1);
		assertThat(page("/notifications/" + id)).doesNotContain(myNumber);
		// another member of staff cannot use the token; a changed one does not open
		mvc.perform(post("/notifications/from-record").param("start", "MOVE_WITHIN")
			.param("householdId", "H0042")
			.param("residentIds", "0000124")
			.param("cardMyNumber", token.group(1))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user("other")
				.authorities(() -> "NOTIFICATION_EDIT"))
			.with(csrf()))
			.andExpect(redirectedUrlPattern("/resident-record/households*"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("refused", org.hamcrest.Matchers.containsString("もう一度読み取って")));
		assertThat(jdbc.sql("select count(*) from audit.events where detail like '%" + myNumber + "%'")
			.query(Long.class)
			.single()).isZero();
	}

	private void choose(String id, String choice) throws Exception {
		mvc.perform(post("/notifications/" + id + "/differences").param("item", "persons[0].familyName")
			.param("read", "辻")
			.param("choice-0", choice)
			.with(CLERK)
			.with(csrf())).andExpect(redirectedUrlPattern("/notifications/*"));
	}

	/** The label of the field with this id carries the mark. */
	private static Pattern labelled(String fieldId, String mark) {
		return Pattern.compile("for=\"" + fieldId + "\">(?:(?!</label>).)*data-record-mark=\"" + mark + "\"",
				Pattern.DOTALL);
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private JsonNode read(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return json.readTree(mvc
			.perform(((org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder) request).with(CLERK))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

}
