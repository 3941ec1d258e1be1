package jp.madoguchi.forms;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The forms API with the seed templates, the real guide, database and font. */
@SpringBootTest
class FormApiTests {

	static final RequestPostProcessor CLERK = user("clerk-forms").authorities(() -> "NOTIFICATION_EDIT");

	static final RequestPostProcessor PRINTER = user("printer-forms").authorities(() -> "PRINT");

	static final RequestPostProcessor STRANGER = user("stranger-forms").authorities(() -> "STATISTICS_VIEW");

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@TempDir
	Path dir;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	/** A family of three moving in: 世帯主 with NHI, his wife, a 10-year-old child. */
	static String familyMovingIn() {
		LocalDate today = LocalDate.now();
		return """
				{"type":"MOVE_IN","variant":"DOMESTIC","movedOn":"%s","filedOn":"%s",
				 "newAddress":{"postalCode":"0850000","prefecture":"北海道","city":"釧路市","town":"黒金町","block":"7丁目5番地","building":"窓口ハイツ 203号室"},
				 "previousAddress":{"prefecture":"北海道","city":"札幌市中央区","town":"北一条西","block":"2丁目","building":""},
				 "household":{"headName":null,"newHousehold":true},
				 "persons":[
				  {"familyName":"辻\uDB40\uDD02","givenName":"太郎","familyNameKana":"ツジ","givenNameKana":"タロウ","birthDate":"1980-04-01","sex":"MALE","relationship":"世帯主","myNumberCard":true,"myNumber":"123456789018","facts":{"healthInsurance":"NHI"}},
				  {"familyName":"辻\uDB40\uDD02","givenName":"花子","familyNameKana":"ツジ","givenNameKana":"ハナコ","birthDate":"1982-06-03","sex":"FEMALE","relationship":"妻","myNumberCard":true,"facts":{"healthInsurance":"NHI"}},
				  {"familyName":"辻\uDB40\uDD02","givenName":"一郎","familyNameKana":"ツジ","givenNameKana":"イチロウ","birthDate":"%s","sex":"MALE","relationship":"子","myNumberCard":false,"facts":{"healthInsurance":"NHI"}}],
				 "filer":{"kind":"SELF","name":"辻\uDB40\uDD02 太郎","phone":"0154-00-0000","powerOfAttorney":false},
				 "identityDocuments":["MY_NUMBER_CARD"]}"""
			.formatted(today.minusDays(3), today, today.minusYears(10));
	}

	String create(String body) throws Exception {
		return createNotification(mvc, CLERK, body);
	}

