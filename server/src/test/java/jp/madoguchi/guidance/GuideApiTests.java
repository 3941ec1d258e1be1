package jp.madoguchi.guidance;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.guidance.domain.ProcedureGuideService;
import jp.madoguchi.guidance.domain.RuleBundle;
import jp.madoguchi.guidance.domain.SampleHouseholds;
import jp.madoguchi.moving.NotificationContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The guide API through the real security chain, the seeded master and the moving module.
 */
@SpringBootTest
class GuideApiTests {

	static final RequestPostProcessor CLERK = user("clerk-guidance").authorities(() -> "NOTIFICATION_EDIT");

	static final RequestPostProcessor RECEPTIONIST = user("reception-guidance").authorities(() -> "RECEPTION");

	static final RequestPostProcessor ADMIN = user("admin-guidance").authorities(() -> "MASTER_ADMIN");

	static final RequestPostProcessor AUDITOR = user("auditor-guidance").authorities(() -> "AUDIT_VIEW");

	static final LocalDate MOVED = LocalDate.of(2026, 11, 20);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProcedureGuideService engine;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void aNotificationBodyIsEvaluatedWithoutBeingSaved() throws Exception {
		long before = jdbc.sql("select count(*) from moving.notifications").query(Long.class).single();
		JsonNode guide = evaluate(json.writeValueAsString(SampleHouseholds.familyMovingIn(MOVED)), RECEPTIONIST);
		assertThat(codes(guide)).containsExactly("MY_NUMBER_CARD_ADDRESS", "MY_NUMBER_CARD_CONTINUED_USE",
				"SEAL_REGISTRATION", "GARBAGE_GUIDE", "NHI_JOIN", "CHILD_ALLOWANCE_CLAIM", "CHILD_MEDICAL_SUBSIDY",
				"INFANT_HEALTH", "SCHOOL_TRANSFER", "WATER_SERVICE");
		JsonNode school = procedure(guide, "SCHOOL_TRANSFER");
		assertThat(school.get("reasons").get(0).asString()).isEqualTo("子 花子さん（9歳）が義務教育年齢のため");
		assertThat(school.get("name").asString()).isEqualTo("転入学・転校の手続き");
		assertThat(school.get("department").asString()).isNotBlank();
		assertThat(school.get("counter").asString()).isEqualTo("本庁舎 5階 学校教育課窓口");
		assertThat(school.get("documents")).isNotEmpty();
		assertThat(school.get("forms").get(0).asString()).isEqualTo("school-transfer-notice");
		assertThat(guide.get("referenceDate").asString()).isEqualTo("2026-11-20");
		assertThat(guide.get("skippedRules")).isEmpty();
		assertThat(jdbc.sql("select count(*) from moving.notifications").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aStoredNotificationIsReadThroughTheMovingModule() throws Exception {
		NotificationContent content = SampleHouseholds.elderlyMovingOut(LocalDate.now().minusDays(1));
		String created = mvc
			.perform(post("/api/v1/notifications").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(content)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String id = json.readTree(created).get("id").asString();

		JsonNode guide = evaluate("{\"notificationId\":\"" + id + "\"}", CLERK);
		assertThat(codes(guide)).containsExactly("SEAL_REGISTRATION_VOID", "LATE_ELDERLY_LEAVE", "CARE_INSURANCE_LEAVE",
				"WATER_SERVICE");
		assertThat(procedure(guide, "LATE_ELDERLY_LEAVE").get("reasons").get(0).asString())
			.isEqualTo("世帯主 トメさん（76歳）が後期高齢者医療の被保険者（75歳以上など）のため");
	}

	@Test
	void unknownNotificationsAndBadInputAreProblemsNotErrors() throws Exception {
		mvc.perform(post("/api/v1/guidance/evaluate").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"notificationId\":\"" + UUID.randomUUID() + "\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("NOTIFICATION_NOT_FOUND"));
		mvc.perform(post("/api/v1/guidance/evaluate").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"notificationId\":\"not-a-uuid\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
		mvc.perform(post("/api/v1/guidance/evaluate").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"MOVE_IN\",\"variant\":\"DOMESTIC\",\"persons\":[{\"sex\":\"ROBOT\"}]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.field").value("persons[0].sex"));
		mvc.perform(post("/api/v1/guidance/evaluate").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"variant\":\"DOMESTIC\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("type"));
	}

	@Test
	void onlyCounterStaffMayAsk() throws Exception {
		String body = json.writeValueAsString(SampleHouseholds.familyMovingIn(MOVED));
		mvc.perform(
				post("/api/v1/guidance/evaluate").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/guidance/evaluate").with(AUDITOR)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/guidance/procedures/GARBAGE_GUIDE/rules").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"effectiveFrom\":\"2030-01-01\",\"source\":\"on MOVE_IN household reason \\\"x\\\"\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aBadRuleIsRefusedAtSaveWithLineAndReason() throws Exception {
		long revision = engine.bundle().procedures().size();
		mvc.perform(
				put("/api/v1/guidance/procedures/GARBAGE_GUIDE/rules").with(ADMIN)
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content(json
						.writeValueAsString(new Rule("2030-01-01", "on MOVE_IN\nhousehold where dogs\n reason \"x\""))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("RULE_INVALID"))
			.andExpect(jsonPath("$.line").value(2))
			.andExpect(jsonPath("$.column").value(17))
			.andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("「dogs」という事実はありません")));
		mvc.perform(put("/api/v1/guidance/procedures/NO_SUCH_PROCEDURE/rules").with(ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(new Rule("2030-01-01", "on MOVE_IN household reason \"x\""))))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/guidance/rules/validate").with(ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(new Rule(null, "on MOVE_IN\neach person where age > 3 reason \"x\""))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true));
		assertThat(jdbc.sql("select count(*) from guidance.rules where effective_from = '2030-01-01'")
			.query(Long.class)
			.single()).isZero();
		assertThat(engine.bundle().procedures()).hasSize((int) revision);
	}

