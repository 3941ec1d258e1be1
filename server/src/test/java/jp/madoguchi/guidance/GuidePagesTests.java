package jp.madoguchi.guidance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jp.madoguchi.guidance.domain.SampleHouseholds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The staff panel, its page and the printable guide sheet. */
@SpringBootTest
class GuidePagesTests {

	static final RequestPostProcessor CLERK = user("clerk-guide-pages").authorities(() -> "NOTIFICATION_EDIT");

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	MockMvc mvc;

	String id;

	@BeforeEach
	void setUp() throws Exception {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		String created = mvc
			.perform(post("/api/v1/notifications").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(SampleHouseholds.familyMovingIn(LocalDate.of(2026, 11, 20)))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		id = json.readTree(created).get("id").asString();
	}

	@Test
	void htmxGetsThePanelAloneInRouteOrderWithReasons() throws Exception {
		Document panel = page(
				mvc.perform(get("/guidance/notifications/" + id).with(CLERK).header("HX-Request", "true")));
		assertThat(panel.select("h1")).isEmpty();
		assertThat(panel.select("#guide-panel").attr("hx-get")).isEqualTo("/guidance/notifications/" + id);
		assertThat(panel.select(".guide-item").eachAttr("id")).startsWith("procedure-MY_NUMBER_CARD_ADDRESS")
			.hasSize(10)
			.endsWith("procedure-WATER_SERVICE");
		assertThat(panel.select("#procedure-SCHOOL_TRANSFER .guide-item__reasons li").text())
			.isEqualTo("子 花子さん（9歳）が義務教育年齢のため");
		assertThat(panel.select("#procedure-SCHOOL_TRANSFER .guide-item__counter").text()).isEqualTo("本庁舎 5階 学校教育課窓口");
	}

	@Test
	void thePageAndThePrintableSheet() throws Exception {
		Document page = page(mvc.perform(get("/guidance/notifications/" + id).with(CLERK)));
		assertThat(page.select("h1").text()).isEqualTo("手続き案内");
		assertThat(page.select("a[href$=/sheet]")).isNotEmpty();

		Document sheet = page(mvc.perform(get("/guidance/notifications/" + id + "/sheet").with(CLERK)));
		assertThat(sheet.select("h1").text()).isEqualTo("手続き案内票");
		assertThat(sheet.select(".guide-sheet__table tbody tr")).hasSize(10);
		assertThat(sheet.select(".guide-sheet__table tbody tr").first().text()).contains("マイナンバーカードの住所変更",
				"防災庁舎 1階 3番窓口");
		// a procedure without a form says why, on the sheet and on the staff page
		assertThat(sheet.select(".guide-sheet__no-form").eachText()).contains("申請書なし: ごみカレンダーと冊子をお渡しする案内で、届出はありません。",
				"申請書なし: 上下水道部のお客さまセンターが電話または窓口で受け付けるため、市役所の申請書はありません。");
		assertThat(page.select("#procedure-GARBAGE_GUIDE").text()).contains("申請書なし: ごみカレンダーと冊子をお渡しする案内");
		assertThat(sheet.select("button[data-print].no-print, .no-print button[data-print]")).isNotEmpty();
		assertThat(sheet.select("[style]")).isEmpty();
	}

	@Test
	void othersMayNotSeeIt() throws Exception {
		mvc.perform(
				get("/guidance/notifications/" + id).with(user("auditor-guide-pages").authorities(() -> "AUDIT_VIEW")))
			.andExpect(status().isForbidden());
	}

	@Test
	void administratorsTryAndSaveRulesThatCompile() throws Exception {
		RequestPostProcessor admin = user("admin-guide-pages").authorities(() -> "MASTER_ADMIN");
		Document list = page(mvc.perform(get("/guidance/admin").with(admin)));
		assertThat(list.select("a[href=/guidance/admin/NHI_JOIN]")).isNotEmpty();
		Document edit = page(mvc.perform(get("/guidance/admin/SCHOOL_TRANSFER").with(admin)));
		assertThat(edit.select("textarea#source").text()).contains("schoolAge");

		Document preview = page(mvc.perform(post("/guidance/admin/SCHOOL_TRANSFER").with(admin)
			.with(csrf())
			.param("effectiveFrom", "2026-11-20")
			.param("source", "on MOVE_IN\neach person where schoolGrade >= 3 reason \"{person}: 3年生以上\"")
			.param("sample", "family")
			.param("_action", "preview")));
		assertThat(preview.select("#preview li").text()).isEqualTo("子 花子さん（9歳）: 3年生以上");

		Document refused = page(mvc.perform(post("/guidance/admin/SCHOOL_TRANSFER").with(admin)
			.with(csrf())
			.param("effectiveFrom", "2099-04-01")
			.param("source", "on MOVE_IN\neach person where grade >= 3 reason \"x\"")
			.param("sample", "family")
			.param("_action", "save")));
		assertThat(refused.select(".error-summary").text()).contains("2行目 19文字目", "「grade」という事実はありません");

		mvc.perform(get("/guidance/admin").with(CLERK)).andExpect(status().isForbidden());
	}

	private static Document page(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return Jsoup.parse(
				result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
