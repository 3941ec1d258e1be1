package jp.madoguchi.journeys;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.prefiling.PrefilingWizard;
import jp.madoguchi.support.Households;
import jp.madoguchi.support.Axe;
import jp.madoguchi.support.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, journey 1: a resident on a phone (390×844) is guided to the procedures a move
 * brings, fills the pre-application for a family of four, corrects what the wizard finds
 * missing, and gets QR codes that zbarimg reads and the counter decodes into what was
 * entered. axe-core checks every step as the resident sees it, errors included.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ResidentJourneyBrowserTests {

	static final java.nio.file.Path SCREENSHOTS = java.nio.file.Path.of("target", "screenshots", "journey-1");

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Test
	void aFamilyOfFourPreparesTheirMoveInOnAPhone() throws Exception {
		LocalDate movedOn = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1);
		Axe.Report axe = new Axe.Report();
		try (Chromium browser = Chromium.phone()) {
			WebDriver page = browser.driver();
			page.get("http://localhost:" + this.port + "/public/prefiling?lang=ja");

			// 1: what happened.
			browser.visible("[data-step='1'] [data-action='next']");
			axe.check(browser, "1 what happened");
			page.findElement(By.cssSelector("label[for='type-MOVE_IN']")).click();
			browser.visible("[data-step='1'] [data-action='next']").click();

			// 2 and 3: the guide, questions then the procedures and where to go.
			browser.visible("[data-step='2'] [data-action='next']");
			axe.check(browser, "2 questions");
			page.findElement(By.cssSelector("label[for='q-nhi']")).click();
			page.findElement(By.cssSelector("label[for='q-children']")).click();
			page.findElement(By.cssSelector("[data-step='2'] [data-action='next']")).click();
			browser.visible("[data-guide] [data-procedure]");
			List<String> procedures = page.findElements(By.cssSelector("[data-guide] [data-procedure]"))
				.stream()
				.map((e) -> e.getDomAttribute("data-procedure"))
				.toList();
			assertThat(procedures).contains("NHI_JOIN");
			axe.check(browser, "3 procedures");
			browser.screenshot(SCREENSHOTS.resolve("3-procedures.png"));
			browser.visible("[data-step='3'] [data-action='next']").click();

			// 4: the notification for four; the fourth person's birth date forgotten.
			browser.visible("#movedOn");
			axe.check(browser, "4 notification (empty)");
			browser.type(page.findElement(By.id("movedOn")), movedOn.toString());
			PrefilingWizard.fillAddress(page, "newAddress", "0850000", "北海道", "釧路市", "黒金町", "7丁目5番地", "");
			PrefilingWizard.fillAddress(page, "previousAddress", "0600001", "北海道", "札幌市中央区", "北一条西", "2丁目1番地2", "");
			PrefilingWizard.fillPerson(browser, 0, Households.TSUJI, "太郎", "ツジ", "タロウ", "1980-04-01", "MALE", "世帯主");
			page.findElement(By.cssSelector("[data-action='add-person']")).click();
			PrefilingWizard.fillPerson(browser, 1, Households.TSUJI, "花子", "ツジ", "ハナコ", "1982-06-03", "FEMALE", "妻");
			page.findElement(By.cssSelector("[data-action='add-person']")).click();
			PrefilingWizard.fillPerson(browser, 2, Households.TSUJI, "一郎", "ツジ", "イチロウ", "2012-09-15", "MALE", "子");
			page.findElement(By.cssSelector("[data-action='add-person']")).click();
			PrefilingWizard.fillPerson(browser, 3, Households.KATSURA + "城", "キヨ", "カツラギ", "キヨ", "", "FEMALE", "子");
			page.findElement(By.id("filer.name")).sendKeys("辻 太郎");
			page.findElement(By.id("filer.phone")).sendKeys("090-1234-5678");
			page.findElement(By.cssSelector("[data-step='4'] [data-action='next']")).click();

			// What is missing is listed with a link to the field, and no code is made.
			browser.visible("[data-findings] [data-code]");
			assertThat(page.findElements(By.cssSelector("[data-findings] a"))
				.stream()
				.map((a) -> a.getDomAttribute("href"))).contains("#persons3.birthDate");
			assertThat(page.findElements(By.cssSelector("[data-codes] img"))).isEmpty();
			axe.check(browser, "4 notification (findings)");
			browser.screenshot(SCREENSHOTS.resolve("4-findings.png"));
			browser.type(page.findElement(By.id("persons3.birthDate")), "2016-01-20");
			page.findElement(By.cssSelector("[data-step='4'] [data-action='next']")).click();

			// 5: the codes, read by an independent decoder and decoded by the counter.
			List<String> read = PrefilingWizard.readCodes(browser);
			assertThat(browser.visible("[data-final-guide] [data-procedure]").getText()).isNotBlank();
			assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
				.as("no horizontal scrolling on a phone")
				.isLessThanOrEqualTo(390);
			axe.check(browser, "5 codes");
			browser.screenshot(SCREENSHOTS.resolve("5-codes.png"));

			NotificationContent decoded = PrefilingWizard.decode(this.context, this.json, String.join("\n", read));
			assertThat(decoded.type()).isEqualTo(NotificationType.MOVE_IN);
			assertThat(decoded.movedOn()).isEqualTo(movedOn);
			assertThat(decoded.newAddress().town()).isEqualTo("黒金町");
			assertThat(decoded.previousAddress().block()).isEqualTo("2丁目1番地2");
			assertThat(decoded.persons()).extracting(Person::givenName).containsExactly("太郎", "花子", "一郎", "キヨ");
			assertThat(decoded.persons()).extracting(Person::relationship).containsExactly("世帯主", "妻", "子", "子");
			assertThat(decoded.persons().get(3).familyName()).isEqualTo(Households.KATSURA + "城");
			assertThat(decoded.persons().get(3).birthDate()).isEqualTo(LocalDate.of(2016, 1, 20));
			assertThat(decoded.persons().get(2).familyNameKana()).isEqualTo("ツジ");
			assertThat(decoded.filer().phone()).isEqualTo("090-1234-5678");
		}
		axe.assertClean();
	}

}
