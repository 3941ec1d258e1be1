package jp.madoguchi.reception;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.support.Axe;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.Keyboard;
import jp.madoguchi.support.StaffAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 本日来庁予定 in a real browser: the section passes axe, 発券 is reached and used with Tab and
 * Enter alone, the slip carries the head of household's name with its variation selector,
 * and back on the board the row says 発券済み with the number.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExpectedArrivalsBrowserTests {

	static final String TSUJI = "辻\uDB40\uDD02";

	static final Path FOLDER = folder();

	static final Path SNAPSHOT = FOLDER.resolve("households.jsonl");

	@DynamicPropertySource
	static void snapshot(DynamicPropertyRegistry registry) throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
		Files.writeString(SNAPSHOT,
				"""
						{"kind":"SENT_AHEAD","noticeId":"B0000001","plannedVisitDate":"%s","previousAddress":{"prefecture":"青森県","city":"弘前市"},"headOfHousehold":"%s 一郎","persons":[{"familyName":"%s","givenName":"一郎","relationship":"世帯主"},{"familyName":"%s","givenName":"咲","relationship":"子"}]}
						"""
					.formatted(today, TSUJI, TSUJI, TSUJI));
		registry.add("madoguchi.resident-record.lookup.snapshot", SNAPSHOT::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	UserAdministration users;

	@Autowired
	GroupAdministration groups;

	@Autowired
	JdbcClient jdbc;

	@AfterAll
	static void removeFolder() {
		FileSystemUtils.deleteRecursively(FOLDER.toFile());
	}

	@Test
	void anExpectedHouseholdGetsItsTicketByKeyboardAlone() {
		String staff = StaffAccounts.userWith(this.users, this.groups, this.jdbc, "arrivals",
				EnumSet.of(Permission.RECEPTION));
		try (Chromium browser = Chromium.screen(1280, 900)) {
			WebDriver page = browser.driver();
			StaffAccounts.signIn(page, url(""), staff, StaffAccounts.PASSWORD);
			page.get(url("/reception?queue=moving&counter=1"));
			assertThat(browser.visible("[data-notice='B0000001']").getText()).contains(TSUJI + " 一郎", "2人", "青森県弘前市");
			Axe.assertClean(browser, "reception board with expected arrivals");

			Keyboard.tabTo(browser, "[data-notice='B0000001'] button[type=submit]");
			Keyboard.enter(browser);
			browser.await((d) -> d.getCurrentUrl().endsWith("/slip"));
			String number = browser.visible(".slip__number").getText();
			assertThat(browser.visible(".slip").getText()).contains(TSUJI + " 一郎");

			page.get(url("/reception?queue=moving&counter=1"));
			String row = browser.visible("[data-notice='B0000001']").getText();
			assertThat(row).contains("発券済み", number.replaceAll("\\D", "") + "番");
			assertThat(page.findElements(org.openqa.selenium.By.cssSelector("[data-notice='B0000001'] button")))
				.isEmpty();
			Axe.assertClean(browser, "reception board after 発券");
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static Path folder() {
		try {
			return Files.createTempDirectory("reception-arrivals-browser");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
