package jp.madoguchi.moving;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.GroupDefinition;
import jp.madoguchi.accounts.domain.NewUser;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.cardagent.CardAgent;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.EmulatedCard;
import jp.madoguchi.support.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A foreign resident's move-in filled from the residence card in real Chromium: page →
 * card agent (in this JVM, configured with the emulator's test issuer) → pcscd → vpcd →
 * the emulated residence card. A wrong card number is refused by the card and leaves the
 * form untouched; the right one fills the names, the foreign-resident items and the
 * previous address, and the findings propose the 住居地 endorsement.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResidenceCardReadingBrowserTests {

	private static final String TOKEN = "residence-card-browser-token";

	private static final int AGENT_PORT = FreePorts.next();

	private static final String PASSWORD = "residence-card-password-1";

	private static EmulatedCard card;

	private static CardAgent agent;

	@LocalServerPort
	int port;

	@Autowired
	UserAdministration users;

	@Autowired
	GroupAdministration groups;

	@Autowired
	JdbcClient jdbc;

	private Chromium chromium;

	private WebDriver browser;

	@DynamicPropertySource
	static void cardAgent(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.card-agent.url", () -> "http://127.0.0.1:" + AGENT_PORT);
		registry.add("madoguchi.card-agent.token", () -> TOKEN);
	}

	@BeforeAll
	static void insertCard() throws Exception {
		card = EmulatedCard.insert("residence-card.json");
	}

	@AfterAll
	static void removeCard() throws Exception {
		if (agent != null) {
			agent.stop();
		}
		if (card != null) {
			card.remove();
		}
	}

	@AfterEach
	void closeBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void theCounterFillsAForeignResidentsMoveInFromTheResidenceCard() throws Exception {
		if (agent == null) {
			agent = CardAgent.start(new CardAgent.Settings(AGENT_PORT, "http://localhost:" + this.port, TOKEN,
					Path.of("..", "card", "profiles", "test-issuer.pem")));
		}
		this.chromium = Chromium.screen(1280, 900);
		this.browser = this.chromium.driver();
		WebDriverWait wait = Chromium.patience(this.browser, Duration.ofSeconds(30));
		signIn(userWith(Set.of(Permission.NOTIFICATION_EDIT)));
		this.browser.get(url("/notifications/new"));

		this.browser.findElement(By.cssSelector("button[data-card-read][data-person='0']")).click();
		this.browser.findElement(By.cssSelector("label[for='card-type-residence']")).click();
		WebElement number = this.browser.findElement(By.id("card-number"));
		wait.until((driver) -> number.isDisplayed());
		assertThat(this.browser.findElement(By.id("card-pin")).isDisplayed()).isFalse();

		// One character off: the card refuses the authentication, nothing is filled.
		number.sendKeys("AB12345678CE");
		this.browser.findElement(By.cssSelector("[data-card-submit]")).click();
		WebElement detail = this.browser.findElement(By.cssSelector("[data-card-detail]"));
		wait.until((driver) -> detail.getText().contains("番号を確認"));
		assertThat(this.browser.findElement(By.cssSelector("[data-card-remaining]")).isDisplayed()).isFalse();
		assertThat(field("persons[0].familyName").getAttribute("value")).isEmpty();
		WebElement photo = this.browser.findElement(By.cssSelector("[data-card-photo]"));
		assertThat(photo.isDisplayed()).isFalse();

		number.clear();
		number.sendKeys("ab12345678cd");
		this.browser.findElement(By.cssSelector("[data-card-submit]")).click();
		wait.until((driver) -> "NGUYEN".equals(field("persons[0].familyName").getAttribute("value")));
		assertThat(field("persons[0].givenName").getAttribute("value")).isEqualTo("VAN AN");
		assertThat(field("persons[0].birthDate").getAttribute("value")).isEqualTo("2001-07-15");
		assertThat(new Select(field("persons[0].sex")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("MALE");
		assertThat(field("persons[0].foreignResident").isSelected()).isTrue();
		assertThat(field("persons[0].nameAlphabet").getAttribute("value")).isEqualTo("NGUYEN VAN AN");
		assertThat(field("persons[0].nationality").getAttribute("value")).isEqualTo("ベトナム");
		assertThat(new Select(field("persons[0].category")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("MID_TO_LONG_TERM");
		assertThat(field("persons[0].residenceStatus").getAttribute("value")).isEqualTo("特定技能１号");
		assertThat(field("persons[0].periodOfStayEndsOn").getAttribute("value")).isEqualTo("2029-10-31");
		assertThat(field("persons[0].residenceCardNumber").getAttribute("value")).isEqualTo("AB12345678CD");
		// The present 住居地 on the back is where the person lived until now.
		assertThat(field("previousAddress.prefecture").getAttribute("value")).isEqualTo("北海道");
		assertThat(field("previousAddress.city").getAttribute("value")).isEqualTo("釧路市");
		assertThat(field("previousAddress.town").getAttribute("value")).isEqualTo("錦町２丁目４番　錦町寮２０３号");
		// The dialog stays open with the reminder; the findings propose the endorsement.
		assertThat(detail.getText()).contains("裏面に新しい住居地を記載");
		// The card's face photo (JPEG 2000, a PNG from the agent) for the identity check.
		assertThat(photo.isDisplayed()).isTrue();
		WebElement image = photo.findElement(By.tagName("img"));
		JavascriptExecutor script = (JavascriptExecutor) this.browser;
		wait.until(
				(driver) -> Long.valueOf(60).equals(script.executeScript("return arguments[0].naturalWidth", image)));
		assertThat(script.executeScript("return arguments[0].naturalHeight", image)).isEqualTo(75L);
		assertThat(this.browser.findElement(By.cssSelector("[data-card-remaining]")).isDisplayed()).isFalse();
		this.browser.findElement(By.cssSelector("#card-dialog button[value='close']")).click();
		wait.until((driver) -> driver.findElement(By.id("findings")).getText().contains("住居地の届出を兼ねます"));
		assertThat(this.browser.findElement(By.id("findings")).getText()).doesNotContain("在留期間の満了日");
	}

	private WebElement field(String name) {
		return this.browser.findElement(By.name(name));
	}

	private void signIn(String username) {
		this.browser.get(url("/login"));
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		Chromium.patience(this.browser, Duration.ofSeconds(10))
			.until((driver) -> !driver.getCurrentUrl().contains("/login"));
	}

	private String userWith(Set<Permission> permissions) {
		String suffix = String.valueOf(System.nanoTime());
		groups.createGroup(new GroupDefinition("residence-group-" + suffix, "", permissions));
		users.createUser(
				new NewUser("residence-user-" + suffix, "在留 職員", PASSWORD, List.of("residence-group-" + suffix)));
		jdbc.sql("update accounts.users set must_change_password = false where username = ?")
			.param("residence-user-" + suffix)
			.update();
		return "residence-user-" + suffix;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