	@Test
	void aBadStoredRuleIsSkippedVisiblyAndTheOthersStillApply() throws Exception {
		String code = "TEST_BROKEN_" + Long.toHexString(System.nanoTime()).toUpperCase();
		jdbc.sql(
				"""
						insert into guidance.procedures (code, name, name_en, plain_name, department, building, floor,
						counter_window, explanation, route_order) values (?, 'テスト', 'Test', 'テスト', 'テスト課', '本庁舎', '9階', '1番', '', 999)""")
			.param(code)
			.update();
		jdbc.sql("insert into guidance.rules (procedure_code, effective_from, source) values (?, '2000-01-01', ?)")
			.params(code, "on MOVE_IN\neach person where shoeSize > 20\n reason \"x\"")
			.update();
		jdbc.sql("update guidance.revision set revision = revision + 1").update();
		try {
			JsonNode guide = evaluate(json.writeValueAsString(SampleHouseholds.familyMovingIn(MOVED)), CLERK);
			assertThat(codes(guide)).hasSize(10).contains("NHI_JOIN").doesNotContain(code);
			JsonNode skipped = guide.get("skippedRules");
			assertThat(skipped).hasSize(1);
			assertThat(skipped.get(0).get("procedureCode").asString()).isEqualTo(code);
			assertThat(skipped.get(0).get("line").asInt()).isEqualTo(2);
			assertThat(skipped.get(0).get("reason").asString()).contains("shoeSize");
		}
		finally {
			jdbc.sql("delete from guidance.rules where procedure_code = ?").param(code).update();
			jdbc.sql("delete from guidance.procedures where code = ?").param(code).update();
			jdbc.sql("update guidance.revision set revision = revision + 1").update();
		}
	}

	@Test
	void aNewRuleVersionTakesOverOnItsDateAndEndsThePreviousOne() throws Exception {
		String code = "TEST_VERSIONED_" + Long.toHexString(System.nanoTime()).toUpperCase();
		jdbc.sql(
				"""
						insert into guidance.procedures (code, name, name_en, plain_name, department, building, floor,
						counter_window, explanation, route_order) values (?, 'テスト', 'Test', 'テスト', 'テスト課', '本庁舎', '9階', '1番', '', 999)""")
			.param(code)
			.update();
		try {
			saveRule(code, "2040-01-01", "on MOVE_IN(SPECIAL)\nhousehold reason \"old\"");
			saveRule(code, "2040-04-01", "on MOVE_IN(SPECIAL)\nhousehold reason \"new\"");
			List<String> ends = jdbc.sql(
					"select coalesce(effective_to::text, '-') from guidance.rules where procedure_code = ? order by effective_from")
				.param(code)
				.query(String.class)
				.list();
			assertThat(ends).containsExactly("2040-03-31", "-");
			assertThat(
					jdbc.sql("select count(*) from audit.events where action = 'GUIDANCE_RULE_SAVED' and subject = ?")
						.param("procedure:" + code)
						.query(Long.class)
						.single())
				.as("each rule change is audited")
				.isEqualTo(2);
			NotificationContent special = withVariant(SampleHouseholds.familyMovingIn(LocalDate.of(2040, 3, 31)));
			assertThat(
					procedure(evaluate(json.writeValueAsString(special), CLERK), code).get("reasons").get(0).asString())
				.isEqualTo("old");
			special = withVariant(SampleHouseholds.familyMovingIn(LocalDate.of(2040, 4, 1)));
			assertThat(
					procedure(evaluate(json.writeValueAsString(special), CLERK), code).get("reasons").get(0).asString())
				.isEqualTo("new");
		}
		finally {
			jdbc.sql("delete from guidance.rules where procedure_code = ?").param(code).update();
			jdbc.sql("delete from guidance.procedures where code = ?").param(code).update();
			jdbc.sql("update guidance.revision set revision = revision + 1").update();
		}
	}

