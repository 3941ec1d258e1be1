package jp.madoguchi.residentrecord;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.support.Axe;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.FileOutbox;
import jp.madoguchi.support.StaffAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static jp.madoguchi.residentrecord.FileDeliveryTests.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter screen in real Chromium: a CSV target, a notification with 𠮷 and 髙; staff
 * see the refusal and each character drawn by the print font, choose by keyboard and
 * mouse, accept, and the file holds the choices.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "madoguchi.resident-record.mode=file", "madoguchi.resident-record.file.format=csv",
				"madoguchi.resident-record.poll-interval=100ms" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@FileOutbox
class CharacterChoiceBrowserTests {

	@Value(FileOutbox.FOLDER)
	Path outbox;

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

	@Autowired
	JsonMapper json;

	private Chromium chromium;

	@AfterEach
	void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void staffChooseTheCharactersOnTheCounterScreenThenAccept() throws Exception {
		String id = notifications.createDraft(json.readValue(CharacterChoiceTests.body(), NotificationContent.class))
			.id()
			.toString();
		String user = StaffAccounts.userWith(users, groups, jdbc, "chars",
				Set.of(Permission.NOTIFICATION_EDIT, Permission.NOTIFICATION_ACCEPT));
		chromium = Chromium.screen(1280, 1000);
		WebDriver browser = chromium.driver();
		StaffAccounts.signIn(browser, url(""), user, StaffAccounts.PASSWORD);
		browser.get(url("/notifications/" + id));

		List<WebElement> rows = browser.findElements(By.cssSelector("#characters fieldset.character-choice"));
		assertThat(rows).hasSize(4);
		assertThat(rows.get(0).getText()).contains("1人目 氏", "U+20BB7");
		// each character is the print font's glyph (the 異体字 picker's SVG), its text the
		// alternative; none is left to the browser's fonts
		WebElement original = rows.get(0).findElement(By.cssSelector("legend img.character-choice__glyph"));
		assertThat(original.getAttribute("src")).endsWith("/api/v1/characters/glyphs/20BB7.svg");
		assertThat(original.getAttribute("alt")).isEqualTo(CharacterChoiceTests.YOSHI);
		WebElement candidate = browser
			.findElement(By.cssSelector("input[name='choice-0'][value='吉'] ~ img.character-choice__glyph"));
		assertThat(candidate.getAttribute("src")).endsWith("/api/v1/characters/glyphs/5409.svg");
		assertThat(candidate.getAttribute("alt")).isEqualTo("吉");
		chromium.await(driver -> drawn(original) && drawn(candidate));
		assertThat(browser.findElements(By.cssSelector("#characters span.character-choice__glyph"))).isEmpty();
		Axe.assertClean(chromium, "character choices");

		// accepting first: refused, and the page says why
		browser.findElement(By.cssSelector("form[action$='/accept'] button")).click();
		assertThat(chromium.visible(".banner--error").getText()).contains("住民記録システムに送れない文字が4字");

		// row 0 by keyboard: focus the first candidate (吉) and select it with space
		WebElement first = browser.findElement(By.cssSelector("input[name='choice-0'][value='吉']"));
		first.sendKeys(Keys.SPACE);
		assertThat(first.isSelected()).isTrue();
		browser.findElement(By.cssSelector("input[name='choice-1'][value='高']")).click();
		browser.findElement(By.cssSelector("input[name='choice-2'][value='typed']")).click();
		browser.findElement(By.name("typed-2")).sendKeys("土");
		browser.findElement(By.cssSelector("input[name='choice-3'][value='高']")).click();
		browser.findElement(By.cssSelector("#characters button[type=submit]")).click();
		chromium.await(driver -> driver.findElements(By.cssSelector("#characters .tag")).size() == 4);

		browser.findElement(By.cssSelector("form[action$='/accept'] button")).click();
		chromium.await(driver -> driver.findElements(By.id("characters")).isEmpty());
		Path file = outbox.resolve(id + ".csv");
		await(() -> Files.exists(file), "CSV written");
		assertThat(new String(Files.readAllBytes(file), Charset.forName("windows-31j"))).contains("\"吉田\",\"高志\"",
				"\"土田 高志\"");
	}

	/**
	 * Whether the image loaded and has a size: the server answered with a drawn glyph.
	 */
	private boolean drawn(WebElement image) {
		Object width = chromium.script("return arguments[0].complete ? arguments[0].naturalWidth : 0", image);
		return ((Number) width).intValue() > 0;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
