package jp.madoguchi.platform.web;

import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class HomePageTests extends PageTestSupport {

	@Test
	void userAdministratorsSeeTheAdministrationTiles() throws Exception {
		Document page = page(get("/").with(staff("USER_ADMIN")));

		assertThat(page.title()).isEqualTo("ホーム | 窓口");
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ja");
		assertThat(page.select("main .card__title a").eachAttr("href")).containsExactly("/admin/users", "/admin/groups",
				"/admin/api-tokens", "/account");
		assertThat(page.select("main .card__title").eachText()).containsExactly("職員の管理", "グループと権限", "APIトークン",
				"アカウント設定");
		assertThat(page.select("main").text()).doesNotContain("現在、あなたの権限で使える管理画面はありません");
	}

	@Test
	void auditorsSeeTheAuditTilesOnly() throws Exception {
		Document page = page(get("/").with(staff("AUDIT_VIEW")));

		assertThat(page.select("main .card__title a").eachAttr("href")).containsExactly("/audit", "/audit/reports/pia",
				"/account");
		assertThat(page.select(".site-nav a").eachAttr("href")).containsExactly("/", "/audit");
	}

	@Test
	void counterStaffSeeTheNotifications() throws Exception {
		Document page = page(get("/").with(staff("RECEPTION", "PRINT")));

		assertThat(page.select("main .card__title a").eachAttr("href")).containsExactly("/notifications", "/reception",
				"/account");
		assertThat(page.select(".site-nav a").eachAttr("href")).containsExactly("/", "/notifications", "/reception");
	}

	@Test
	void staffWithoutAdministrationPermissionsAreToldSo() throws Exception {
		Document page = page(get("/").with(staff("PRINT")));

		assertThat(page.select("main .card__title a").eachAttr("href")).containsExactly("/account");
		assertThat(page.select("main p.text-sub").text()).isEqualTo("現在、あなたの権限で使える管理画面はありません。");
	}

	@Test
	void layoutHasSkipLinkMenuAndUserMenu() throws Exception {
		Document page = page(get("/").with(staff("USER_ADMIN", "AUDIT_VIEW")));

		Element skip = page.selectFirst("body > a.skip-link");
		assertThat(skip.attr("href")).isEqualTo("#main");
		assertThat(page.body().child(0)).isEqualTo(skip);
		assertThat(page.select("main#main.site-main")).hasSize(1);
		assertThat(page.selectFirst("nav.site-nav").attr("aria-label")).isEqualTo("メインメニュー");
		assertThat(page.select(".site-nav a[aria-current=page]").eachAttr("href")).containsExactly("/");
		assertThat(page.selectFirst(".site-header__user-name").text()).isEqualTo("tanaka");
		Element logout = page.selectFirst(".site-header__user form");
		assertThat(logout.attr("action")).isEqualTo("/logout");
		assertThat(logout.select("input[name=_csrf]")).hasSize(1);
		assertThat(page.select("meta[name=_csrf]").attr("content")).isNotBlank();
		assertThat(page.select("meta[name=htmx-config]")).hasSize(1);
		assertThat(page.select("link[rel=stylesheet]").attr("href")).isEqualTo("/css/madoguchi.css");
		assertThat(page.select("[style], style")).as("the CSP allows no inline styles").isEmpty();
		assertThat(page.select("script:not([src])")).as("the CSP allows no inline scripts").isEmpty();
	}

	@Test
	void englishFollowsTheBrowser() throws Exception {
		Document page = page(get("/").header("Accept-Language", "en-US,en;q=0.9").with(staff("USER_ADMIN")));

		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(page.title()).isEqualTo("Home | Madoguchi");
		assertThat(page.selectFirst("main h1").text()).isEqualTo("Tasks");
		assertThat(page.selectFirst(".language-switch").attr("href")).isEqualTo("/?lang=ja");
	}

	@Test
	void unsupportedBrowserLanguagesGetJapanese() throws Exception {
		Document page = page(get("/").header("Accept-Language", "fr-FR").with(staff()));

		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ja");
	}

	@Test
	void theLanguageSwitchIsRemembered() throws Exception {
		MvcResult switched = perform(get("/").param("lang", "en").with(staff()));
		Cookie cookie = switched.getResponse().getCookie(LocaleConfiguration.COOKIE);
		assertThat(cookie).isNotNull();
		assertThat(cookie.getValue()).isEqualTo("en");
		assertThat(cookie.isHttpOnly()).isTrue();

		Document page = page(get("/").cookie(cookie).header("Accept-Language", "ja").with(staff()));
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(page.selectFirst(".language-switch").text()).isEqualTo("日本語");
	}

	@Test
	void servesTheStylesheetAndScript() throws Exception {
		MvcResult css = perform(get("/css/madoguchi.css").with(staff()));
		assertThat(css.getResponse().getStatus()).isEqualTo(200);
		assertThat(css.getResponse().getContentAsString()).contains("--focus-ring-color", "@media print");
		assertThat(perform(get("/js/madoguchi.js").with(staff())).getResponse().getStatus()).isEqualTo(200);
	}

}
