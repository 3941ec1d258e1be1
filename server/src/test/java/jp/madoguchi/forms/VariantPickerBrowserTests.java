package jp.madoguchi.forms;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.support.Axe;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.StaffAccounts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static jp.madoguchi.forms.FormRendererTests.differingPixels;
import static jp.madoguchi.forms.FormRendererTests.mm;
import static jp.madoguchi.forms.FormRendererTests.rasterise;
import static jp.madoguchi.forms.FormSamples.KUSHIRO;
import static jp.madoguchi.forms.FormSamples.TSUJI_TWO_DOTS;
import static jp.madoguchi.forms.FormSamples.data;
import static jp.madoguchi.forms.FormSamples.person;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 異体字 picker in real Chromium, by keyboard: staff type 辻 into a family name, open the
 * picker, choose 辻󠄂 (U+8FBB U+E0102) from the glyphs the server draws, save; the form
 * printed for the notification then shows another glyph for the family name than for the
 * filer's plain 辻.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VariantPickerBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAdministration users;

	@Autowired
	GroupAdministration groups;

	@Autowired
	JdbcClient jdbc;

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
	void staffPickTheTwoDotTsujiAndTheFormPrintsItsOwnGlyph() throws Exception {
		chromium = Chromium.screen(1280, 900);
		WebDriver browser = chromium.driver();
		String user = StaffAccounts.userWith(users, groups, jdbc, "picker", Set.of(Permission.NOTIFICATION_EDIT));
		StaffAccounts.signIn(browser, url(""), user, StaffAccounts.PASSWORD);
		browser.get(url("/notifications/new"));

		WebElement family = field(browser, "persons[0].familyName");
		family.sendKeys("辻");
		WebElement open = family.findElement(By.xpath("following-sibling::button[@data-variant-open]"));
		assertThat(open.getDomAttribute("aria-label")).as("the button names its field").isEqualTo("異体字（氏）");
		open.sendKeys(Keys.ENTER);

		WebElement base = chromium.visible("#variant-picker-base");
		assertThat(browser.switchTo().activeElement()).isEqualTo(base);
		assertThat(base.getDomProperty("value")).as("the character before the caret").isEqualTo("辻");
		chromium.await((d) -> d.findElements(By.cssSelector(".variant-picker__choice")).size() == 3);
		assertThat(browser.findElements(By.cssSelector(".variant-picker__choice"))
			.stream()
			.map((b) -> b.getDomAttribute("data-code-points"))
			.toList()).containsExactly("U+8FBB", "U+8FBB U+E0102", "U+8FBB U+E0103");
		assertThat(browser.findElement(By.id("variant-picker-status")).getText()).contains("3件");
		chromium.await((d) -> (Boolean) chromium.script(
				"return Array.from(document.querySelectorAll('.variant-picker__glyph')).every(i => i.complete && i.naturalWidth > 0)"));
		Axe.assertClean(chromium, "notification with the variant picker open");

		// keyboard only: Enter in the character field moves to the first glyph, the arrow
		// key to the next, Enter picks it
		base.sendKeys(Keys.ENTER);
		browser.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
		WebElement chosen = browser.switchTo().activeElement();
		assertThat(chosen.getDomAttribute("data-code-points")).isEqualTo("U+8FBB U+E0102");
		chosen.sendKeys(Keys.ENTER);

		chromium.await((d) -> !d.findElement(By.id("variant-picker")).isDisplayed());
		assertThat(family.getDomProperty("value")).isEqualTo(TSUJI_TWO_DOTS);
		assertThat(browser.switchTo().activeElement()).as("focus back on the field").isEqualTo(family);

		fill(browser);
		browser.findElement(By.cssSelector("button[name='_action'][value='save']")).click();
		String id = chromium.await((d) -> d.getCurrentUrl().matches(".*/notifications/[0-9a-f-]{36}$")
				? d.getCurrentUrl().substring(d.getCurrentUrl().lastIndexOf('/') + 1) : null);
		assertThat(jdbc
			.sql("select content -> 'persons' -> 0 ->> 'familyName' from moving.notifications where id = ?::uuid")
			.param(id)
			.query(String.class)
			.single()).isEqualTo(TSUJI_TWO_DOTS);

		byte[] pdf = firstForm(browser, id);
		Map<String, Set<String>> codes = glyphCodes(pdf);
		assertThat(codes).as("the printed form holds both names").containsKeys(TSUJI_TWO_DOTS, "辻");
		assertThat(codes.get(TSUJI_TWO_DOTS)).as("辻󠄂 prints with another glyph than 辻")
			.doesNotContainAnyElementsOf(codes.get("辻"));

		// and as an image: the family-name cell of a form differs from one with plain 辻
		String saved = jdbc
			.sql("select content -> 'persons' -> 0 ->> 'familyName' from moving.notifications where id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
		BufferedImage picked = rasterise(FormSamples.renderer()
			.render(FormSamples.simple(), data(KUSHIRO, person(saved, "太郎", "ツジ", "タロウ", LocalDate.of(1980, 4, 1))),
					null, FormRendererTests.AT));
		BufferedImage plain = rasterise(FormSamples.renderer()
			.render(FormSamples.simple(), data(KUSHIRO, person("辻", "太郎", "ツジ", "タロウ", LocalDate.of(1980, 4, 1))), null,
					FormRendererTests.AT));
		assertThat(differingPixels(picked, plain, new int[] { mm(20), mm(60), mm(80), mm(14) })).isGreaterThan(20);
	}

	@Test
	void aPastedSequenceTheFontLacksIsRefusedInThePicker() {
		chromium = Chromium.screen(1280, 900);
		WebDriver browser = chromium.driver();
		String user = StaffAccounts.userWith(users, groups, jdbc, "picker", Set.of(Permission.NOTIFICATION_EDIT));
		StaffAccounts.signIn(browser, url(""), user, StaffAccounts.PASSWORD);
		browser.get(url("/notifications/new"));

		WebElement given = field(browser, "persons[0].givenName");
		given.findElement(By.xpath("following-sibling::button[@data-variant-open]")).click();
		WebElement base = chromium.visible("#variant-picker-base");
		chromium.type(base, "辻\uDB40\uDDEF");
		WebElement status = browser.findElement(By.id("variant-picker-status"));
		chromium.await((d) -> status.getText().contains("印字フォントにない異体字"));
		assertThat(status.getText()).contains("U+8FBB U+E01EF");
		assertThat(browser.findElements(By.cssSelector(".variant-picker__choice"))).isEmpty();
		base.sendKeys(Keys.ESCAPE);
		chromium.await((d) -> !d.findElement(By.id("variant-picker")).isDisplayed());
		assertThat(given.getDomProperty("value")).isEmpty();
	}

	@Test
	void theResidentsWizardOffersThePickerOnItsNameFields() {
		chromium = Chromium.screen(1280, 900);
		WebDriver browser = chromium.driver();
		browser.get(url("/public/prefiling?lang=ja"));
		browser.findElement(By.cssSelector("label[for='type-MOVE_IN']")).click();
		chromium.visible("[data-step='1'] [data-action='next']").click();
		chromium.visible("[data-step='2'] [data-action='next']").click();
		chromium.visible("[data-step='3'] [data-action='next']").click();

		WebElement family = chromium.visible("#persons0\\.familyName");
		family.sendKeys("辻");
		WebElement open = family.findElement(By.xpath("following-sibling::button[@data-variant-open]"));
		open.click();
		chromium
			.await((d) -> d.findElements(By.cssSelector(".variant-picker__choice[data-code-points='U+8FBB U+E0102']"))
				.size() == 1);
		browser.findElement(By.cssSelector(".variant-picker__choice[data-code-points='U+8FBB U+E0102']")).click();
		chromium.await((d) -> TSUJI_TWO_DOTS.equals(family.getDomProperty("value")));
		assertThat(open.getDomAttribute("aria-label")).isEqualTo("異体字（氏）");
	}

	private void fill(WebDriver browser) {
		chromium.type(field(browser, "movedOn"), LocalDate.now().minusDays(3).toString());
		chromium.type(field(browser, "newAddress.prefecture"), "北海道");
		chromium.type(field(browser, "newAddress.city"), "釧路市");
		chromium.type(field(browser, "newAddress.town"), "黒金町");
		chromium.type(field(browser, "newAddress.block"), "7丁目5番地");
		chromium.type(field(browser, "previousAddress.prefecture"), "北海道");
		chromium.type(field(browser, "previousAddress.city"), "札幌市中央区");
		chromium.type(field(browser, "persons[0].givenName"), "太郎");
		chromium.type(field(browser, "persons[0].familyNameKana"), "ツジ");
		chromium.type(field(browser, "persons[0].givenNameKana"), "タロウ");
		chromium.type(field(browser, "persons[0].birthDate"), "1980-04-01");
		new Select(field(browser, "persons[0].sex")).selectByValue("MALE");
		chromium.type(field(browser, "filerName"), "辻 太郎");
	}

	private byte[] firstForm(WebDriver browser, String id) throws IOException, InterruptedException {
		String cookies = browser.manage()
			.getCookies()
			.stream()
			.map((c) -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> list = http
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/notifications/" + id + "/forms")))
				.header("Cookie", cookies)
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
		JsonNode forms = json.readTree(list.body());
		String formId = forms.get(0).get("formId").asString();
		HttpResponse<byte[]> pdf = http
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/notifications/" + id + "/forms/" + formId + ".pdf")))
				.header("Cookie", cookies)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).as(new String(pdf.body())).isEqualTo(200);
		return pdf.body();
	}

	/**
	 * The character codes (glyphs of the embedded font) each extracted text is shown
	 * with.
	 */
	private static Map<String, Set<String>> glyphCodes(byte[] pdf) throws IOException {
		Map<String, Set<String>> codes = new HashMap<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper() {
				@Override
				protected void writeString(String text, List<TextPosition> positions) {
					for (TextPosition position : positions) {
						codes.computeIfAbsent(position.getUnicode(), (k) -> new java.util.TreeSet<>())
							.add(position.getFont().getName() + ":"
									+ java.util.Arrays.toString(position.getCharacterCodes()));
					}
				}
			};
			stripper.getText(document);
		}
		return codes;
	}

	private static WebElement field(WebDriver browser, String name) {
		return browser.findElement(By.name(name));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
