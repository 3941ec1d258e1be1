package jp.madoguchi.residentrecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.forms.FormRendererTests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.context.WebApplicationContext;

import static jp.madoguchi.residentrecord.Notifications.CLERK;
import static jp.madoguchi.residentrecord.Notifications.TSUJI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 世帯変更 of each kind started from one or two households of the record (issue 18), with the
 * households before and after, over {@code residentrecord/households.jsonl}: H0042 the
 * family of four (辻󠄂 太郎 世帯主, 花子 妻, 一郎 子, さくら 子), H0050 辻 太郎 alone, H0077 髙橋 一郎 alone.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HouseholdChangeFromRecordApiTests {

	static final Path FOLDER = RecordSnapshots.folder("rr-household-change");

	static final Path SNAPSHOT = FOLDER.resolve("households.jsonl");

	static final Path OUTBOX = FOLDER.resolve("outbox");

	@DynamicPropertySource
	static void snapshot(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.resident-record.lookup.snapshot", SNAPSHOT::toString);
		registry.add("madoguchi.resident-record.mode", () -> "file");
		registry.add("madoguchi.resident-record.file.outbox", OUTBOX::toString);
	}

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	MockMvc mvc;

	@BeforeEach
	void setUp() throws Exception {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		RecordSnapshots.copyTo(SNAPSHOT);
		Files.createDirectories(OUTBOX);
	}

	@AfterAll
	static void removeFolder() {
		FileSystemUtils.deleteRecursively(FOLDER.toFile());
	}

	@Test
	void aHeadChangeMakesTheNamedPersonHeadAndLeavesTheOldHeadsRelationshipToStaff() throws Exception {
		JsonNode draft = body(start("""
				{"type":"HOUSEHOLD_CHANGE","variant":"HEAD_CHANGE","residentIds":["0000123","0000124"],
				 "headResidentId":"0000124"}""").andExpect(status().isCreated()));
		assertThat(draft.get("persons").get(1).get("relationship").asString()).isEqualTo("世帯主");
		assertThat(draft.get("persons").get(0).path("relationship").asString("")).isEmpty();
		assertThat(draft.get("household").get("previousHeadName").asString()).isEqualTo(TSUJI + " 太郎");
		assertThat(householdFindings(draft)).isEmpty();
		assertThat(strings(draft.get("recordOrigin").get("fromRecord"))).contains("persons[0].familyName")
			.doesNotContain("persons[0].relationship", "persons[1].relationship");
		JsonNode wife = row(draft, "0000124");
		assertThat(wife.get("movement").asString()).isEqualTo("STAYS");
		assertThat(wife.get("relationshipBefore").asString()).isEqualTo("妻");
		assertThat(wife.get("becomesHead").asBoolean()).isTrue();
		assertThat(row(draft, "0000123").get("headLeavesOffice").asBoolean()).isTrue();
		assertThat(row(draft, "0000126").get("inNotification").asBoolean()).isFalse();
		assertThat(row(draft, "0000126").get("headAfter").asString()).isEqualTo(TSUJI + " 花子");
	}

	@Test
	void aSeparationFormsANewHouseholdFromThePersonsPicked() throws Exception {
		JsonNode draft = body(start("""
				{"type":"HOUSEHOLD_CHANGE","variant":"SEPARATION","residentIds":["0000125"],
				 "headResidentId":"0000125"}""").andExpect(status().isCreated()));
		assertThat(draft.get("persons").get(0).get("relationship").asString()).isEqualTo("世帯主");
		assertThat(draft.get("newAddress").get("block").asString()).isEqualTo("7丁目5番地");
		assertThat(householdFindings(draft)).isEmpty();
		JsonNode son = row(draft, "0000125");
		assertThat(son.get("movement").asString()).isEqualTo("LEAVES");
		assertThat(son.get("headAfter").asString()).isEqualTo(TSUJI + " 一郎");
		assertThat(son.get("becomesHead").asBoolean()).isTrue();
		assertThat(row(draft, "0000123").get("movement").asString()).isEqualTo("STAYS");
		assertThat(row(draft, "0000123").get("relationshipAfter").asString()).isEqualTo("世帯主");
	}

	@Test
	void aRestructureFromOneHouseholdLeavesTheHouseholdJoinedToStaff() throws Exception {
		JsonNode draft = body(start("""
				{"type":"HOUSEHOLD_CHANGE","variant":"RESTRUCTURE","residentIds":["0000126"]}""")
			.andExpect(status().isCreated()));
		assertThat(draft.get("household").get("previousHeadName").asString()).isEqualTo(TSUJI + " 太郎");
		// whom she joins is not in the record's answer: staff name that household's head
		assertThat(householdFindings(draft)).containsExactly("HOUSEHOLD_JOINED_HEAD_MISSING");
		assertThat(row(draft, "0000126").path("headAfter").asString("")).isEmpty();
	}

	@Test
	void aMergerJoinsThePersonsOfOneHouseholdToTheOther() throws Exception {
		JsonNode draft = body(start("""
				{"type":"HOUSEHOLD_CHANGE","variant":"MERGER","residentIds":["0000300","0000124","0000125"],
				 "joinedHouseholdId":"H0050","filerResidentId":"0000300"}""").andExpect(status().isCreated()));
		// the persons are those who join; the household joined is named by its head
		assertThat(draft.get("persons").size()).isEqualTo(2);
		assertThat(draft.get("persons").get(0).get("givenName").asString()).isEqualTo("花子");
		assertThat(draft.get("household").get("headName").asString()).isEqualTo("辻 太郎");
		assertThat(draft.get("household").get("previousHeadName").asString()).isEqualTo(TSUJI + " 太郎");
		assertThat(draft.get("newAddress").get("town").asString()).isEqualTo("幣舞町");
		assertThat(draft.get("filer").get("kind").asString()).isEqualTo("HOUSEHOLD_MEMBER");
		assertThat(householdFindings(draft)).isEmpty();
		assertThat(strings(draft.get("recordOrigin").get("residentIds"))).containsExactly("0000124", "0000125");
		JsonNode before = draft.get("beforeAndAfter").get("householdsBefore");
		assertThat(before.get(0).get("householdId").asString()).isEqualTo("H0050");
		assertThat(before.get(1).get("householdId").asString()).isEqualTo("H0042");
		assertThat(before.get(1).get("members").asInt()).isEqualTo(4);
		assertThat(row(draft, "0000124").get("headAfter").asString()).isEqualTo("辻 太郎");
		assertThat(row(draft, "0000124").get("movement").asString()).isEqualTo("LEAVES");
		assertThat(row(draft, "0000300").get("movement").asString()).isEqualTo("STAYS");
		// the rest of H0042 stays with its head
		assertThat(row(draft, "0000126").get("headAfter").asString()).isEqualTo(TSUJI + " 太郎");
	}

	@Test
	void aRestructureBetweenTwoHouseholdsMovesThePersonsPickedIntoTheHouseholdJoined() throws Exception {
		// the son 一郎 of H0042 moves into H0050 (辻 太郎 alone); the rest of H0042 stays
		JsonNode draft = body(start("""
				{"type":"HOUSEHOLD_CHANGE","variant":"RESTRUCTURE","residentIds":["0000300","0000125"],
				 "joinedHouseholdId":"H0050"}""").andExpect(status().isCreated()));
		assertThat(draft.get("variant").asString()).isEqualTo("RESTRUCTURE");
		assertThat(draft.get("persons").size()).isEqualTo(1);
		assertThat(draft.get("persons").get(0).get("givenName").asString()).isEqualTo("一郎");
		assertThat(draft.get("household").get("headName").asString()).isEqualTo("辻 太郎");
		assertThat(draft.get("household").get("previousHeadName").asString()).isEqualTo(TSUJI + " 太郎");
		assertThat(draft.get("newAddress").get("town").asString()).isEqualTo("幣舞町");
		assertThat(householdFindings(draft)).isEmpty();
		JsonNode before = draft.get("beforeAndAfter").get("householdsBefore");
		assertThat(before.get(0).get("householdId").asString()).isEqualTo("H0050");
		assertThat(before.get(1).get("householdId").asString()).isEqualTo("H0042");
		JsonNode son = row(draft, "0000125");
		assertThat(son.get("movement").asString()).isEqualTo("LEAVES");
		assertThat(son.get("headBefore").asString()).isEqualTo(TSUJI + " 太郎");
		assertThat(son.get("headAfter").asString()).isEqualTo("辻 太郎");
		assertThat(row(draft, "0000300").get("movement").asString()).isEqualTo("STAYS");
		assertThat(row(draft, "0000124").get("movement").asString()).isEqualTo("STAYS");
		assertThat(row(draft, "0000124").get("headAfter").asString()).isEqualTo(TSUJI + " 太郎");
		// from the counter page: the kind chosen in the two-household section
		String location = mvc
			.perform(post("/notifications/from-record").with(CLERK)
				.with(csrf())
				.param("start", "HOUSEHOLD_CHANGE")
				.param("changeKind", "RESTRUCTURE")
				.param("joinedHouseholdId", "H0050")
				.param("residentIds", "0000300", "0000125"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/notifications/[0-9a-f-]{36}");
		mvc.perform(get("/api/v1/" + location.substring(1)).with(CLERK))
			.andExpect(jsonPath("$.variant").value("RESTRUCTURE"))
			.andExpect(jsonPath("$.persons.length()").value(1))
			.andExpect(jsonPath("$.household.headName").value("辻 太郎"))
			.andExpect(jsonPath("$.beforeAndAfter.householdsBefore.length()").value(2));
		// two households without naming the one joined: refused with the reason
		refused("""
				{"type":"HOUSEHOLD_CHANGE","variant":"RESTRUCTURE","residentIds":["0000300","0000125"]}""",
				"PERSONS_FROM_SEVERAL_HOUSEHOLDS", "2つの世帯");
	}

	@Test
	void theNewHeadIsChosenOnTheCounterPage() throws Exception {
		String page = mvc
			.perform(post("/resident-record/households/search").param("householdId", "H0042").with(CLERK).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String select = page.substring(page.indexOf("id=\"head-H0042\""));
		select = select.substring(0, select.indexOf("</select>"));
		// every member of the household is offered
		assertThat(select).contains("value=\"0000123\"", "value=\"0000124\"", "value=\"0000125\"", "value=\"0000126\"",
				TSUJI + " 花子（妻）");
		// 世帯主変更: the old head ticked, the wife chosen as new head (not ticked: she is
		// added)
		String location = mvc
			.perform(post("/notifications/from-record").with(CLERK)
				.with(csrf())
				.param("start", "HOUSEHOLD_CHANGE")
				.param("changeKind", "HEAD_CHANGE")
				.param("householdId", "H0042")
				.param("headResidentId", "0000124")
				.param("residentIds", "0000123"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		JsonNode draft = body(mvc.perform(get("/api/v1/" + location.substring(1)).with(CLERK)));
		assertThat(strings(draft.get("recordOrigin").get("residentIds"))).containsExactly("0000123", "0000124");
		assertThat(draft.get("persons").get(1).get("relationship").asString()).isEqualTo("世帯主");
		assertThat(draft.get("persons").get(0).path("relationship").asString("")).isEmpty();
		assertThat(row(draft, "0000124").get("becomesHead").asBoolean()).isTrue();
		assertThat(row(draft, "0000123").get("headLeavesOffice").asBoolean()).isTrue();
		// 世帯分離: the son leaves and heads his own household
		location = mvc
			.perform(post("/notifications/from-record").with(CLERK)
				.with(csrf())
				.param("start", "HOUSEHOLD_CHANGE")
				.param("changeKind", "SEPARATION")
				.param("householdId", "H0042")
				.param("headResidentId", "0000125")
				.param("residentIds", "0000125"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		draft = body(mvc.perform(get("/api/v1/" + location.substring(1)).with(CLERK)));
		assertThat(draft.get("persons").get(0).get("relationship").asString()).isEqualTo("世帯主");
		assertThat(row(draft, "0000125").get("headAfter").asString()).isEqualTo(TSUJI + " 一郎");
		// a 転居 pressed with a head chosen: the choice is for 世帯変更 only and is ignored
		location = mvc
			.perform(post("/notifications/from-record").with(CLERK)
				.with(csrf())
				.param("start", "MOVE_WITHIN")
				.param("householdId", "H0042")
				.param("headResidentId", "0000124")
				.param("residentIds", "0000125"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/notifications/[0-9a-f-]{36}");
	}

	@Test
	void wrongCombinationsAreRefusedWithTheReason() throws Exception {
		refused("""
				{"type":"HOUSEHOLD_CHANGE","variant":"MERGER","residentIds":["0000300","0000124"]}""",
				"JOINED_HOUSEHOLD_REQUIRED", "合併先の世帯");
		refused("""
				{"type":"HOUSEHOLD_CHANGE","variant":"MERGER","residentIds":["0000123","0000124"],
				 "joinedHouseholdId":"H0042"}""", "MERGER_NEEDS_TWO_HOUSEHOLDS", "1つの世帯");
		refused("""
				{"type":"HOUSEHOLD_CHANGE","variant":"MERGER","residentIds":["0000300","0000124","0000200"],
				 "joinedHouseholdId":"H0050"}""", "MERGER_NEEDS_TWO_HOUSEHOLDS", "3つの世帯");
		refused("""
				{"type":"HOUSEHOLD_CHANGE","variant":"MERGER","residentIds":["0000300","0000124"],
				 "joinedHouseholdId":"H0077"}""", "JOINED_HOUSEHOLD_NOT_PICKED", "H0077");
		refused("""
				{"type":"MOVE_OUT","variant":"DOMESTIC","residentIds":["0000123","0000300"]}""",
				"PERSONS_FROM_SEVERAL_HOUSEHOLDS", "2つの世帯");
		refused("""
				{"type":"HOUSEHOLD_CHANGE","variant":"SEPARATION","residentIds":["0000125","0000300"]}""",
				"PERSONS_FROM_SEVERAL_HOUSEHOLDS", "世帯構成変更だけ");
		refused("""
				{"type":"MOVE_WITHIN","variant":"NONE","residentIds":["0000123"],"joinedHouseholdId":"H0050"}""",
				"JOINED_HOUSEHOLD_ONLY_FOR_MERGER", "世帯合併と世帯構成変更だけ");
		refused("""
				{"type":"MOVE_OUT","variant":"DOMESTIC","residentIds":["0000123"],"headResidentId":"0000123"}""",
				"NEW_HEAD_ONLY_FOR_HEAD_CHANGE", "世帯主変更と世帯分離");
		refused("""
				{"type":"HOUSEHOLD_CHANGE","variant":"HEAD_CHANGE","residentIds":["0000123"],
				 "headResidentId":"0000124"}""", "NEW_HEAD_NOT_AMONG_PERSONS", "0000124");
	}

	@Test
	void theBeforeStaysAsRecordedWhenTheRecordChangesLater() throws Exception {
		// 転居 of three of the four: the head stays behind
		JsonNode draft = body(start("""
				{"type":"MOVE_WITHIN","variant":"NONE","residentIds":["0000124","0000125","0000126"]}""")
			.andExpect(status().isCreated()));
		assertThat(row(draft, "0000123").get("movement").asString()).isEqualTo("STAYS");
		assertThat(row(draft, "0000123").get("relationshipAfter").asString()).isEqualTo("世帯主");
		assertThat(row(draft, "0000124").get("movement").asString()).isEqualTo("LEAVES");
		// the record changes: the head is gone from H0042
		List<String> lines = new ArrayList<>(Files.readAllLines(SNAPSHOT, StandardCharsets.UTF_8));
		lines.removeIf(line -> line.contains("\"0000123\""));
		Files.write(SNAPSHOT, lines, StandardCharsets.UTF_8);
		Files.setLastModifiedTime(SNAPSHOT,
				java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
		String id = draft.get("id").asString();
		mvc.perform(get("/api/v1/notifications/" + id).with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.beforeAndAfter.householdsBefore[0].members").value(4))
			.andExpect(jsonPath("$.beforeAndAfter.persons[3].residentId").value("0000123"))
			.andExpect(jsonPath("$.beforeAndAfter.persons[3].movement").value("STAYS"));
		// a notification entered by hand has none
		String manual = body(mvc.perform(post("/api/v1/notifications").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"MOVE_WITHIN\",\"variant\":\"NONE\"}"))).get("id").asString();
		mvc.perform(get("/api/v1/notifications/" + manual).with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.beforeAndAfter").doesNotExist());
	}

	@Test
	void theNotificationPageShowsTheHouseholdsBeforeAndAfter() throws Exception {
		// the head and the 16-year-old move out; the wife, the only one of 15 or over
		// left,
		// becomes head
		String id = body(start("""
				{"type":"MOVE_OUT","variant":"DOMESTIC","residentIds":["0000123","0000125"]}""")
			.andExpect(status().isCreated())).get("id").asString();
		String page = mvc.perform(get("/notifications/" + id).with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page)
			.contains("id=\"before-after\"", "世帯 (異動前)", "世帯 (異動後)", "H0042（世帯主 " + TSUJI + " 太郎、4人）",
					"data-resident-id=\"0000124\"", "世帯主になる", "世帯を離れる", "残る", "確認が必要")
			.doesNotContain("data-remaining-head-undecided");
		String wife = page.substring(page.indexOf("data-resident-id=\"0000124\""));
		wife = wife.substring(0, wife.indexOf("</tr>"));
		assertThat(wife).contains(TSUJI + " 花子", "妻", "世帯主になる");
		// a notification entered by hand has no such section
		String manual = body(mvc.perform(post("/api/v1/notifications").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"MOVE_WITHIN\",\"variant\":\"NONE\"}"))).get("id").asString();
		assertThat(mvc.perform(get("/notifications/" + manual).with(CLERK))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("before-after");
	}

	@Test
	void theMovingNotificationPrintsTheHouseholdsBeforeAndAfterOnASheetOfItsOwn(@TempDir Path dir) throws Exception {
		String id = body(start("""
				{"type":"MOVE_WITHIN","variant":"NONE","residentIds":["0000123","0000125"]}""")
			.andExpect(status().isCreated())).get("id").asString();
		String text = FormRendererTests.run("pdftotext", "-enc", "UTF-8",
				Files.write(dir.resolve("before-after.pdf"), pdf(id)).toString(), "-");
		assertThat(text).contains("住民異動届（別紙）", "世帯 (異動前)", "世帯 (異動後)", "世帯を離れる", "残る", "世帯主になる", "要確認");
		// the names as recorded, variation selector included
		assertThat(text).contains(TSUJI + " 花子", TSUJI + " さくら");
		// the sheet says who heads what remains: the wife, the only one of 15 or over
		String sheet = text.substring(text.indexOf("住民異動届（別紙）"));
		assertThat(sheet.indexOf("世帯主になる")).isPositive();
		// a notification entered by hand prints without the sheet
		String manual = body(mvc.perform(post("/api/v1/notifications").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"MOVE_WITHIN\",\"variant\":\"NONE\"}"))).get("id").asString();
		assertThat(FormRendererTests.run("pdftotext", "-enc", "UTF-8",
				Files.write(dir.resolve("manual.pdf"), pdf(manual)).toString(), "-"))
			.contains("住民異動届")
			.doesNotContain("別紙", "世帯 (異動前)");
	}

	@Test
	void theHouseholdPageStartsAMergerFromTwoHouseholds() throws Exception {
		String page = mvc
			.perform(post("/resident-record/households/search").param("name", "ツジ タロウ").with(CLERK).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page)
			.contains("id=\"start-merger\"", "name=\"joinedHouseholdId\" value=\"H0050\"",
					"name=\"joinedHouseholdId\" value=\"H0042\"", "id=\"merger-pick-0000124\"", "世帯合併・世帯構成変更を始める",
					"value=\"RESTRUCTURE\" id=\"merger-kind-restructure\"", "name=\"headResidentId\"")
			.doesNotContain("<option value=\"MERGER\"");
		String location = mvc
			.perform(post("/notifications/from-record").with(CLERK)
				.with(csrf())
				.param("start", "HOUSEHOLD_CHANGE")
				.param("changeKind", "MERGER")
				.param("joinedHouseholdId", "H0050")
				.param("residentIds", "0000300", "0000124"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/notifications/[0-9a-f-]{36}");
		mvc.perform(get("/api/v1/" + location.substring(1)).with(CLERK))
			.andExpect(jsonPath("$.variant").value("MERGER"))
			.andExpect(jsonPath("$.persons.length()").value(1))
			.andExpect(jsonPath("$.household.headName").value("辻 太郎"))
			.andExpect(jsonPath("$.beforeAndAfter.householdsBefore.length()").value(2));
		// without the household joined: back with the reason
		mvc.perform(post("/notifications/from-record").with(CLERK)
			.with(csrf())
			.param("start", "HOUSEHOLD_CHANGE")
			.param("changeKind", "MERGER")
			.param("residentIds", "0000300", "0000124"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("refused", containsString("合併先の世帯")));
	}

	@Test
	void theAcceptedMergerReachesTheResidentRecordWithItsBeforeAndAfter() throws Exception {
		JsonNode draft = body(start("""
				{"type":"HOUSEHOLD_CHANGE","variant":"MERGER","residentIds":["0000300","0000124"],
				 "joinedHouseholdId":"H0050","filerResidentId":"0000300"}""").andExpect(status().isCreated()));
		String id = draft.get("id").asString();
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
		tools.jackson.databind.node.ObjectNode edited = (tools.jackson.databind.node.ObjectNode) draft;
		edited.put("movedOn", today.minusDays(1).toString());
		edited.put("filedOn", today.toString());
		edited.putArray("identityDocuments").add("MY_NUMBER_CARD");
		mvc.perform(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/notifications/" + id)
					.with(CLERK)
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content(edited.toString()))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/notifications/" + id + "/accept").with(CLERK).with(csrf()))
			.andExpect(status().isOk());
		Path file = OUTBOX.resolve(id + ".json");
		for (int i = 0; i < 300 && !Files.exists(file); i++) {
			Thread.sleep(200);
		}
		JsonNode document = json.readTree(Files.readString(file));
		assertThat(document.get("formatVersion").asString()).isEqualTo("1.4");
		JsonNode change = document.get("householdChange");
		assertThat(change.get("householdsBefore").get(0).get("householdId").asString()).isEqualTo("H0050");
		JsonNode wife = change.get("persons").get(0);
		assertThat(wife.get("residentId").asString()).isEqualTo("0000124");
		assertThat(wife.get("name").asString()).isEqualTo(TSUJI + " 花子");
		assertThat(wife.get("after").get("headOfHouseholdName").asString()).isEqualTo("辻 太郎");
		assertThat(wife.get("before").get("headOfHouseholdName").asString()).isEqualTo(TSUJI + " 太郎");
	}

	private byte[] pdf(String id) throws Exception {
		return mvc.perform(get("/api/v1/notifications/" + id + "/forms/moving-notification.pdf").with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private void refused(String body, String code, String reason) throws Exception {
		start(body).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.detail").value(containsString(reason)));
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

	private static JsonNode row(JsonNode draft, String residentId) {
		for (JsonNode row : draft.get("beforeAndAfter").get("persons")) {
			if (residentId.equals(row.path("residentId").asString(""))) {
				return row;
			}
		}
		throw new AssertionError("no row for " + residentId + " in " + draft.get("beforeAndAfter"));
	}

	private static List<String> householdFindings(JsonNode draft) {
		List<String> codes = new ArrayList<>();
		for (JsonNode finding : draft.get("findings")) {
			String code = finding.get("code").asString();
			if (code.startsWith("HOUSEHOLD_") || code.endsWith("HEADS_OF_HOUSEHOLD")
					|| code.equals("HEAD_OF_HOUSEHOLD_MISSING")) {
				codes.add(code);
			}
		}
		return codes;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(node -> values.add(node.asString()));
		return values;
	}

}
