package jp.madoguchi.journeys;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.support.Households;
import jp.madoguchi.support.Axe;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.Keyboard;
import jp.madoguchi.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, accessibility: axe-core at WCAG 2.1 AA (JIS X 8341-3 AA) on every page the
 * journeys reach, the resident's pages in English and やさしい日本語 (Japanese in journey 1) and
 * the staff pages with the data they show in use; the reception board by keyboard alone;
 * the resident's pages at 200 and 400 % zoom.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAdministration users;

	@Autowired
	GroupAdministration groups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovingNotifications notifications;

	@Test
	void everyPageOfTheJourneysPassesAxeAtWcag21AA() {
		Axe.Report report = new Axe.Report();
		try (Chromium browser = Chromium.screen(1280, 900)) {
			WebDriver page = browser.driver();
			// Japanese: step by step on a phone in ResidentJourneyBrowserTests.
			for (String lang : new String[] { "en", "easy" }) {
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

			UUID notification = this.notifications.createDraft(Households.movingIn(4)).id();
			String staff = StaffAccounts.userWith(this.users, this.groups, this.jdbc, "a11y",
					EnumSet.allOf(Permission.class));
			StaffAccounts.signIn(page, url(""), staff, StaffAccounts.PASSWORD);
			check(browser, report, "/", "home");

			// A ticket issued, then called: the board shows its actions, the display its
			// call. Not the moving queue, which journey 2 (CounterJourneyBrowserTests)
			// empties and uses.
			page.get(url("/reception?queue=insurance&counter=11"));
			page.findElement(By.cssSelector("form[action='/reception/receptions'] button[type=submit]")).click();
			browser.await((d) -> d.getCurrentUrl().endsWith("/slip"));
			report.check(browser, "reception slip");
			String reception = page.getCurrentUrl().split("/")[5];
			page.get(url("/reception?queue=insurance&counter=11"));
			page.findElement(By.cssSelector("form[action='/reception/call-next'] button[type=submit]")).click();
			browser.visible(".board__current");
			report.check(browser, "reception board");
			check(browser, report, "/reception/receptions/" + reception, "reception detail");
			check(browser, report, "/reception/inquiry", "inquiry");
			check(browser, report, "/display/insurance", "display");
			check(browser, report, "/reception/admin", "reception admin (queues)");
			check(browser, report, "/prefilings/scan", "prefiling scan");

			check(browser, report, "/notifications", "notification list");
			check(browser, report, "/notifications/new", "notification new");
			check(browser, report, "/notifications/" + notification, "notification detail");
			check(browser, report, "/guidance/notifications/" + notification, "guide");
			check(browser, report, "/forms/notifications/" + notification, "forms list");
			check(browser, report, "/forms/notifications/" + notification + "/sign", "signature");
			check(browser, report, "/forms/printers", "printers");
			check(browser, report, "/forms/admin/printers", "printer master");
			check(browser, report, "/resident-record/notifications/" + notification, "resident-record notification");

			// Login, users, groups, procedure rules, statistics and the account page:
			// in AdminJourneyBrowserTests, with their forms filled and refused.
			check(browser, report, "/admin/api-tokens", "api tokens");
			check(browser, report, "/forms/admin/templates", "form templates");
			check(browser, report, "/admin/addresses", "addresses");
			check(browser, report, "/admin/terminals", "terminals");
			check(browser, report, "/admin/holidays", "holidays");
			check(browser, report, "/admin/retention", "retention");
			check(browser, report, "/admin/resident-record", "resident-record deliveries");
			check(browser, report, "/admin/health", "health");
			check(browser, report, "/audit", "audit");
		}
		assertThat(report.pages()).hasSizeGreaterThan(25);
		report.assertClean();
	}

	/**
	 * The counter by keyboard alone (WCAG 2.1.1): from the top of the reception board,
	 * Tab to the controls and Enter to use them: issue a ticket, go back to the board,
	 * call the next resident. Every control reached shows where the focus is (2.4.7).
	 */
	@Test
	void theReceptionBoardWorksWithTabAndEnterAlone() {
		String staff = StaffAccounts.userWith(this.users, this.groups, this.jdbc, "keyboard",
				EnumSet.of(Permission.RECEPTION));
		try (Chromium browser = Chromium.screen(1280, 900)) {
			WebDriver page = browser.driver();
			StaffAccounts.signIn(page, url(""), staff, StaffAccounts.PASSWORD);
			page.get(url("/reception?queue=welfare&counter=31"));

			tabTo(browser, "#new-name");
			new Actions(page).sendKeys("キーボード 花子").perform();
			tabTo(browser, "form[action='/reception/receptions'] button[type=submit]");
			new Actions(page).sendKeys(Keys.ENTER).perform();
			browser.await((d) -> d.getCurrentUrl().endsWith("/slip"));
			String mine = browser.visible(".slip__number").getText();
			assertThat(browser.visible(".slip").getText()).contains("キーボード 花子");

			tabTo(browser, "a.button--tertiary[href^='/reception?queue=welfare']");
			new Actions(page).sendKeys(Keys.ENTER).perform();
			browser.await((d) -> d.getCurrentUrl().contains("/reception?queue=welfare"));
			List<String> waiting = page.findElements(By.cssSelector("#board-waiting tbody tr td:first-child"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(waiting).contains(mine);

			tabTo(browser, "form[action='/reception/call-next'] button[type=submit]");
			new Actions(page).sendKeys(Keys.ENTER).perform();
			String called = browser.visible(".notification--success[role='status']").getText().replaceAll("\\D", "");
			assertThat(waiting).contains(called);
			browser.visible(".board__current .board__ticket");
			assertThat(page.findElements(By.cssSelector(".board__current .board__ticket"))
				.stream()
				.map(WebElement::getText)).contains(called);
			assertThat(page.findElements(By.cssSelector("#board-waiting tbody tr td:first-child"))
				.stream()
				.map(WebElement::getText)).doesNotContain(called);
		}
	}

	/**
	 * Every control of the counter screens is reached by Tab (no mouse-only control, no
	 * keyboard trap) and shows where the focus is.
	 */
	@Test
	void everyControlOfTheCounterScreensIsReachedByTab() {
		UUID notification = this.notifications.createDraft(Households.movingIn(2)).id();
		String staff = StaffAccounts.userWith(this.users, this.groups, this.jdbc, "tab", EnumSet
			.of(Permission.RECEPTION, Permission.NOTIFICATION_EDIT, Permission.NOTIFICATION_ACCEPT, Permission.PRINT));
		try (Chromium browser = Chromium.screen(1280, 900)) {
			WebDriver page = browser.driver();
			StaffAccounts.signIn(page, url(""), staff, StaffAccounts.PASSWORD);
			for (String path : new String[] { "/reception?queue=child&counter=21", "/reception/inquiry",
					"/notifications", "/notifications/new", "/notifications/" + notification,
					"/guidance/notifications/" + notification, "/forms/notifications/" + notification,
					"/forms/printers" }) {
				page.get(url(path));
				browser.visible("main h1");
				// Panels that htmx loads with the page (the guide on the notification)
				// first.
				browser.await((d) -> browser
					.script("return document.querySelectorAll('main [hx-trigger^=\"load\"]').length === 0"));
				assertEveryControlIsReachedByTab(browser, path);
			}
		}
	}

	/**
	 * The resident's pages at 200 % zoom (WCAG 1.4.4) and at 400 % (1.4.10 reflow): a
	 * 1280 px window zoomed shows 640 and 320 CSS px; nothing may need scrolling
	 * sideways.
	 */
	@Test
	void theResidentPagesReflowAt200And400PercentZoom() {
		try (Chromium browser = Chromium.screen(1280, 900)) {
			WebDriver page = browser.driver();
			for (int zoom : new int[] { 2, 4 }) {
				((HasCdp) page).executeCdpCommand("Emulation.setDeviceMetricsOverride",
						Map.of("width", 1280 / zoom, "height", 900 / zoom, "deviceScaleFactor", zoom, "mobile", false));
				for (String lang : new String[] { "ja", "easy", "en" }) {
					String at = zoom * 100 + "% " + lang;
					// The wizard keeps the step reached in this browser's draft: start
					// over.
					page.get(url("/public/prefiling?lang=" + lang));
					browser.script("localStorage.clear()");
					page.get(url("/public/prefiling?lang=" + lang));
					assertThat(((Number) browser.script("return window.innerWidth")).intValue()).isEqualTo(1280 / zoom);
					assertNoSidewaysScroll(browser, "step 1 at " + at);
					browser.visible("[data-step='1'] [data-action='next']");
					page.findElement(By.cssSelector("label[for='type-MOVE_IN']")).click();
					browser.visible("[data-step='1'] [data-action='next']").click();
					browser.visible("[data-step='2'] [data-action='next']");
					page.findElement(By.cssSelector("label[for='q-nhi']")).click();
					assertNoSidewaysScroll(browser, "step 2 at " + at);
					browser.visible("[data-step='2'] [data-action='next']").click();
					browser.visible("[data-guide] [data-procedure]");
					assertNoSidewaysScroll(browser, "step 3 at " + at);
					browser.visible("[data-step='3'] [data-action='next']").click();
					browser.visible("#movedOn");
					assertNoSidewaysScroll(browser, "step 4 at " + at);
				}
				page.get(url("/public/kiosk?lang=ja"));
				assertNoSidewaysScroll(browser, "kiosk at " + zoom * 100 + "%");
			}
		}
	}

	@Test
	void axeFindsWhatBreaksTheRulesInOurPagesDespiteTheirCsp() {
		try (Chromium browser = Chromium.screen(1280, 900)) {
			browser.driver().get(url("/login"));
			// The page's CSP is in force: an inline script added to it does not run.
			browser.script("const s = document.createElement('script'); s.textContent = 'window.inlineRan = true';"
					+ "document.head.appendChild(s);");
			assertThat(browser.script("return window.inlineRan === true")).isEqualTo(false);
			assertThat(Axe.check(browser)).isEmpty();
			// An image without text, a field without label and pale grey text (set
			// through
			// the CSSOM, which the CSP allows), added to the page.
			browser.script("document.querySelector('main').insertAdjacentHTML('beforeend',"
					+ " '<img src=\"/favicon.svg\"><input type=\"text\" id=\"unlabelled\"><p id=\"pale\">薄い文字</p>');"
					+ "document.getElementById('pale').style.color = '#cccccc';");
			assertThat(Axe.check(browser)).extracting(Axe.Violation::rule)
				.contains("image-alt", "label", "color-contrast");
		}
	}

	private static void assertNoSidewaysScroll(Chromium browser, String where) {
		Number scroll = (Number) browser.script("return document.documentElement.scrollWidth");
		Number client = (Number) browser.script("return document.documentElement.clientWidth");
		assertThat(scroll.intValue()).as("no horizontal scrolling: " + where).isLessThanOrEqualTo(client.intValue());
	}

	private static void tabTo(Chromium browser, String css) {
		Keyboard.tabTo(browser, css);
	}

	/**
	 * A name for a control that survives htmx replacing it (the board's waiting list
	 * refreshes itself): a radio group is one stop, as Tab enters it once.
	 */
	private static final String KEY = """
			const key = (e) => (e.type === 'radio') ? 'radio:' + e.name
				: [e.tagName, e.id, e.name, e.getAttribute('href'), e.form ? e.form.getAttribute('action') : '',
					e.value, (e.textContent || '').trim().substring(0, 40)].join('|');
			""";

	/** The controls of the main content a keyboard user must be able to reach. */
	private static final String CONTROLS = KEY + """
			const controls = [...document.querySelectorAll('main a[href], main button, main input, main select,'
					+ ' main textarea, main [tabindex]')]
				// checkVisibility: not inside a closed <details> (its summary is the stop).
				.filter((e) => e.tabIndex >= 0 && !e.disabled && e.type !== 'hidden'
					&& e.checkVisibility({ visibilityProperty: true }));
			document.activeElement.blur();
			return [...new Set(controls.map(key))];
			""";

	/**
	 * The control that has the focus: its key (empty outside main), its outline, whether
	 * the page says it is focused, and its markup for messages.
	 */
	private static final String FOCUSED = KEY + """
			const e = document.activeElement;
			return [e.closest('main') ? key(e) : '', getComputedStyle(e).outlineStyle,
				String(document.hasFocus() && e.matches(':focus')), e.outerHTML.substring(0, 160)];
			""";

	@SuppressWarnings("unchecked")
	private static void assertEveryControlIsReachedByTab(Chromium browser, String path) {
		List<String> expected = (List<String>) browser.script(CONTROLS);
		java.util.Set<String> reached = new java.util.HashSet<>();
		int presses = expected.size() * 2 + 60;
		for (int i = 0; i < presses && !reached.containsAll(expected); i++) {
			new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
			List<String> focused = (List<String>) browser.script(FOCUSED);
			if (!focused.get(0).isEmpty()) {
				reached.add(focused.get(0));
				if (Boolean.parseBoolean(focused.get(2))) {
					assertThat(focused.get(1)).as("focus indicator on " + path + ": " + focused.get(3))
						.isNotEqualTo("none");
				}
				else {
					// One of the Tab stops inside a date field (Chromium's own parts of
					// <input type=date>) leaves the field active without :focus; the
					// stops
					// on its day, month and year do show the ring and are checked.
					System.out.println("keyboard: " + path + ": focus state not reported for " + focused.get(3));
				}
			}
		}
		assertThat(reached).as("controls of " + path + " reached by Tab").containsAll(expected);
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
