package jp.madoguchi.forms;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.StaffAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Interactive;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The tablet's signature walk in real Chromium for 印鑑登録 of two adults: the page asks for
 * two signatures, each naming the person and the forms it covers (印鑑登録申請書 for both); the
 * first person signs with the pen, the page chooses the second, who signs; each
 * applicant's own seal sheet then carries their own strokes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SealSignatureWalkBrowserTests {

	static final RequestPostProcessor CLERK = user("clerk-seal-walk").authorities(() -> "NOTIFICATION_EDIT");

	static final String HUSBAND = "辻\uDB40\uDD02 太郎";

	static final String WIFE = "辻\uDB40\uDD02 花子";

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

	@Autowired
	WebApplicationContext context;

	private Chromium chromium;

	@AfterEach
	void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void twoAdultsRegisteringTheirSealsAreAskedForTwoSignaturesAndEachSignsTheirOwnSheet() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		String id = FormApiTests.createNotification(mvc, CLERK, twoAdultsMovingIn());
		byte[] unsigned = sealSheets(mvc, id);

		chromium = Chromium.screen(1280, 900);
		WebDriver browser = chromium.driver();
		String staff = StaffAccounts.userWith(users, groups, jdbc, "sealwalk", Set.of(Permission.NOTIFICATION_EDIT));
		StaffAccounts.signIn(browser, url(""), staff, StaffAccounts.PASSWORD);
		browser.get(url("/forms/notifications/" + id + "/sign"));

		List<WebElement> signers = chromium.await((d) -> {
			List<WebElement> found = d.findElements(By.cssSelector("input[name='signer']"));
			return found.isEmpty() ? null : found;
		});
		assertThat(signers).as("two signatures asked for").hasSize(2);
		assertThat(signers.stream().map((s) -> s.getDomAttribute("value")).toList()).containsExactly(HUSBAND, WIFE);
		List<String> labels = new ArrayList<>();
		for (WebElement signer : signers) {
			labels.add(
					browser.findElement(By.cssSelector("label[for='" + signer.getDomAttribute("id") + "']")).getText());
		}
		assertThat(labels.get(0)).contains(HUSBAND, "住民異動届", "印鑑登録申請書", "未署名");
		assertThat(labels.get(1)).contains(WIFE, "印鑑登録申請書", "未署名").doesNotContain("住民異動届");
		assertThat(signers.get(0).isSelected()).as("the first person is chosen").isTrue();

		WebElement canvas = chromium.visible("[data-signature-pad] canvas");
		sign(browser, canvas, 0);
		browser.findElement(By.cssSelector("[data-signature-submit]")).click();
		// the page walks on: the husband has signed, the wife is chosen
		chromium.await((d) -> d.findElement(By.id("signer-1")).isSelected());
		assertThat(browser.findElement(By.cssSelector("label[for='signer-0'] [data-signer-state]")).getText())
			.isEqualTo("署名済み");
		assertThat(browser.findElement(By.cssSelector("label[for='signer-1'] [data-signer-state]")).getText())
			.isEqualTo("未署名");

		sign(browser, canvas, 1);
		browser.findElement(By.cssSelector("[data-signature-submit]")).click();
		chromium.await((d) -> "署名済み"
			.equals(d.findElement(By.cssSelector("label[for='signer-1'] [data-signer-state]")).getText()));

		// two signatures stored, one per person, each bound to the forms it covers
		assertThat(jdbc.sql("select signer from forms.signatures where notification_id = ?::uuid order by signed_at")
			.param(id)
			.query(String.class)
			.list()).containsExactly(HUSBAND, WIFE);
		assertThat(jdbc.sql(
				"select jsonb_exists(form_hashes, 'seal-registration') from forms.signatures where notification_id = ?::uuid")
			.param(id)
			.query(Boolean.class)
			.list()).containsExactly(true, true);
		JsonNode needed = json
			.readTree(mvc.perform(get("/api/v1/notifications/" + id + "/signature/needed").with(CLERK))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
		needed.forEach((n) -> assertThat(n.get("signed").asBoolean()).as(n.get("name").asString()).isTrue());
		// one sheet per applicant, each now signed: both differ from the unsigned sheets
		byte[] signed = sealSheets(mvc, id);
		assertThat(FormApiTests.differing(FormApiTests.page(unsigned, 0), FormApiTests.page(signed, 0))).isPositive();
		assertThat(FormApiTests.differing(FormApiTests.page(unsigned, 1), FormApiTests.page(signed, 1))).isPositive();
	}

	static byte[] sealSheets(MockMvc mvc, String id) throws Exception {
		return mvc.perform(get("/api/v1/notifications/" + id + "/forms/seal-registration.pdf").with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	/** A married couple moving in, both adults, both asking to register a seal. */
	static String twoAdultsMovingIn() {
		LocalDate today = LocalDate.now();
		return """
				{"type":"MOVE_IN","variant":"DOMESTIC","movedOn":"%s","filedOn":"%s",
				 "newAddress":{"postalCode":"0850000","prefecture":"北海道","city":"釧路市","town":"黒金町","block":"7丁目5番地","building":"窓口ハイツ 203号室"},
				 "previousAddress":{"prefecture":"北海道","city":"札幌市中央区","town":"北一条西","block":"2丁目","building":""},
				 "household":{"headName":null,"newHousehold":true},
				 "persons":[
				  {"familyName":"辻\uDB40\uDD02","givenName":"太郎","familyNameKana":"ツジ","givenNameKana":"タロウ","birthDate":"1980-04-01","sex":"MALE","relationship":"世帯主","myNumberCard":true,"facts":{"healthInsurance":"EMPLOYEE"}},
				  {"familyName":"辻\uDB40\uDD02","givenName":"花子","familyNameKana":"ツジ","givenNameKana":"ハナコ","birthDate":"1982-06-03","sex":"FEMALE","relationship":"妻","myNumberCard":true,"facts":{"healthInsurance":"EMPLOYEE"}}],
				 "filer":{"kind":"SELF","name":"辻\uDB40\uDD02 太郎","phone":"0154-00-0000","powerOfAttorney":false},
				 "identityDocuments":["MY_NUMBER_CARD"]}"""
			.formatted(today.minusDays(3), today);
	}

	/**
	 * A signature with the pen (pressure 0.6): a wave across the pad, shifted per person
	 * so the two signatures differ.
	 */
	private static void sign(WebDriver browser, WebElement canvas, int person) {
		PointerInput pen = new PointerInput(PointerInput.Kind.PEN, "pen");
		Sequence strokes = new Sequence(pen, 0);
		PointerInput.PointerEventProperties pressed = PointerInput.eventProperties().setPressure(0.6f);
		PointerInput.Origin pad = PointerInput.Origin.fromElement(canvas);
		strokes.addAction(pen.createPointerMove(Duration.ZERO, pad, -300, -20 + person * 30));
		strokes.addAction(pen.createPointerDown(PointerInput.MouseButton.LEFT.asArg(), pressed));
		for (int i = 1; i <= 30; i++) {
			strokes.addAction(pen.createPointerMove(Duration.ofMillis(15), pad, -300 + i * 20,
					(int) (-20 + person * 30 + 35 * Math.sin(i / 3.0)), pressed));
		}
		strokes.addAction(pen.createPointerUp(PointerInput.MouseButton.LEFT.asArg(), pressed));
		((Interactive) browser).perform(List.of(strokes));
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

}