	/** Files a notification through the API as the given clerk; answers its id. */
	static String createNotification(MockMvc mvc, RequestPostProcessor clerk, String body) throws Exception {
		String response = mvc
			.perform(post("/api/v1/notifications").with(clerk)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return JsonMapper.builder().build().readTree(response).get("id").asString();
	}

	@Test
	void theFormsOfAFamilyMovingInAreListedAndEachRendersAsAPdfWithTheExactNames() throws Exception {
		String id = create(familyMovingIn());
		String listed = mvc.perform(get("/api/v1/notifications/" + id + "/forms").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].formId").value("moving-notification"))
			.andExpect(jsonPath("$[0].title").value("住民異動届"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> formIds = new ArrayList<>();
		json.readTree(listed).forEach(form -> formIds.add(form.get("formId").asString()));
		// every form the guide's procedures name has a template: none is missing
		mvc.perform(get("/api/v1/notifications/" + id + "/forms/missing").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		assertThat(formIds).contains("moving-notification", "nhi-join", "child-allowance-claim", "seal-registration",
				"guide-sheet", "reception-ticket");
		for (String formId : formIds) {
			byte[] pdf = mvc.perform(get("/api/v1/notifications/" + id + "/forms/" + formId + ".pdf").with(PRINTER))
				.andExpect(status().isOk())
				.andExpect(content().contentType(MediaType.APPLICATION_PDF))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(new String(pdf, 0, 8, StandardCharsets.US_ASCII)).startsWith("%PDF-1.");
			String text = FormRendererTests.run("pdftotext", "-enc", "UTF-8",
					Files.write(dir.resolve(formId + ".pdf"), pdf).toString(), "-");
			assertThat(text).as(formId).contains("辻\uDB40\uDD02");
		}
		String moving = FormRendererTests.run("pdftotext", "-enc", "UTF-8",
				dir.resolve("moving-notification.pdf").toString(), "-");
		assertThat(moving).contains("辻\uDB40\uDD02 太郎", "辻\uDB40\uDD02 花子", "辻\uDB40\uDD02 一郎", "ツジ タロウ", "昭和55年4月1日",
				"北海道釧路市黒金町7丁目5番地", "窓口ハイツ 203号室", "釧路市長");
		assertThat(moving).doesNotContain("123456789018");
		String child = FormRendererTests.run("pdftotext", "-enc", "UTF-8",
				dir.resolve("child-allowance-claim.pdf").toString(), "-");
		assertThat(child).contains("辻\uDB40\uDD02 一郎").doesNotContain("辻\uDB40\uDD02 花子");
		assertThat(jdbc.sql("select count(*) from audit.events where action = 'FORM_RENDERED' and subject = ?")
			.param("notification:" + id)
			.query(Long.class)
			.single()).isEqualTo(formIds.size());
	}

	@Test
	void aSeparationPrintsTheHeadOfTheHouseholdLeftOnTheMovingNotification() throws Exception {
		String body = familyMovingIn()
			.replace("\"type\":\"MOVE_IN\",\"variant\":\"DOMESTIC\"",
					"\"type\":\"HOUSEHOLD_CHANGE\",\"variant\":\"SEPARATION\"")
			.replace("\"household\":{\"headName\":null,\"newHousehold\":true}",
					"\"household\":{\"headName\":null,\"newHousehold\":true,\"previousHeadName\":\"辻\uDB40\uDD02 源蔵\"}");
		assertThat(body).contains("SEPARATION", "源蔵");
		String id = create(body);
		byte[] pdf = mvc.perform(get("/api/v1/notifications/" + id + "/forms/moving-notification.pdf").with(PRINTER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = FormRendererTests.run("pdftotext", "-enc", "UTF-8",
				Files.write(dir.resolve("separation.pdf"), pdf).toString(), "-");
		assertThat(text).contains("前の世帯主", "辻\uDB40\uDD02 源蔵", "世帯分離", "新しい世帯");
	}

	@Test
	void aFormTheMasterNamesWithoutATemplateIsShownToStaffInsteadOfDropped() throws Exception {
		String code = "TEST_NO_TEMPLATE_" + Long.toHexString(System.nanoTime()).toUpperCase(java.util.Locale.ROOT);
		jdbc.sql(
				"""
						insert into guidance.procedures (code, name, name_en, plain_name, department, building, floor,
						counter_window, forms, explanation, route_order)
						values (?, '試験の手続き', 'Test', 'テスト', 'テスト課', '本庁舎', '9階', '1番', array['test-form-not-drawn-yet'], '', 998)""")
			.param(code)
			.update();
		// only a person of 105 or over is named: no other test's household has one
		jdbc.sql("insert into guidance.rules (procedure_code, effective_from, source) values (?, '2000-01-01', ?)")
			.params(code, "on MOVE_IN\neach person where age >= 105\n reason \"試験\"")
			.update();
		jdbc.sql("update guidance.revision set revision = revision + 1").update();
		try {
			String id = create(
					familyMovingIn().replace("\"birthDate\":\"1982-06-03\"", "\"birthDate\":\"1918-06-03\""));
			mvc.perform(get("/api/v1/notifications/" + id + "/forms/missing").with(CLERK))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(1))
				.andExpect(jsonPath("$[0].formId").value("test-form-not-drawn-yet"))
				.andExpect(jsonPath("$[0].procedureCode").value(code))
				.andExpect(jsonPath("$[0].procedureName").value("試験の手続き"));
			String page = mvc.perform(get("/forms/notifications/" + id).with(CLERK))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).contains("様式（テンプレート）がない申請書があります", "試験の手続き（test-form-not-drawn-yet）");
			// the forms the guide names that do have templates are still listed
			String listed = mvc.perform(get("/api/v1/notifications/" + id + "/forms").with(CLERK))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(listed).contains("late-elderly-join", "care-insurance-join")
				.doesNotContain("test-form-not-drawn-yet");
		}
		finally {
			jdbc.sql("delete from guidance.rules where procedure_code = ?").param(code).update();
			jdbc.sql("delete from guidance.procedures where code = ?").param(code).update();
			jdbc.sql("update guidance.revision set revision = revision + 1").update();
		}
	}

	@Test
	void theSignaturesAVisitNeedsNameEachSignerWithTheFormsTheirSignatureCovers() throws Exception {
		String id = create(familyMovingIn());
		JsonNode needed = json
			.readTree(mvc.perform(get("/api/v1/notifications/" + id + "/signature/needed").with(CLERK))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
		List<String> names = new ArrayList<>();
		needed.forEach(n -> names.add(n.get("name").asString()));
		// the father files and applies for his seal; the mother applies for hers: two
		// signatures
		assertThat(names).containsExactly("辻\uDB40\uDD02 太郎", "辻\uDB40\uDD02 花子");
		List<String> fatherForms = new ArrayList<>();
		needed.get(0).get("forms").forEach(f -> fatherForms.add(f.asString()));
		assertThat(fatherForms).contains("住民異動届", "印鑑登録申請書", "児童手当 認定請求書");
		List<String> motherForms = new ArrayList<>();
		needed.get(1).get("forms").forEach(f -> motherForms.add(f.asString()));
		assertThat(motherForms).containsExactly("印鑑登録申請書");
	}

	@Test
	void eachApplicantSignsForThemselvesAndTheirOwnSealSheetShowsIt() throws Exception {
		String id = create(familyMovingIn());
		String hash = json
			.readTree(mvc.perform(get("/api/v1/notifications/" + id + "/signature").with(CLERK))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8))
			.get("contentHash")
			.asString();
		byte[] before = sealSheets(id);
		String mother = "辻\uDB40\uDD02 花子";
		mvc.perform(post("/api/v1/notifications/" + id + "/signature").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(java.util.Map.of("contentHash", hash, "strokes",
					List.of(List.of(new double[] { 0.1, 0.5, 0.5 }, new double[] { 0.9, 0.4, 0.6 })), "signer",
					mother))))
			.andExpect(status().isCreated());
		JsonNode needed = json
			.readTree(mvc.perform(get("/api/v1/notifications/" + id + "/signature/needed").with(CLERK))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
		assertThat(needed.get(0).get("signed").asBoolean()).as("the father has not signed").isFalse();
		assertThat(needed.get(1).get("name").asString()).isEqualTo(mother);
		assertThat(needed.get(1).get("signed").asBoolean()).isTrue();
		byte[] after = sealSheets(id);
		// one sheet per applicant: the father's stays unsigned, the mother's shows her
		// strokes
		assertThat(differing(page(before, 0), page(after, 0))).isZero();
		assertThat(differing(page(before, 1), page(after, 1))).isPositive();
		// nobody signs where no form asks for their signature
		mvc.perform(post("/api/v1/notifications/" + id + "/signature").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(java.util.Map.of("contentHash", hash, "strokes",
					List.of(List.of(new double[] { 0.1, 0.5, 0.5 }, new double[] { 0.9, 0.4, 0.6 })), "signer",
					"知らない人"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("SIGNATURE_INVALID"));
	}

	byte[] sealSheets(String id) throws Exception {
		return mvc.perform(get("/api/v1/notifications/" + id + "/forms/seal-registration.pdf").with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	static int differing(java.awt.image.BufferedImage a, java.awt.image.BufferedImage b) {
		return FormRendererTests.differingPixels(a, b, new int[] { 0, 0, a.getWidth(), a.getHeight() });
	}

	static java.awt.image.BufferedImage page(byte[] pdf, int index) throws java.io.IOException {
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(index, 48);
		}
	}

	@Test
	void anUnknownFormIsNotFoundAndAStrangerMayNotReadForms() throws Exception {
		String id = create(familyMovingIn());
		mvc.perform(get("/api/v1/notifications/" + id + "/forms/no-such-form.pdf").with(CLERK))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("FORM_NOT_FOUND"));
		mvc.perform(get("/api/v1/notifications/" + id + "/forms").with(STRANGER))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("FORBIDDEN"));
		mvc.perform(get("/api/v1/notifications/00000000-0000-4000-8000-00000000abcd/forms").with(CLERK))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("NOTIFICATION_NOT_FOUND"));
	}

	@Test
	void aNameTheFontCannotPrintAnswersUnprintableCharacterListingIt() throws Exception {
		String id = create(familyMovingIn().replace("\"givenName\":\"花子\"", "\"givenName\":\"花\uDB40\uDDEF\""));
		JsonNode problem = json.readTree(mvc
			.perform(get("/api/v1/notifications/" + id + "/forms/moving-notification.pdf").with(CLERK)
				.accept(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.get("code").asString()).isEqualTo("UNPRINTABLE_CHARACTER");
		assertThat(problem.get("characters").get(0).get("sequence").asString()).isEqualTo("花\uDB40\uDDEF");
		assertThat(problem.get("characters").get(0).get("field").asString()).isEqualTo("氏名（2行目）");
	}

}
