package jp.madoguchi.guidance;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Administrators edit what a procedure says, from the screen and the API, audited. */
@SpringBootTest
class ProcedureMasterTests {

	static final RequestPostProcessor MASTER = user("master-procedures").authorities(() -> "MASTER_ADMIN");

	static final RequestPostProcessor CLERK = user("clerk-procedures").authorities(() -> "NOTIFICATION_EDIT");

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	String code;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		code = "TEST_MASTER_" + Long.toHexString(System.nanoTime()).toUpperCase();
		jdbc.sql(
				"""
						insert into guidance.procedures (code, name, name_en, plain_name, department, building, floor,
						counter_window, explanation, route_order) values (?, '旧名', 'Old', 'ふるい', '旧課', '本庁舎', '1階', '1番', '', 500)""")
			.param(code)
			.update();
	}

	@AfterEach
	void cleanUp() {
		jdbc.sql("delete from guidance.procedures where code = ?").param(code).update();
		jdbc.sql("update guidance.revision set revision = revision + 1").update();
	}

	@Test
	void theScreenSavesTheCounterAndDocumentsOnePerLine() throws Exception {
		mvc.perform(post("/guidance/admin/" + code + "/procedure").with(MASTER)
			.with(csrf())
			.param("name", "犬の登録（住所変更）")
			.param("nameEn", "Dog registration")
			.param("plainName", "いぬの とうろく")
			.param("department", "生活環境課")
			.param("building", "防災庁舎")
			.param("floor", "2階")
			.param("window", "5番窓口")
			.param("documents", "犬の鑑札\r\n\r\n狂犬病予防注射済票\n")
			.param("forms", "")
			.param("explanation", "犬の登録の住所を変えます。")
			.param("routeOrder", "120"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("procedureSaved", true));
		mvc.perform(get("/api/v1/guidance/procedures").with(CLERK))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].window").value("5番窓口"))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].building").value("防災庁舎"))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].documents[1]").value("狂犬病予防注射済票"));
		assertThat(
				jdbc.sql("select count(*) from audit.events where action = 'GUIDANCE_PROCEDURE_SAVED' and subject = ?")
					.param("procedure:" + code)
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void aBlankNameIsRefusedAndNothingChanges() throws Exception {
		mvc.perform(put("/api/v1/guidance/procedures/" + code).with(MASTER)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":" ","nameEn":"x","plainName":"x","department":"x","building":"x","floor":"","window":"",
					 "explanation":"","routeOrder":1}""".getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
		assertThat(jdbc.sql("select name from guidance.procedures where code = ?")
			.param(code)
			.query(String.class)
			.single()).isEqualTo("旧名");
	}

	@Test
	void aCsvFileChangesTheListedProceduresOrNoneAndNamesTheLineItRefuses() throws Exception {
		String header = "手続コード,名称,英語名称,やさしい名称,担当課,庁舎,階,窓口,必要書類,様式,説明,案内順,様式なしの理由\r\n";
		String good = code + ",犬の登録事項の変更,Dog registration,いぬの とうろく,環境保全課,本庁舎,1階,12番窓口,"
				+ "犬の鑑札|狂犬病予防注射済票,,\"鑑札を持参してください。\n新しい鑑札と交換します。\",32,窓口で届け出ます\r\n";
		mvc.perform(post("/api/v1/guidance/procedures/import").with(MASTER)
			.with(csrf())
			.contentType("text/csv")
			.content((header + good + "UNKNOWN_PROCEDURE_X,名,N,な,課,庁舎,1階,1番,,,,1,\r\n")
				.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("CSV_INVALID"))
			.andExpect(jsonPath("$.line").value(4))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("4 行目: ")));
		assertThat(jdbc.sql("select name from guidance.procedures where code = ?")
			.param(code)
			.query(String.class)
			.single()).as("all or none").isEqualTo("旧名");
		mvc.perform(post("/api/v1/guidance/procedures/import").with(MASTER)
			.with(csrf())
			.contentType("text/csv")
			.content(("\uFEFF" + header + good).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].window").value("12番窓口"))
			.andExpect(jsonPath("$[0].documents[1]").value("狂犬病予防注射済票"))
			.andExpect(jsonPath("$[0].explanation").value("鑑札を持参してください。\n新しい鑑札と交換します。"));
		mvc.perform(post("/api/v1/guidance/procedures/import").with(CLERK)
			.with(csrf())
			.contentType("text/csv")
			.content(header.getBytes(StandardCharsets.UTF_8))).andExpect(status().isForbidden());
	}

	@Test
	void onlyMasterAdministratorsMayEdit() throws Exception {
		mvc.perform(put("/api/v1/guidance/procedures/" + code).with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());
	}

}
