package jp.madoguchi.journeys;

import java.util.EnumSet;
import java.util.UUID;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.AccountService;
import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.prefiling.TestHouseholds;
import jp.madoguchi.support.Axe;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, accessibility: axe-core at WCAG 2.1 AA (JIS X 8341-3 AA) on every page the
 * journeys reach, the resident's pages in Japanese, English and やさしい日本語 and the staff
 * pages with the data they show in use.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovingNotifications notifications;

	@Test
	void everyPageOfTheJourneysPassesAxeAtWcag21AA() {
		Axe.Report report = new Axe.Report();
		try (Chromium browser = Chromium.screen(1280, 900)) {
			WebDriver page = browser.driver();
			for (String lang : new String[] { "ja", "en", "easy" }) {
				page.get(url("/public/prefiling?lang=" + lang));
				browser.visible("[data-step='1'] [data-action='next']");
				report.check(browser, "wizard step 1 (" + lang + ")");
				page.findElement(By.cssSelector("label[for='type-MOVE_IN']")).click();
				browser.visible("[data-step='1'] [data-action='next']").click();
				browser.visible("label[for='q-nhi']");
				report.check(browser, "wizard step 2 (" + lang + ")");
				page.findElement(By.cssSelector("[data-step='2'] [data-action='next']")).click();
				browser.visible("[data-guide] [data-procedure]");
				report.check(browser, "wizard step 3 (" + lang + ")");
				browser.visible("[data-step='3'] [data-action='next']").click();
				browser.visible("#movedOn");
				report.check(browser, "wizard step 4 (" + lang + ")");
				browser.script("localStorage.clear()");
			}
			page.get(url("/public/kiosk?lang=ja"));
			browser.visible("[data-step='1'] [data-action='next']");
			report.check(browser, "kiosk");

			page.get(url("/login"));
			report.check(browser, "login");

			UUID notification = this.notifications.createDraft(TestHouseholds.movingIn(4)).id();
			String staff = StaffAccounts.userWith(this.accounts, this.jdbc, "a11y", EnumSet.allOf(Permission.class));
			StaffAccounts.signIn(page, url(""), staff, StaffAccounts.PASSWORD);
			check(browser, report, "/", "home");

			// A ticket issued, then called: the board shows its actions, the display its
			// call.
			page.get(url("/reception?queue=moving&counter=1"));
			page.findElement(By.cssSelector("form[action='/reception/receptions'] button[type=submit]")).click();
			browser.await((d) -> d.getCurrentUrl().endsWith("/slip"));
			report.check(browser, "reception slip");
			String reception = page.getCurrentUrl().split("/")[5];
			page.get(url("/reception?queue=moving&counter=1"));
			page.findElement(By.cssSelector("form[action='/reception/call-next'] button[type=submit]")).click();
			browser.visible(".board__current");
			report.check(browser, "reception board");
			check(browser, report, "/reception/receptions/" + reception, "reception detail");
			check(browser, report, "/reception/inquiry", "inquiry");
			check(browser, report, "/display/moving", "display");
			check(browser, report, "/reception/admin", "reception admin (queues)");
			check(browser, report, "/prefilings/scan", "prefiling scan");

			check(browser, report, "/notifications", "notification list");
			check(browser, report, "/notifications/new", "notification new");
			check(browser, report, "/notifications/" + notification, "notification detail");
			check(browser, report, "/guidance/notifications/" + notification, "guide");
			check(browser, report, "/forms/notifications/" + notification, "forms list");
			check(browser, report, "/forms/notifications/" + notification + "/sign", "signature");
			check(browser, report, "/forms/printers", "printers");
			check(browser, report, "/resident-record/notifications/" + notification, "resident-record notification");

			check(browser, report, "/admin/users", "users");
			check(browser, report, "/admin/users/new", "user new");
			check(browser, report, "/admin/users/" + staff, "user");
			check(browser, report, "/admin/groups", "groups");
			check(browser, report, "/admin/groups/new", "group new");
			check(browser, report, "/admin/api-tokens", "api tokens");
			check(browser, report, "/guidance/admin", "procedure rules");
			check(browser, report, "/guidance/admin/NHI_JOIN", "procedure rule");
			check(browser, report, "/forms/admin/templates", "form templates");
			check(browser, report, "/admin/addresses", "addresses");
			check(browser, report, "/admin/terminals", "terminals");
			check(browser, report, "/admin/holidays", "holidays");
			check(browser, report, "/admin/retention", "retention");
			check(browser, report, "/admin/resident-record", "resident-record deliveries");
			check(browser, report, "/admin/health", "health");
			check(browser, report, "/statistics", "statistics dashboard");
			check(browser, report, "/audit", "audit");
			check(browser, report, "/account", "account");
		}
		assertThat(report.pages()).hasSizeGreaterThan(40);
		report.assertClean();
	}

	@Test
	void axeFindsWhatBreaksTheRulesInOurPagesDespiteTheirCsp() {
		try (Chromium browser = Chromium.screen(1280, 900)) {
			browser.driver().get(url("/login"));
			assertThat(Axe.check(browser)).isEmpty();
			// An image without text and a field without label, added to the page.
			browser.script("document.querySelector('main').insertAdjacentHTML('beforeend',"
					+ " '<img src=\"/favicon.svg\"><input type=\"text\" id=\"unlabelled\">')");
			assertThat(Axe.check(browser)).extracting(Axe.Violation::rule).contains("image-alt", "label");
		}
	}

	/** Opens a page (never an error page) and checks it. */
	private void check(Chromium browser, Axe.Report report, String path, String name) {
		browser.driver().get(url(path));
		browser.visible("main h1");
		assertThat(browser.driver().findElements(By.cssSelector(".error-page__reference")))
			.as(name + " is no error page")
			.isEmpty();
		report.check(browser, name);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
