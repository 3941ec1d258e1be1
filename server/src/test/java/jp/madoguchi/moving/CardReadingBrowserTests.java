package jp.madoguchi.moving;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.GroupDefinition;
import jp.madoguchi.accounts.domain.NewUser;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.cardagent.CardAgent;
import jp.madoguchi.support.EmulatedCard;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
 * The counter page in real Chromium fills a person from a card: page → card agent (in
 * this JVM, on its own port) → javax.smartcardio → pcscd → vpcd → the emulated My Number
 * card. The PIN goes from the page to the agent only. The notification screen fills a
 * person; the reception board fills the new reception's name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CardReadingBrowserTests {

	private static final String TOKEN = "browser-test-pairing-token";

	private static final int AGENT_PORT = FreePorts.next();

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
		card = EmulatedCard.insert("my-number-card.json");
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
	void theCounterPageFillsAPersonFromTheMyNumberCard() throws Exception {
		startAgentFor("http://localhost:" + this.port);
		this.chromium = Chromium.screen(1280, 900);
		this.browser = this.chromium.driver();
		WebDriverWait wait = Chromium.patience(this.browser, Duration.ofSeconds(30));
		signIn(userWith(Set.of(Permission.NOTIFICATION_EDIT)));
		this.browser.get(url("/notifications/new"));

		this.browser.findElement(By.cssSelector("button[data-card-read][data-person='0']")).click();
		WebElement pin = this.browser.findElement(By.id("card-pin"));
		pin.sendKeys("0000");
		this.browser.findElement(By.cssSelector("[data-card-submit]")).click();
		WebElement remaining = this.browser.findElement(By.cssSelector("[data-card-remaining]"));
		wait.until((driver) -> remaining.isDisplayed());
		assertThat(remaining.getText()).contains("2回");
		assertThat(this.browser.findElement(By.cssSelector("[data-card-detail]")).getText()).contains("暗証番号が違います");
		assertThat(pin.getAttribute("value")).isEmpty();
		assertThat(field("persons[0].familyName").getAttribute("value")).isEmpty();

		pin.sendKeys("1234");
		this.browser.findElement(By.cssSelector("[data-card-submit]")).click();
		wait.until((driver) -> "渡邊".equals(field("persons[0].familyName").getAttribute("value")));
		assertThat(field("persons[0].givenName").getAttribute("value")).isEqualTo("一郎");
		assertThat(field("persons[0].birthDate").getAttribute("value")).isEqualTo("1985-04-02");
		assertThat(new Select(field("persons[0].sex")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("MALE");
		wait.until((driver) -> "123456789018".equals(field("persons[0].myNumber").getAttribute("value")));
		assertThat(field("previousAddress.prefecture").getAttribute("value")).isEqualTo("北海道");
		assertThat(field("previousAddress.city").getAttribute("value")).isEqualTo("釧路市");
		assertThat(field("previousAddress.town").getAttribute("value")).isEqualTo("黒金町７丁目５番地　釧路マンション１０１号");
		assertThat(this.browser.findElement(By.id("card-dialog")).isDisplayed()).isFalse();
	}

	@Test
	void theLicenceFillsThePersonAndWithPinTwoItsRegisteredDomicile() throws Exception {
		card.remove();
		card = EmulatedCard.insert("drivers-license.json");
		try {
			startAgentFor("http://localhost:" + this.port);
			this.chromium = Chromium.screen(1280, 900);
			this.browser = this.chromium.driver();
			WebDriverWait wait = Chromium.patience(this.browser, Duration.ofSeconds(30));
			signIn(userWith(Set.of(Permission.NOTIFICATION_EDIT)));
			this.browser.get(url("/notifications/new"));

			this.browser.findElement(By.cssSelector("button[data-card-read][data-person='0']")).click();
			WebElement pin2Field = this.browser.findElement(By.cssSelector("[data-card-pin2-field]"));
			assertThat(pin2Field.isDisplayed()).as("PIN 2 is for the licence only").isFalse();
			this.browser.findElement(By.cssSelector("label[for='card-type-licence']")).click();
			assertThat(pin2Field.isDisplayed()).isTrue();

			// a wrong PIN 2: nothing filled, the tries of PIN 2 shown
			this.browser.findElement(By.id("card-pin")).sendKeys("1234");
			// Enter in the PIN field reads the card, as the 読み取る button does
			this.browser.findElement(By.id("card-pin2")).sendKeys("0000", Keys.ENTER);
			WebElement remaining = this.browser.findElement(By.cssSelector("[data-card-remaining]"));
			wait.until((driver) -> remaining.isDisplayed());
			assertThat(remaining.getText()).contains("2回");
			assertThat(this.browser.findElement(By.id("card-pin2")).getAttribute("value")).isEmpty();
			assertThat(field("persons[0].registeredDomicile").getAttribute("value")).isEmpty();

			this.browser.findElement(By.id("card-pin")).sendKeys("1234");
			this.browser.findElement(By.id("card-pin2")).sendKeys("5678", Keys.ENTER);
			wait.until(
					(driver) -> "北海道釧路市黒金町７丁目５番地".equals(field("persons[0].registeredDomicile").getAttribute("value")));
			assertThat(field("persons[0].familyName").getAttribute("value")).isEqualTo("渡邊");
			assertThat(field("persons[0].givenName").getAttribute("value")).isEqualTo("花子");
			assertThat(field("persons[0].myNumberCard").isSelected()).isFalse();
			// With PIN 2 the card's face photo comes too (JPEG 2000 on the card, a PNG
			// from
			// the agent): the dialog stays open and shows it for the identity check.
			WebElement photo = this.browser.findElement(By.cssSelector("[data-card-photo]"));
			wait.until((driver) -> photo.isDisplayed());
			WebElement image = photo.findElement(By.tagName("img"));
			assertThat(image.getAttribute("src")).startsWith("data:image/png;base64,");
			JavascriptExecutor script = (JavascriptExecutor) this.browser;
			wait.until((driver) -> Long.valueOf(48)
				.equals(script.executeScript("return arguments[0].naturalWidth", image)));
			assertThat(script.executeScript("return arguments[0].naturalHeight", image)).isEqualTo(60L);
			assertThat(this.browser.findElement(By.cssSelector("[data-card-detail]")).getText())
				.contains("顔写真とご本人を見比べて");
			// Shown only: no field of the notification form carries it to the server.
			assertThat(script.executeScript("return Array.from(document.querySelectorAll('form:not([method=dialog]) "
					+ "input, form:not([method=dialog]) textarea')).some((e) => (e.value || '').includes('iVBOR'))"))
				.isEqualTo(false);
			this.browser.findElement(By.cssSelector("#card-dialog button[value='close']")).click();
			wait.until((driver) -> !driver.findElement(By.id("card-dialog")).isDisplayed());
			assertThat(image.getDomAttribute("src")).as("the photo is dropped with the dialog").isNull();
		}
		finally {
			card.remove();
			card = EmulatedCard.insert("my-number-card.json");
		}
	}

	@Test
	void theReceptionBoardTakesTheNameFromTheCard() throws Exception {
		startAgentFor("http://localhost:" + this.port);
		this.chromium = Chromium.screen(1280, 900);
		this.browser = this.chromium.driver();
		WebDriverWait wait = Chromium.patience(this.browser, Duration.ofSeconds(30));
		signIn(userWith(Set.of(Permission.RECEPTION)));
		this.browser.get(url("/reception?queue=moving"));

		this.browser.findElement(By.cssSelector("button[data-card-read][data-card-fill='reception']")).click();
		assertThat(this.browser.findElements(By.id("card-with-my-number"))).isEmpty();
		WebElement pin = this.browser.findElement(By.id("card-pin"));
		pin.sendKeys("9999");
		this.browser.findElement(By.cssSelector("[data-card-submit]")).click();
		WebElement remaining = this.browser.findElement(By.cssSelector("[data-card-remaining]"));
		wait.until((driver) -> remaining.isDisplayed());
		assertThat(remaining.getText()).contains("2回");
		assertThat(field("name").getAttribute("value")).isEmpty();
		assertThat(field("source").getAttribute("value")).isEqualTo("SCRATCH");

		pin.sendKeys("1234");
		this.browser.findElement(By.cssSelector("[data-card-submit]")).click();
		wait.until((driver) -> "渡邊　一郎".equals(field("name").getAttribute("value")));
		assertThat(field("source").getAttribute("value")).isEqualTo("CARD");
		wait.until((driver) -> !driver.findElement(By.id("card-dialog")).isDisplayed());

		this.browser.findElement(By.cssSelector("form[action='/reception/receptions'] button[type=submit]")).click();
		wait.until((driver) -> driver.getCurrentUrl().endsWith("/slip"));
		String id = this.browser.getCurrentUrl().split("/")[5];
		assertThat(jdbc.sql("select source from reception.receptions where id = ?::uuid")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("CARD");
	}

	private WebElement field(String name) {
		return this.browser.findElement(By.name(name));
	}

	private static synchronized void startAgentFor(String origin) throws Exception {
		if (agent == null) {
			agent = CardAgent.start(new CardAgent.Settings(AGENT_PORT, origin, TOKEN));
		}
	}

	private void signIn(String username) {
		this.browser.get(url("/login"));
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		Chromium.patience(this.browser, Duration.ofSeconds(10))
			.until((driver) -> !driver.getCurrentUrl().contains("/login"));
	}

	private static final String PASSWORD = "card-reading-password-1";

	private String userWith(Set<Permission> permissions) {
		String suffix = String.valueOf(System.nanoTime());
		groups.createGroup(new GroupDefinition("card-group-" + suffix, "", permissions));
		users.createUser(new NewUser("card-user-" + suffix, "カード 職員", PASSWORD, List.of("card-group-" + suffix)));
		jdbc.sql("update accounts.users set must_change_password = false where username = ?")
			.param("card-user-" + suffix)
			.update();
		return "card-user-" + suffix;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
