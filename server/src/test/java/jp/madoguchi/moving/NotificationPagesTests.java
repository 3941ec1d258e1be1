package jp.madoguchi.moving;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
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

/** The staff screens: create, live findings, add a person, accept, search. */
@SpringBootTest
class NotificationPagesTests {

	static final RequestPostProcessor CLERK = user("clerk-pages").authorities(() -> "NOTIFICATION_EDIT",
			() -> "NOTIFICATION_ACCEPT");

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void staffCreateANotificationFromTheFormWithWarekiDatesAndAcceptIt() throws Exception {
		String moved = LocalDate.now().minusDays(3).toString();
		MvcResult created = mvc
			.perform(post("/notifications/new").with(CLERK)
				.with(csrf())
				.param("type", "MOVE_IN")
				.param("variant", "DOMESTIC")
				.param("movedOn", moved)
				.param("newAddress.prefecture", "北海道")
				.param("newAddress.city", "釧路市")
				.param("newAddress.town", "黒金町")
				.param("newAddress.block", "7丁目5番地")
				.param("previousAddress.prefecture", "北海道")
				.param("previousAddress.city", "札幌市中央区")
				.param("persons[0].familyName", "辻\uDB40\uDD02")
				.param("persons[0].givenName", "太郎")
				.param("persons[0].familyNameKana", "ツジ")
				.param("persons[0].givenNameKana", "タロウ")
				.param("persons[0].birthDate", "1980-04-01")
				.param("persons[0].sex", "MALE")
				.param("persons[0].relationship", "世帯主")
				.param("persons[0].registeredDomicile", "北海道釧路市黒金町７丁目５番地")
				.param("persons[0].familyRegisterHead", "辻\uDB40\uDD02 一郎")
				.param("filerKind", "SELF")
				.param("identityDocuments", "MY_NUMBER_CARD"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/notifications/");

		Document page = page(mvc.perform(get(location).with(CLERK)).andExpect(status().isOk()).andReturn());
		assertThat(page.select("input[name='persons[0].familyName']").attr("value")).isEqualTo("辻\uDB40\uDD02");
		// 本籍 and 筆頭者 survive the counter form (they were dropped on save before)
		assertThat(page.select("input[name='persons[0].registeredDomicile']").attr("value"))
			.isEqualTo("北海道釧路市黒金町７丁目５番地");
		assertThat(page.select("input[name='persons[0].familyRegisterHead']").attr("value"))
			.isEqualTo("辻\uDB40\uDD02 一郎");
		assertThat(page.select("#findings [data-code]")).isEmpty();
		assertThat(page.select("form[action$='/accept']")).hasSize(1);
		// No card agent configured: no card button, and the page may fetch from its own
		// origin only.
		assertThat(page.select("[data-card-read], dialog#card-dialog")).isEmpty();
		// The procedure guide panel sits next to the notification and loads itself.
		assertThat(page.select("[hx-get*='/guidance/notifications/']")).isNotEmpty();
		// Staff reach the notification's forms and the pen tablet signature from here.
		String id = location.substring("/notifications/".length());
		assertThat(page.select("a#notification-forms-link").attr("href")).isEqualTo("/forms/notifications/" + id);
		assertThat(page.select("a#notification-sign-link").attr("href"))
			.isEqualTo("/forms/notifications/" + id + "/sign");
		// Accepting only: the forms, but not the signature (which needs
		// NOTIFICATION_EDIT).
		Document acceptOnly = page(
				mvc.perform(get(location).with(user("accept-only").authorities(() -> "NOTIFICATION_ACCEPT")))
					.andExpect(status().isOk())
					.andReturn());
		assertThat(acceptOnly.select("a#notification-forms-link")).hasSize(1);
		assertThat(acceptOnly.select("a#notification-sign-link")).isEmpty();

		mvc.perform(post(location + "/accept").with(CLERK).with(csrf())).andExpect(status().is3xxRedirection());
		Document accepted = page(mvc.perform(get(location).with(CLERK)).andReturn());
		assertThat(accepted.select("h1 .tag").text()).isEqualTo("受理済み");
		assertThat(accepted.select("fieldset.notification-form__body").hasAttr("disabled")).isTrue();
	}

	@Test
	void theFindingsPanelFollowsTheFormWithoutSaving() throws Exception {
		Document panel = page(mvc
			.perform(post("/notifications/findings").with(CLERK)
				.with(csrf())
				.param("type", "MOVE_IN")
				.param("variant", "DOMESTIC")
				.param("movedOn", LocalDate.now().plusDays(2).toString())
				.param("persons[0].familyName", "辻")
				.param("persons[0].relationship", "長男")
				.param("filerKind", "AGENT"))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(panel.select("[data-code]").eachAttr("data-code")).as(panel.html())
			.contains("MOVE_NOT_YET_HAPPENED", "UNKNOWN_RELATIONSHIP", "POWER_OF_ATTORNEY_REQUIRED",
					"HEAD_OF_HOUSEHOLD_MISSING");
	}

	@Test
	void theFormSaysWhichHouseholdAndAChangeNamesTheHouseholdLeft() throws Exception {
		Document newHousehold = page(mvc
			.perform(post("/notifications/findings").with(CLERK)
				.with(csrf())
				.param("type", "MOVE_IN")
				.param("variant", "DOMESTIC")
				.param("newHousehold", "true")
				.param("persons[0].familyName", "辻")
				.param("persons[0].relationship", "妻"))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(newHousehold.select("[data-code]").eachAttr("data-code")).as(newHousehold.html())
			.contains("HOUSEHOLD_NEW_HEAD_MISSING")
			.doesNotContain("HEAD_OF_HOUSEHOLD_MISSING");
		Document separation = page(mvc
			.perform(post("/notifications/findings").with(CLERK)
				.with(csrf())
				.param("type", "HOUSEHOLD_CHANGE")
				.param("variant", "SEPARATION")
				.param("persons[0].familyName", "辻")
				.param("persons[0].relationship", "世帯主"))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(separation.select("[data-code]").eachAttr("data-code")).contains("HOUSEHOLD_PREVIOUS_HEAD_MISSING");
		Document form = page(mvc.perform(get("/notifications/new").param("type", "HOUSEHOLD_CHANGE").with(CLERK))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(form.select("select[name=newHousehold] option").eachAttr("value")).contains("true", "false");
		assertThat(form.select("input[name=previousHeadName]")).hasSize(1);
	}

	@Test
	void addingAPersonKeepsWhatWasTypedAndAnUnreadableDateIsShownBack() throws Exception {
		Document page = page(mvc
			.perform(post("/notifications/new").with(CLERK)
				.with(csrf())
				.param("type", "MOVE_IN")
				.param("variant", "DOMESTIC")
				.param("movedOn", "2026-13-45")
				.param("persons[0].familyName", "髙橋")
				.param("_action", "addPerson"))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(page.select("input[name='persons[0].familyName']").attr("value")).isEqualTo("髙橋");
		assertThat(page.select("input[name='persons[1].familyName']")).hasSize(1);
		assertThat(page.select("input[name='movedOn']").attr("value")).isEqualTo("2026-13-45");
		assertThat(page.select(".error-summary a[href='#movedOn']")).hasSize(1);
		assertThat(page.select("input[name='movedOn']").attr("aria-invalid")).isEqualTo("true");
	}

	@Test
	void theSearchPageRenders() throws Exception {
		Document page = page(mvc.perform(post("/notifications/search").param("name", "どなたも").with(CLERK).with(csrf()))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(page.select("h1").text()).isEqualTo("異動届の検索");
		assertThat(page.text()).contains("該当する届出はありません。");
	}

	private static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