	@Test
	void theBundleCarriesEveryProcedureOfTheContractWithItsRules() throws Exception {
		JsonNode bundle = json.readTree(mvc.perform(get("/api/v1/guidance/bundle").with(RECEPTIONIST))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(bundle.get("format").asInt()).isEqualTo(RuleBundle.FORMAT).isEqualTo(2);
		assertThat(bundle.get("version").asString()).matches("r\\d+-[0-9a-f]{12}");
		assertThat(bundle.get("effectiveDates").toString()).contains("2024-10-01");
		List<String> codes = bundle.get("procedures").valueStream().map((p) -> p.get("code").asString()).toList();
		assertThat(codes).contains("MY_NUMBER_CARD_ADDRESS", "MY_NUMBER_CARD_CONTINUED_USE", "NHI_JOIN", "NHI_LEAVE",
				"NHI_ADDRESS", "LATE_ELDERLY_JOIN", "LATE_ELDERLY_LEAVE", "LATE_ELDERLY_ADDRESS", "CARE_INSURANCE_JOIN",
				"CARE_INSURANCE_LEAVE", "NATIONAL_PENSION_JOIN", "CHILD_ALLOWANCE_CLAIM", "CHILD_ALLOWANCE_END",
				"CHILD_ALLOWANCE_ADDRESS", "CHILD_MEDICAL_SUBSIDY", "SINGLE_PARENT_SUPPORT", "SCHOOL_TRANSFER",
				"NURSERY_TRANSFER", "INFANT_HEALTH", "MATERNAL_HEALTH", "DISABILITY_CERTIFICATE_ADDRESS",
				"SEAL_REGISTRATION", "SEAL_REGISTRATION_VOID", "DOG_REGISTRATION", "MOPED_PLATE", "WATER_SERVICE",
				"GARBAGE_GUIDE", "PUBLIC_ASSISTANCE_CONTACT", "RESIDENCE_CARD_ENDORSEMENT", "STAY_PERIOD_RENEWAL");
		bundle.get("procedures")
			.valueStream()
			.forEach((p) -> assertThat(p.get("rules")).as("rules of %s", p.get("code")).isNotEmpty());
	}

	/**
	 * The bundle shipped for the public role is the seed master. After changing the seed,
	 * run this test with {@code -Dguidance.writeBundle=true} to write it again.
	 */
	@Test
	void theShippedBundleIsTheSeededMaster() throws Exception {
		RuleBundle exported = engine.bundle();
		List<RuleBundle.BundleProcedure> seeded = exported.procedures()
			.stream()
			.filter((p) -> !p.code().startsWith("TEST_"))
			.toList();
		if (Boolean.getBoolean("guidance.writeBundle")) {
			Path file = Path.of("src/main/resources/guidance/default-bundle.json");
			Files.createDirectories(file.getParent());
			RuleBundle clean = new RuleBundle(exported.format(), exported.version(), exported.generatedAt(),
					exported.effectiveDates(), seeded);
			Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(clean) + "\n");
		}
		RuleBundle shipped;
		try (InputStream in = new ClassPathResource("guidance/default-bundle.json").getInputStream()) {
			shipped = json.readValue(in, RuleBundle.class);
		}
		assertThat(shipped.procedures()).isEqualTo(seeded);
	}

	private void saveRule(String code, String from, String source) throws Exception {
		mvc.perform(put("/api/v1/guidance/procedures/" + code + "/rules").with(ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(new Rule(from, source)))).andExpect(status().isOk());
	}

	private static NotificationContent withVariant(NotificationContent c) {
		return new NotificationContent(c.type(), jp.madoguchi.moving.NotificationType.Variant.SPECIAL, c.movedOn(),
				c.filedOn(), c.movedOn(), c.newAddress(), c.previousAddress(), c.household(), c.persons(), c.filer(),
				c.identityDocuments());
	}

	private JsonNode evaluate(String body, RequestPostProcessor caller) throws Exception {
		return json.readTree(mvc
			.perform(post("/api/v1/guidance/evaluate").with(caller)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	static List<String> codes(JsonNode guide) {
		return guide.get("procedures").valueStream().map((p) -> p.get("code").asString()).toList();
	}

	static JsonNode procedure(JsonNode guide, String code) {
		return guide.get("procedures")
			.valueStream()
			.filter((p) -> p.get("code").asString().equals(code))
			.findFirst()
			.orElseThrow(() -> new AssertionError(code + " not in " + codes(guide)));
	}

	record Rule(String effectiveFrom, String source) {
	}

}
