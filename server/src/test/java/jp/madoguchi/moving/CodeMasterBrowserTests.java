package jp.madoguchi.moving;

import java.util.EnumSet;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.UserAdministration;
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
 * The 続柄 master's admin screen in a real browser: from the home tile, a code added from
 * 2099 (so that no other test sees it), a retirement before its start refused with the
 * reason in the banner, the code deleted while no notification holds it. axe-core checks
 * each page, the refusal included.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CodeMasterBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAdministration users;

	@Autowired
	GroupAdministration groups;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorAddsRetiresAndDeletesACityCode() {
		String admin = StaffAccounts.userWith(users, groups, jdbc, "codes", EnumSet.of(Permission.MASTER_ADMIN));
		String code = "B" + Long.toString(System.nanoTime() % 1_000_000);
		Axe.Report axe = new Axe.Report();
		try (Chromium browser = Chromium.screen(1280, 900)) {
			WebDriver page = browser.driver();
			StaffAccounts.signIn(page, url(""), admin, StaffAccounts.PASSWORD);
			browser.visible("main a[href='/admin/codes/relationships']").click();
			assertThat(browser.visible("main h1").getText()).isEqualTo("続柄");
			assertThat(page.findElements(By.cssSelector("tr[data-code='01']"))).hasSize(1);
			axe.check(browser, "relationships");

			browser.type(browser.visible("#code"), code);
			browser.type(browser.visible("#label"), "ブラウザの続柄" + code);
			browser.script("arguments[0].value = '2099-01-01'", browser.visible("#validFrom"));
			page.findElement(By.cssSelector("main form.form--inline button.button--primary")).click();
			assertThat(browser.visible(".banner--success").getText()).contains("追加しました");
			String row = "tr[data-code='" + code + "']";
			assertThat(browser.visible(row).getText()).contains("ブラウザの続柄", "市区町村独自", "2099-01-01");
			axe.check(browser, "relationship added");

			browser.script("arguments[0].value = '2098-12-31'", browser.visible(row + " input[name='validTo']"));
			browser.visible(row + " form[action$='/retire'] button").click();
			assertThat(browser.visible(".banner--error").getText()).contains("使用開始日");
			axe.check(browser, "retirement refused");

			browser.visible(row + " form[action$='/delete'] button").click();
			assertThat(browser.visible(".banner--success").getText()).contains("削除しました");
			assertThat(page.findElements(By.cssSelector(row))).isEmpty();

			browser.visible("main a[href='/admin/codes/move-reasons']").click();
			assertThat(browser.visible("tr[data-code='11']").getText()).contains("転入（特例転入）");
			axe.check(browser, "move reasons");
		}
		axe.assertClean();
		assertThat(jdbc
			.sql("select count(*) from audit.events where action in ('CODE_ADDED', 'CODE_DELETED') and subject = ?")
			.param("relationship:" + code)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
