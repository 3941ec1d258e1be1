package jp.madoguchi.journeys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.support.Households;
import jp.madoguchi.support.Axe;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.StaffAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, journey 3: an administrator signs in through the login page, makes a group
 * and a user in it (the user then signs in and must change the first password), tries a
 * procedure rule change on a sample household before saving it, and downloads the
 * statistics as CSV. axe-core checks every page on the way, the refused forms included.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AdminJourneyBrowserTests {

	static final Path SCREENSHOTS = Path.of("target", "screenshots", "journey-3");

	/**
	 * Far ahead, so that the saved rule never changes today's guidance for other tests.
	 */
	static final String EFFECTIVE_FROM = "2099-04-01";

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

	@TempDir
	Path downloads;

	/**
	 * The procedure whose rule the administrator changes: one of this test's own (TEST_
	 * codes are not part of the shipped master, GuideApiTests), so that no other test
	 * sees the change.
	 */
	String procedure;

	@BeforeEach
	void addProcedure() {
		this.procedure = "TEST_JOURNEY_" + Long.toHexString(System.nanoTime()).toUpperCase();
		this.jdbc
			.sql("insert into guidance.procedures (code, name, name_en, plain_name, department, building, floor,"
					+ " counter_window, explanation, route_order)"
					+ " values (?, '原付の登録', 'Moped', 'げんつき', '市民税課', '本庁舎', '2階', '8番', '', 900)")
			.param(this.procedure)
			.update();
		bumpRevision();
	}

	@AfterEach
	void removeProcedure() {
		this.jdbc.sql("delete from guidance.rules where procedure_code = ?").param(this.procedure).update();
		this.jdbc.sql("delete from guidance.procedures where code = ?").param(this.procedure).update();
		bumpRevision();
	}

	/** The guidance module caches the master by revision. */
	private void bumpRevision() {
		this.jdbc.sql("update guidance.revision set revision = revision + 1 where id = 1").update();
	}

	@Test
	void anAdministratorManagesStaffRulesAndStatistics() throws Exception {
		String admin = StaffAccounts.userWith(this.users, this.groups, this.jdbc, "admin",
				EnumSet.of(Permission.USER_ADMIN, Permission.MASTER_ADMIN, Permission.STATISTICS_VIEW));
		String suffix = String.valueOf(System.nanoTime());
		String group = "窓口係-" + suffix;
		String user = "clerk-" + suffix;
		Axe.Report axe = new Axe.Report();
		try (Chromium browser = Chromium.screen(1280, 900)) {
			WebDriver page = browser.driver();
			page.get(url("/login"));
			axe.check(browser, "login");
			StaffAccounts.signIn(page, url(""), admin, StaffAccounts.PASSWORD);
			browser.visible("main h1");
			axe.check(browser, "home");

			// A group for counter clerks.
			page.findElement(By.cssSelector(".site-nav a[href='/admin/groups']")).click();
			axe.check(browser, "groups");
			page.findElement(By.cssSelector("main a[href='/admin/groups/new']")).click();
			browser.visible("#name").sendKeys(group);
			page.findElement(By.id("description")).sendKeys("受付と異動届の入力");
			page.findElement(By.cssSelector("label[for='permission-RECEPTION']")).click();
			page.findElement(By.cssSelector("label[for='permission-NOTIFICATION_EDIT']")).click();
			axe.check(browser, "group new");
			page.findElement(By.cssSelector("main form button[type=submit]")).click();
			browser.await((d) -> d.getCurrentUrl().matches(".*/admin/groups/\\d+.*"));
			axe.check(browser, "group saved");

			// A user in it: a too short password is refused first, with the entries kept.
			browser.visible(".site-nav a[href='/admin/users']").click();
			axe.check(browser, "users");
			page.findElement(By.cssSelector("main a[href='/admin/users/new']")).click();
			browser.visible("#username").sendKeys(user);
			page.findElement(By.id("displayName")).sendKeys("窓口 花子");
			page.findElement(By.id("password")).sendKeys("short");
			groupCheckbox(page, group).click();
			page.findElement(By.cssSelector("main form button[type=submit]")).click();
			browser.visible(".form-field--error");
			assertThat(page.findElement(By.id("username")).getDomProperty("value")).isEqualTo(user);
			axe.check(browser, "user new (refused)");
			page.findElement(By.id("password")).sendKeys("first-password-" + suffix);
			if (!page.findElement(By.cssSelector("input[name='groups'][value='" + group + "']")).isSelected()) {
				groupCheckbox(page, group).click();
			}
			page.findElement(By.cssSelector("main form button[type=submit]")).click();
			browser.await((d) -> d.getCurrentUrl().endsWith("/admin/users/" + user));
			assertThat(browser.visible("#displayName").getDomProperty("value")).isEqualTo("窓口 花子");
			assertThat(page.findElement(By.cssSelector("input[name='groups'][value='" + group + "']")).isSelected())
				.isTrue();
			axe.check(browser, "user saved");

			// A rule change, tried on the sample family, refused while wrong, then saved.
			browser.visible(".site-nav a[href='/guidance/admin']").click();
			axe.check(browser, "procedure rules");
			page.findElement(By.cssSelector("main a[href='/guidance/admin/" + this.procedure + "']")).click();
			browser.visible("#source");
			browser.type(page.findElement(By.id("effectiveFrom")), EFFECTIVE_FROM);
			browser.type(page.findElement(By.id("source")),
					"on MOVE_IN, MOVE_WITHIN\neach person where age >= 16 reason \"{person}: 原付の確認\"");
			browser.type(page.findElement(By.id("sample")), "family");
			page.findElement(By.cssSelector("button[name='_action'][value='preview']")).click();
			assertThat(browser.visible("#preview").getText()).contains("原付の確認");
			List<String> reasons = page.findElements(By.cssSelector("#preview li"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(reasons).isNotEmpty().allMatch((r) -> r.endsWith(": 原付の確認"));
			axe.check(browser, "procedure rule (preview)");
			browser.screenshot(SCREENSHOTS.resolve("rule-preview.png"));

			browser.type(page.findElement(By.id("source")), "on MOVE_IN\neach person where agee >= 16 reason \"x\"");
			page.findElement(By.cssSelector("button[name='_action'][value='save']")).click();
			assertThat(browser.visible(".error-summary").getText()).contains("2行目", "agee");
			axe.check(browser, "procedure rule (refused)");

			browser.type(page.findElement(By.id("source")),
					"on MOVE_IN, MOVE_WITHIN\neach person where age >= 16 reason \"{person}: 原付の確認\"");
			browser.type(page.findElement(By.id("effectiveFrom")), EFFECTIVE_FROM);
			page.findElement(By.id("note")).sendKeys("journey " + suffix);
			page.findElement(By.cssSelector("button[name='_action'][value='save']")).click();
			browser.visible(".banner--success");
			assertThat(page.findElement(By.cssSelector("main table")).getText()).contains(EFFECTIVE_FROM + " 〜",
					"journey " + suffix);
			axe.check(browser, "procedure rule (saved)");

			// Statistics: the notifications of the last 30 days by kind, downloaded as
			// CSV.
			this.notifications.createDraft(Households.movingIn(2));
			LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
			long moveIns = this.jdbc
				.sql("select count(*) from moving.notifications where type = 'MOVE_IN'"
						+ " and (created_at at time zone 'Asia/Tokyo')::date between ? and ?")
				.params(today.minusDays(29), today)
				.query(Long.class)
				.single();
			page.get(url("/"));
			browser.visible("main a[href='/statistics']").click();
			browser.visible("#statistics-total");
			browser.await((d) -> !d.findElement(By.id("statistics-total")).getText().isBlank());
			axe.check(browser, "statistics dashboard");
			browser.downloadsTo(this.downloads);
			page.findElement(By.cssSelector("a[href*='notifications.csv'][href*='groupBy=type']")).click();
			Path csv = this.downloads.resolve("notifications-" + today.minusDays(29) + "-" + today + "-type.csv");
			browser.await((d) -> Files.exists(csv) && !partial(this.downloads));
			List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
			assertThat(lines.get(0).replace("\uFEFF", ""))
				.isEqualTo("group,label,notifications,accepted,averageMinutesToAccept");
			assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("MOVE_IN,転入," + moveIns + ","));
			assertThat(this.jdbc
				.sql("select count(*) from audit.events where action = 'STATISTICS_EXPORTED' and actor = ?"
						+ " and detail like '%groupBy=type%'")
				.param(admin)
				.query(Long.class)
				.single()).isEqualTo(1);

			// The new clerk signs in, sets a password, and sees the counter, not the
			// administration.
			page.findElement(By.cssSelector(".site-header form[action='/logout'] button")).click();
			browser.await((d) -> d.getCurrentUrl().contains("/login"));
			StaffAccounts.signIn(page, url(""), user, "first-password-" + suffix);
			browser.await((d) -> d.getCurrentUrl().contains("/account/password"));
			axe.check(browser, "password change");
			page.findElement(By.id("currentPassword")).sendKeys("first-password-" + suffix);
			page.findElement(By.id("newPassword")).sendKeys("second-password-" + suffix);
			page.findElement(By.id("newPasswordConfirmation")).sendKeys("second-password-" + suffix);
			page.findElement(By.cssSelector("main form button[type=submit]")).click();
			browser.await((d) -> d.getCurrentUrl().contains("passwordChanged"));
			axe.check(browser, "account");
			assertThat(page.findElements(By.cssSelector(".site-nav a")).stream().map((a) -> a.getDomAttribute("href")))
				.contains("/reception", "/notifications")
				.doesNotContain("/admin/users", "/guidance/admin");
		}
		assertThat(this.jdbc.sql("select count(*) from accounts.users where username = ? and must_change_password")
			.param(user)
			.query(Long.class)
			.single()).isZero();
		axe.assertClean();
	}

	/** The label of the group's checkbox on the user form. */
	private static WebElement groupCheckbox(WebDriver page, String group) {
		return page.findElements(By.cssSelector("#groups label"))
			.stream()
			.filter((label) -> label.getText().equals(group))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no group " + group + " on the user form"));
	}

	private static boolean partial(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.anyMatch((f) -> f.getFileName().toString().endsWith(".crdownload"));
		}
		catch (java.io.IOException ex) {
			return true;
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
