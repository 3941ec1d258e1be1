package jp.madoguchi.prefiling;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jp.madoguchi.moving.Finding;
import jp.madoguchi.moving.NotificationChecks;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.support.Axe;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.Households;
import jp.madoguchi.support.Zbar;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 5 "Done when": the wizard in Chromium at a phone viewport, from "what happened"
 * to a QR code that zbarimg reads and the counter decodes into what the resident entered.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PrefilingWizardBrowserTests {

	/** Screenshots for people reviewing the wizard's look; not compared. */
	static final java.nio.file.Path SCREENSHOTS = java.nio.file.Path.of("target", "screenshots");

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	NotificationChecks checks;

	@Test
	void aResidentGoesThroughTheWizardOnAPhoneAndTheCounterDecodesTheCode() throws Exception {
		LocalDate movedOn = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(3);
		try (Chromium browser = Chromium.phone()) {
			WebDriver page = browser.driver();
			page.get("http://localhost:" + port + "/public/prefiling?lang=ja");
			assertThat(((Number) browser.script("return window.innerWidth")).intValue()).isEqualTo(390);
			assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
				.as("no horizontal scrolling on a phone")
				.isLessThanOrEqualTo(390);

			// 1: what happened; going on without a choice says what is missing.
			browser.visible("[data-step='1'] [data-action='next']").click();
			assertThat(browser.visible("[data-error='type']").getText()).contains("選んでください");
			page.findElement(By.cssSelector("label[for='type-MOVE_IN']")).click();
			browser.visible("[data-step='1'] [data-action='next']").click();

			// 2: the guide's questions.
			browser.visible("label[for='q-nhi']").click();
			page.findElement(By.cssSelector("label[for='q-children']")).click();
			page.findElement(By.cssSelector("[data-step='2'] [data-action='next']")).click();

			// 3: the procedures from the guidance bundle, with where to go.
			WebElement procedure = browser.visible("[data-guide] [data-procedure]");
			assertThat(procedure.getText()).isNotBlank();
			List<String> procedures = page.findElements(By.cssSelector("[data-guide] [data-procedure]"))
				.stream()
				.map(e -> e.getDomAttribute("data-procedure"))
				.toList();
			assertThat(procedures).contains("NHI_JOIN");
			browser.screenshot(SCREENSHOTS.resolve("wizard-3-procedures.png"));
			browser.visible("[data-step='3'] [data-action='next']").click();

			// 4: the notification; names with variation selectors are set through the
			// DOM because chromedriver types only BMP characters.
			browser.visible("#movedOn");
			browser.type(page.findElement(By.id("movedOn")), movedOn.toString());
			PrefilingWizard.fillAddress(page, "newAddress", "0850000", "北海道", "釧路市", "黒金町", "7丁目5番地",
					"くしろ黒金マンション 1203号室");
			PrefilingWizard.fillAddress(page, "previousAddress", "0600001", "北海道", "札幌市中央区", "北一条西", "2丁目1番地2", "");
			PrefilingWizard.fillPerson(browser, 0, Households.TSUJI, "太郎", "ツジ", "タロウ", "1980-04-01", "MALE", "世帯主");
			page.findElement(By.cssSelector("[data-action='add-person']")).click();
			PrefilingWizard.fillPerson(browser, 1, Households.KATSURA + "城", "キヨ", "カツラギ", "キヨ", "2016-01-20", "FEMALE",
					"子");
			page.findElement(By.id("filer.name")).sendKeys("辻 太郎");
			page.findElement(By.id("filer.phone")).sendKeys("090-1234-5678");

			// A relationship the counter does not know is refused before any code is
			// made.
			browser.script("const s = document.getElementById('persons1.relationship');"
					+ "s.appendChild(new Option('王様', '王様')); s.value = '王様';"
					+ "s.dispatchEvent(new Event('change', {bubbles: true}));");
			page.findElement(By.cssSelector("[data-step='4'] [data-action='next']")).click();
			WebElement finding = browser.visible("[data-findings] [data-code='UNKNOWN_RELATIONSHIP'] a");
			browser.screenshot(SCREENSHOTS.resolve("wizard-4-findings.png"));
			assertThat(finding.getDomAttribute("href")).isEqualTo("#persons1.relationship");
			assertThat(page.findElements(By.cssSelector("[data-codes] img"))).isEmpty();
			browser.type(page.findElement(By.id("persons1.relationship")), "子");
			page.findElement(By.cssSelector("[data-step='4'] [data-action='next']")).click();

			// 5: the QR code, read by zbarimg and decoded by the counter.
			WebElement image = browser.visible("[data-codes] img.prefiling__qr");
			List<String> read = Zbar.readDataUrl(image.getDomProperty("src"));
			browser.screenshot(SCREENSHOTS.resolve("wizard-5-code.png"));
			assertThat(read).hasSize(1);
			assertThat(browser.visible("[data-final-guide] [data-procedure]").getText()).isNotBlank();

			NotificationContent decoded = decode(read.get(0));
			assertThat(decoded.type()).isEqualTo(NotificationType.MOVE_IN);
			assertThat(decoded.movedOn()).isEqualTo(movedOn);
			assertThat(decoded.newAddress().building()).isEqualTo("くしろ黒金マンション 1203号室");
			assertThat(decoded.previousAddress().city()).isEqualTo("札幌市中央区");
			assertThat(decoded.persons()).extracting(Person::familyName)
				.containsExactly(Households.TSUJI, Households.KATSURA + "城");
			assertThat(decoded.persons().get(0).familyName().codePoints().toArray()).containsExactly(0x8FBB, 0xE0102);
			assertThat(decoded.persons().get(1).birthDate()).isEqualTo(LocalDate.of(2016, 1, 20));
			assertThat(decoded.persons().get(1).relationship()).isEqualTo("子");
			assertThat(decoded.persons().get(0).facts().healthInsurance())
				.isEqualTo(NotificationContent.HealthInsurance.NHI);
			assertThat(decoded.filer().phone()).isEqualTo("090-1234-5678");

			// The draft is only in this browser, and the resident can delete it.
			assertThat((String) browser.script("return localStorage.getItem('madoguchi.prefiling.draft')"))
				.contains("黒金町");
			page.navigate().refresh();
			assertThat(browser.visible("#newAddress\\.town").getDomProperty("value")).isEqualTo("黒金町");
			browser.visible("[data-action='delete-draft']").click();
			assertThat(browser.script("return localStorage.getItem('madoguchi.prefiling.draft')")).isNull();
			assertThat(browser.visible("[data-step='1'] [data-action='next']").isDisplayed()).isTrue();
		}
	}

	/**
	 * Issue 21 "Done when": the wizard in Tiếng Việt, a foreign resident arriving from
	 * abroad with a residence card; the code carries the foreign-resident items and the
	 * counter decodes them. The pages pass axe in Vietnamese.
	 */
	@Test
	void aVietnameseResidentEntersTheResidenceCardItemsAndTheCounterDecodesThem() throws Exception {
		LocalDate movedOn = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(2);
		LocalDate stayEnds = movedOn.plusYears(1).minusDays(1);
		try (Chromium browser = Chromium.phone()) {
			WebDriver page = browser.driver();
			page.get("http://localhost:" + port + "/public/prefiling?lang=vi");
			assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
			assertThat(browser.visible("h1").getText())
				.isEqualTo("Đăng ký trước thủ tục chuyển nhà (chuyển đến, chuyển đi…)");
			// Every language by its own name, each marked with its language.
			List<WebElement> languages = page.findElements(By.cssSelector(".prefiling__languages a"));
			assertThat(languages).extracting(WebElement::getText)
				.containsExactly("日本語", "やさしい にほんご", "English", "中文（简体）", "한국어", "Tiếng Việt", "Português");
			assertThat(languages).extracting((a) -> a.getDomAttribute("lang"))
				.containsExactly("ja", "ja", "en", "zh-CN", "ko", "vi", "pt-BR");
			Axe.assertClean(browser, "wizard step 1 in Tiếng Việt");

			page.findElement(By.cssSelector("label[for='type-MOVE_IN']")).click();
			browser.visible("label[for='variant-MOVE_IN-FROM_ABROAD']").click();
			browser.visible("[data-step='1'] [data-action='next']").click();

			browser.visible("label[for='q-foreign']").click();
			page.findElement(By.cssSelector("label[for='q-nhi']")).click();
			page.findElement(By.cssSelector("[data-step='2'] [data-action='next']")).click();
			// The guide in Vietnamese: the procedure master's translation of the name.
			browser.visible("[data-guide] [data-procedure='RESIDENCE_CARD_ENDORSEMENT']");
			assertThat(page.findElement(By.cssSelector("[data-guide] [data-procedure='RESIDENCE_CARD_ENDORSEMENT'] h3"))
				.getText()).isEqualTo("Ghi địa chỉ lên thẻ cư trú (在留カード)");
			browser.visible("[data-step='3'] [data-action='next']").click();

			browser.visible("#movedOn");
			browser.type(page.findElement(By.id("movedOn")), movedOn.toString());
			PrefilingWizard.fillAddress(page, "newAddress", "0850000", "北海道", "釧路市", "黒金町", "7丁目5番地", "");
			PrefilingWizard.fillAddress(page, "previousAddress", "", "", "Hà Nội", "Cầu Giấy", "", "");
			browser.type(page.findElement(By.id("persons0.birthDate")), "1998-05-12");
			browser.type(page.findElement(By.id("persons0.sex")), "MALE");
			browser.type(page.findElement(By.id("persons0.healthInsurance")), "NHI");
			assertThat(page.findElement(By.id("persons0.foreignResident.nameAlphabet")).isDisplayed()).isFalse();
			page.findElement(By.cssSelector("label[for='persons0.foreign']")).click();
			browser.visible("#persons0\\.foreignResident\\.nameAlphabet").sendKeys("NGUYEN VAN AN");
			page.findElement(By.id("persons0.foreignResident.nationality")).sendKeys("ベトナム");
			browser.type(page.findElement(By.id("persons0.foreignResident.category")), "MID_TO_LONG_TERM");
			page.findElement(By.id("persons0.foreignResident.residenceStatus")).sendKeys("技能実習");
			page.findElement(By.id("persons0.foreignResident.periodOfStay")).sendKeys("1年");
			browser.type(page.findElement(By.id("persons0.foreignResident.periodOfStayEndsOn")), stayEnds.toString());
			WebElement cardNumber = page.findElement(By.id("persons0.foreignResident.residenceCardNumber"));
			cardNumber.sendKeys("ab1234567cd");
			page.findElement(By.id("filer.name")).sendKeys("NGUYEN VAN AN");
			page.findElement(By.id("filer.phone")).sendKeys("080-1234-5678");

			// A card number of the wrong form is refused in Vietnamese before any code.
			page.findElement(By.cssSelector("[data-step='4'] [data-action='next']")).click();
			assertThat(browser.visible("[data-card-number-error]").getText()).startsWith("Số thẻ không đúng dạng");
			assertThat(cardNumber.getDomAttribute("aria-invalid")).isEqualTo("true");
			assertThat(page.findElements(By.cssSelector("[data-codes] img"))).isEmpty();
			Axe.assertClean(browser, "wizard step 4 in Tiếng Việt, foreign-resident items");
			browser.screenshot(SCREENSHOTS.resolve("wizard-vi-4-foreign.png"));
			cardNumber.clear();
			// Spaces and lower case, as people type it from the card, are accepted.
			cardNumber.sendKeys("ab 12345678 cd");
			page.findElement(By.cssSelector("[data-step='4'] [data-action='next']")).click();
			browser.await((d) -> !d.findElements(By.cssSelector("[data-codes] img")).isEmpty()
					|| d.findElement(By.cssSelector("[data-findings]")).isDisplayed());
			assertThat(page.findElement(By.cssSelector("[data-findings]")).isDisplayed())
				.as("findings: %s", page.findElement(By.cssSelector("[data-findings]")).getText())
				.isFalse();
			assertThat(page.findElement(By.cssSelector("[data-card-number-error]")).isDisplayed()).isFalse();

			List<String> read = PrefilingWizard.readCodes(browser);
			browser.screenshot(SCREENSHOTS.resolve("wizard-vi-5-code.png"));
			assertThat(read).hasSize(1);
			browser.visible("[data-final-guide] [data-procedure='NATIONAL_PENSION_JOIN']");
			Axe.assertClean(browser, "wizard step 5 in Tiếng Việt");

			NotificationContent decoded = decode(read.get(0));
			assertThat(decoded.type()).isEqualTo(NotificationType.MOVE_IN);
			assertThat(decoded.variant()).isEqualTo(NotificationType.Variant.FROM_ABROAD);
			assertThat(decoded.previousAddress().city()).isEqualTo("Hà Nội");
			Person person = decoded.persons().get(0);
			assertThat(person.familyName()).isNull();
			assertThat(person.nationality()).isEqualTo("ベトナム");
			assertThat(person.foreignResident()).isEqualTo(new NotificationContent.ForeignResident("NGUYEN VAN AN",
					null, "ベトナム", NotificationContent.ForeignResidentCategory.MID_TO_LONG_TERM, "技能実習", stayEnds,
					"AB12345678CD", null, "1年"));
			// The counter's checks find nothing missing in the foreign-resident items.
			assertThat(checks.check(decoded, java.util.Locale.JAPANESE)).extracting(Finding::code)
				.doesNotContain("FOREIGN_RESIDENT_DATA_MISSING", "INVALID_RESIDENCE_CARD_NUMBER", "NAME_MISSING",
						"FOREIGN_STAY_EXPIRED");
		}
	}

	@Test
	void theScanFieldWaitsUntilAWedgeReaderHasTypedEveryCode() throws Exception {
		NotificationContent household = Households.movingIn(10);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		tools.jackson.databind.JsonNode parts = json
			.readTree(mvc.perform(post("/public/api/v1/prefilings").contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsBytes(household))).andReturn().getResponse().getContentAsByteArray())
			.get("parts");
		assertThat(parts.size()).isEqualTo(2);
		try (Chromium browser = Chromium.screen(1280, 800)) {
			WebDriver page = browser.driver();
			// The fragment's markup on a page of this server (same origin, same CSP), the
			// submission caught instead of sent: this test is about the script.
			page.get("http://localhost:" + port + "/public/prefiling?lang=ja");
			browser.script("document.body.insertAdjacentHTML('beforeend', '<form data-prefiling-scan "
					+ "data-progress=\"{0}/{1}: {2}\" data-complete=\"complete\" method=\"post\" action=\"/nowhere\">"
					+ "<p data-scan-status></p><textarea name=\"payload\" id=\"scan\"></textarea></form>');"
					+ "window.submitted = null;"
					+ "document.querySelector('[data-prefiling-scan]').addEventListener('submit', (e) => {"
					+ " e.preventDefault(); window.submitted = e.target.elements.payload.value; });"
					+ "const s = document.createElement('script'); s.src = '/js/prefiling-scan.js';"
					+ "document.head.appendChild(s);");
			browser.visible("[data-prefiling-scan][data-scan-ready] textarea");
			WebElement field = page.findElement(By.id("scan"));
			field.sendKeys(parts.get(1).get("payload").asString() + org.openqa.selenium.Keys.ENTER);
			assertThat(browser.visible("[data-scan-status]").getText()).isEqualTo("1/2: 1");
			assertThat(browser.script("return window.submitted")).isNull();

			field.sendKeys(parts.get(0).get("payload").asString() + org.openqa.selenium.Keys.ENTER);
			String submitted = (String) browser.await(d -> browser.script("return window.submitted"));
			assertThat(decode(submitted)).isEqualTo(household);
		}
	}

	@Test
	void theKioskKeepsNoDraftAndUsesTheLargeLayout() throws Exception {
		try (Chromium browser = Chromium.screen(1080, 1920)) {
			WebDriver page = browser.driver();
			page.get("http://localhost:" + port + "/public/kiosk?lang=ja");
			assertThat(browser.visible("main.prefiling").getDomAttribute("class")).contains("prefiling--kiosk");
			assertThat(page.findElements(By.cssSelector("[data-storage-notice]"))).isEmpty();
			page.findElement(By.cssSelector("label[for='type-MOVE_OUT']")).click();
			browser.visible("[data-step='1'] [data-action='next']").click();
			browser.visible("label[for='q-dog']").click();
			assertThat(browser.script("return localStorage.getItem('madoguchi.prefiling.draft')")).isNull();
			assertThat(page.findElement(By.cssSelector("[data-step='2'] [data-action='next']")).getSize().getHeight())
				.as("touch target height in CSS pixels")
				.isGreaterThanOrEqualTo(60);
		}
	}

	NotificationContent decode(String payload) throws Exception {
		return PrefilingWizard.decode(this.context, this.json, payload);
	}

}
