package jp.madoguchi.guidance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jp.madoguchi.guidance.domain.SampleHouseholds;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What residents read of the procedure master in their language (issue 21): the seeded
 * translations, the fallback to English and then Japanese, the administrator's API and
 * screen (audited), and the printed sheet.
 */
@SpringBootTest
class GuideTranslationsTests {

	static final RequestPostProcessor MASTER = user("master-translations").authorities(() -> "MASTER_ADMIN");

	static final RequestPostProcessor CLERK = user("clerk-translations").authorities(() -> "NOTIFICATION_EDIT");

	/** The test procedure's rule applies only to special move-ins from 2040. */
	static final LocalDate MOVED = LocalDate.of(2040, 5, 1);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	String code;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		code = "TEST_TRANSLATED_" + Long.toHexString(System.nanoTime()).toUpperCase();
		jdbc.sql("""
				insert into guidance.procedures (code, name, name_en, plain_name, department, building, floor,
				counter_window, documents, explanation, route_order)
				values (?, 'テストの手続き', 'Test procedure', 'てすと', 'テスト課', '本庁舎', '9階', '1番',
				array['本人確認書類', '印鑑'], 'テストの説明です。', 999)""").param(code).update();
		jdbc.sql("insert into guidance.rules (procedure_code, effective_from, source) values (?, '2040-01-01', ?)")
			.params(code, "on MOVE_IN(SPECIAL)\nhousehold reason \"test\"")
			.update();
		jdbc.sql("update guidance.revision set revision = revision + 1").update();
	}

	@AfterEach
	void cleanUp() {
		jdbc.sql("delete from guidance.translations where master = 'procedure' and record_id = ?").param(code).update();
		jdbc.sql("delete from guidance.rules where procedure_code = ?").param(code).update();
		jdbc.sql("delete from guidance.procedures where code = ?").param(code).update();
		jdbc.sql("update guidance.revision set revision = revision + 1").update();
	}

	@Test
	void aResidentInVietnameseGetsVietnameseProcedureNamesAndTexts() throws Exception {
		JsonNode guide = evaluate(SampleHouseholds.foreignResidentFromAbroad(LocalDate.of(2026, 11, 20)), "vi");
		JsonNode card = procedure(guide, "RESIDENCE_CARD_ENDORSEMENT").get("resident");
		assertThat(card.get("language").asString()).isEqualTo("vi");
		assertThat(card.get("name").asString()).isEqualTo("Ghi địa chỉ lên thẻ cư trú (在留カード)");
		assertThat(card.get("documents").get(0).asString())
			.isEqualTo("Thẻ cư trú (hoặc Giấy chứng nhận vĩnh trú đặc biệt)");
		assertThat(card.get("explanation").asString()).startsWith("Chúng tôi ghi địa chỉ mới");
		assertThat(card.get("fallbacks").size()).as("nothing of it falls back").isZero();
		assertThat(procedure(guide, "NHI_JOIN").get("resident").get("name").asString())
			.isEqualTo("Tham gia Bảo hiểm Y tế Quốc dân");
		assertThat(procedure(guide, "RESIDENCE_CARD_ENDORSEMENT").get("name").asString())
			.as("the staff's Japanese stays as it was")
			.isEqualTo("在留カードへの住所の記載");

		JsonNode garbage = procedure(guide, "GARBAGE_GUIDE").get("resident");
		assertThat(garbage.get("name").asString()).isEqualTo("Hướng dẫn phân loại và bỏ rác");
		assertThat(garbage.get("explanation").asString()).startsWith("Cách phân loại rác");
		JsonNode leave = procedure(evaluate(SampleHouseholds.elderlyMovingOut(LocalDate.of(2026, 11, 20)), "vi"),
				"LATE_ELDERLY_LEAVE")
			.get("resident");
		assertThat(leave.get("explanation").asString()).startsWith("Moving out of Hokkaido");
		assertThat(leave.get("fallbacks").get("explanation").asString())
			.as("no Vietnamese explanation yet: the English one, and said so")
			.isEqualTo("en");

		JsonNode staff = json.readTree(mvc
			.perform(post("/api/v1/guidance/evaluate").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json
					.writeValueAsString(SampleHouseholds.foreignResidentFromAbroad(LocalDate.of(2026, 11, 20)))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		JsonNode untranslated = procedure(staff, "NHI_JOIN").get("resident");
		assertThat(untranslated == null || untranslated.isNull()).as("no language asked: Japanese only").isTrue();
	}

	@Test
	void aMissingTranslationFallsBackToEnglishThenJapanese() throws Exception {
		JsonNode resident = procedure(evaluate(special(), "ko"), code).get("resident");
		assertThat(resident.get("name").asString()).isEqualTo("Test procedure");
		assertThat(resident.get("fallbacks").get("name").asString()).isEqualTo("en");
		assertThat(resident.get("explanation").asString()).isEqualTo("テストの説明です。");
		assertThat(resident.get("fallbacks").get("explanation").asString()).isEqualTo("ja");

		saveTranslation("en", "explanation", "This is the test explanation.").andExpect(status().isOk());
		resident = procedure(evaluate(special(), "ko"), code).get("resident");
		assertThat(resident.get("explanation").asString()).isEqualTo("This is the test explanation.");
		assertThat(resident.get("fallbacks").get("explanation").asString()).isEqualTo("en");

		saveTranslation("ko", "name", "테스트 절차").andExpect(status().isOk());
		resident = procedure(evaluate(special(), "ko"), code).get("resident");
		assertThat(resident.get("name").asString()).isEqualTo("테스트 절차");
		assertThat(resident.get("fallbacks").has("name")).isFalse();
		assertThat(procedure(evaluate(special(), "pt"), code).get("resident").get("name").asString())
			.as("another language still falls back")
			.isEqualTo("Test procedure");
	}

	@Test
	void theAdministratorSetsATranslationThroughTheApiAudited() throws Exception {
		mvc.perform(get("/api/v1/guidance/procedures/" + code + "/translations").with(MASTER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.field == 'documents.1' && @.language == 'vi')].status").value("MISSING"));

		saveTranslation("vi", "documents.1", "  Con dấu  ").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("TRANSLATED"))
			.andExpect(jsonPath("$.text").value("Con dấu"))
			.andExpect(jsonPath("$.japanese").value("印鑑"));
		assertThat(jdbc.sql("""
				select count(*) from audit.events where action = 'GUIDANCE_TRANSLATION_SAVED' and subject = ?""")
			.param("procedure:" + code)
			.query(Long.class)
			.single()).as("audited like other master changes").isEqualTo(1);
		assertThat(procedure(evaluate(special(), "vi"), code).get("resident").get("documents").get(1).asString())
			.isEqualTo("Con dấu");

		saveTranslation("vi", "documents.7", "x").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
		saveTranslation("fr", "name", "x").andExpect(status().isUnprocessableContent());
		saveTranslation("en", "name", "x").andExpect(status().isUnprocessableContent());
		saveTranslation("vi", "name", " ").andExpect(status().isUnprocessableContent());
		mvc.perform(put("/api/v1/guidance/procedures/" + code + "/translations/vi/name").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"x\"}")).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/guidance/translations/missing").with(CLERK)).andExpect(status().isForbidden());

		mvc.perform(delete("/api/v1/guidance/procedures/" + code + "/translations/vi/documents.1").with(MASTER)
			.with(csrf())).andExpect(status().isNoContent());
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'GUIDANCE_TRANSLATION_DELETED' and subject = ?")
			.param("procedure:" + code)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aTranslationOfJapaneseThatChangedIsOutdatedAndListedAsMissing() throws Exception {
		saveTranslation("vi", "name", "Thủ tục thử nghiệm").andExpect(status().isOk());
		jdbc.sql("update guidance.procedures set name = 'テストの手続き（改）' where code = ?").param(code).update();
		jdbc.sql("update guidance.revision set revision = revision + 1").update();

		JsonNode resident = procedure(evaluate(special(), "vi"), code).get("resident");
		assertThat(resident.get("name").asString()).as("the old translation is not shown").isEqualTo("Test procedure");
		JsonNode missing = json.readTree(mvc.perform(get("/api/v1/guidance/translations/missing").with(MASTER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(missing.get("vi")
			.valueStream()
			.filter((m) -> m.get("code").asString().equals(code) && m.get("field").asString().equals("name"))
			.map((m) -> m.get("status").asString())).containsExactly("OUTDATED");
		assertThat(missing.get("vi")
			.valueStream()
			.anyMatch((m) -> m.get("code").asString().equals("LATE_ELDERLY_LEAVE")
					&& m.get("field").asString().equals("explanation")))
			.isTrue();
	}

	@Test
	void theMasterScreenShowsWhatIsMissingAndSavesALanguage() throws Exception {
		Document list = page(mvc.perform(get("/guidance/admin").with(MASTER)));
		assertThat(list.select("#translations-missing li[data-language=vi] [data-missing-count]").text()).isNotBlank();
		assertThat(list.select("a[href='/guidance/admin/" + code + "/translations?language=vi']").text())
			.isEqualTo("vi 5");

		Document screen = page(
				mvc.perform(get("/guidance/admin/" + code + "/translations").param("language", "vi").with(MASTER)));
		// The rule's reason is translated here too.
		assertThat(screen.select("tr[data-field]").eachAttr("data-field")).containsExactly("name", "documents.0",
				"documents.1", "explanation", jp.madoguchi.guidance.domain.Procedure.reasonField("test"));
		assertThat(screen.select("tr[data-status=MISSING]")).hasSize(5);

		mvc.perform(post("/guidance/admin/" + code + "/translations").with(MASTER)
			.with(csrf())
			.param("language", "vi")
			.param("t.name", "Thủ tục thử nghiệm")
			.param("t.documents.0", "Giấy tờ tùy thân")
			.param("t.documents.1", "")
			.param("t.explanation", ""))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("translationsSaved", 2));
		screen = page(
				mvc.perform(get("/guidance/admin/" + code + "/translations").param("language", "vi").with(MASTER)));
		assertThat(screen.select("tr[data-status=TRANSLATED]").eachAttr("data-field")).containsExactly("name",
				"documents.0");
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'GUIDANCE_TRANSLATION_SAVED' and subject = ?")
			.param("procedure:" + code)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theSheetPrintsTheResidentsLanguageUnderTheJapanese() throws Exception {
		String created = mvc
			.perform(post("/api/v1/notifications").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json
					.writeValueAsString(SampleHouseholds.foreignResidentFromAbroad(LocalDate.of(2026, 11, 20)))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String id = json.readTree(created).get("id").asString();
		Document sheet = page(
				mvc.perform(get("/guidance/notifications/" + id + "/sheet").param("lang", "vi").with(CLERK)));
		assertThat(sheet.select(".guide-sheet__name").eachText()).contains("在留カードへの住所の記載");
		assertThat(sheet.select("[data-translated=name]").eachText()).contains("Ghi địa chỉ lên thẻ cư trú (在留カード)",
				"Tham gia Bảo hiểm Y tế Quốc dân");
		assertThat(sheet.select("[data-translated=name][lang=vi]")).isNotEmpty();
		Document japanese = page(mvc.perform(get("/guidance/notifications/" + id + "/sheet").with(CLERK)));
		assertThat(japanese.select("[data-translated]")).isEmpty();
	}

	/**
	 * The reasons on the sheet (why each procedure is needed) in the resident's language
	 * with the same person named, Vietnamese and Korean here; a reason without a
	 * translation falls back to English, then Japanese, and the guide says so.
	 */
	@Test
	void theSheetGivesTheReasonsInTheResidentsLanguage() throws Exception {
		String created = mvc
			.perform(post("/api/v1/notifications").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json
					.writeValueAsString(SampleHouseholds.foreignResidentFromAbroad(LocalDate.of(2026, 11, 20)))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String id = json.readTree(created).get("id").asString();
		Document vietnamese = page(
				mvc.perform(get("/guidance/notifications/" + id + "/sheet").param("lang", "vi").with(CLERK)));
		String japaneseReason = vietnamese
			.select("tr:has(.guide-sheet__name:contains(在留カードへの住所の記載)) .guide-sheet__reasons li > span:first-child")
			.first()
			.text();
		assertThat(japaneseReason).contains("在留カード（または特別永住者証明書）を持つ外国人住民のため");
		String person = japaneseReason.substring(0, japaneseReason.indexOf("が在留カード"));
		assertThat(vietnamese.select("[data-translated=reason][lang=vi]").eachText()).contains("Vì " + person
				+ " là cư dân người nước ngoài có thẻ cư trú (在留カード) hoặc giấy chứng nhận vĩnh trú "
				+ "đặc biệt (特別永住者証明書) (tờ khai này đồng thời là khai báo nơi cư trú; nơi cư trú mới được ghi vào mặt sau thẻ)");
		Document korean = page(
				mvc.perform(get("/guidance/notifications/" + id + "/sheet").param("lang", "ko").with(CLERK)));
		assertThat(korean.select("[data-translated=reason][lang=ko]").eachText())
			.anyMatch((reason) -> reason.startsWith(person + " 님이 재류카드(在留カード)"));
		Document japanese = page(mvc.perform(get("/guidance/notifications/" + id + "/sheet").with(CLERK)));
		assertThat(japanese.select("[data-translated=reason]")).isEmpty();

		// The test procedure's reason "test" has no translation: Japanese, marked.
		JsonNode untranslated = procedure(evaluate(special(), "ko"), code);
		assertThat(untranslated.get("reasons").get(0).asString()).isEqualTo("test");
		assertThat(untranslated.get("resident").get("reasons").get(0).asString()).isEqualTo("test");
		assertThat(untranslated.get("resident").get("fallbacks").get("reasons.0").asString()).isEqualTo("ja");
		// Translated through the API: English stands in for Korean, Vietnamese is used.
		String field = jp.madoguchi.guidance.domain.Procedure.reasonField("test");
		saveTranslation("en", field, "a test").andExpect(status().isOk())
			.andExpect(jsonPath("$.japanese").value("test"));
		saveTranslation("vi", field, "thử nghiệm").andExpect(status().isOk());
		saveTranslation("vi", "reason.00000000", "x").andExpect(status().isUnprocessableContent());
		JsonNode english = procedure(evaluate(special(), "ko"), code);
		assertThat(english.get("resident").get("reasons").get(0).asString()).isEqualTo("a test");
		assertThat(english.get("resident").get("fallbacks").get("reasons.0").asString()).isEqualTo("en");
		JsonNode own = procedure(evaluate(special(), "vi"), code);
		assertThat(own.get("resident").get("reasons").get(0).asString()).isEqualTo("thử nghiệm");
		assertThat(own.get("resident").get("fallbacks").has("reasons.0")).isFalse();
	}

	private ResultActions saveTranslation(String language, String field, String text) throws Exception {
		return mvc
			.perform(put("/api/v1/guidance/procedures/" + code + "/translations/" + language + "/" + field).with(MASTER)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(java.util.Map.of("text", text))));
	}

	private static NotificationContent special() {
		NotificationContent c = SampleHouseholds.familyMovingIn(MOVED);
		return new NotificationContent(c.type(), NotificationType.Variant.SPECIAL, c.movedOn(), c.filedOn(),
				c.movedOn(), c.newAddress(), c.previousAddress(), c.household(), c.persons(), c.filer(),
				c.identityDocuments());
	}

	private JsonNode evaluate(NotificationContent notification, String language) throws Exception {
		return json.readTree(mvc
			.perform(post("/api/v1/guidance/evaluate").param("lang", language)
				.with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(notification)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private static JsonNode procedure(JsonNode guide, String code) {
		return guide.get("procedures")
			.valueStream()
			.filter((p) -> p.get("code").asString().equals(code))
			.findFirst()
			.orElseThrow(() -> new AssertionError(code + " not in the guide"));
	}

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(
				result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
