package jp.madoguchi.journeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.cardagent.CardAgent;
import jp.madoguchi.journeys.CounterJourneyInputs.Actor;
import jp.madoguchi.support.Axe;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.EmulatedCard;
import jp.madoguchi.support.FreePorts;
import jp.madoguchi.support.PairedTerminals;
import jp.madoguchi.support.StaffAccounts;
import jp.madoguchi.terminals.Terminals;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Residents the city already knows (issue 18), in real Chromium: a 転居 of three of a
 * family of four found by the filer's My Number card (emulated card → pcscd → card agent
 * → the household search), a 世帯主変更 from the record, and a 特例転入 started from a called
 * ticket issued for the data sent ahead. Every click and key goes through
 * {@link CounterJourneyInputs}; the figures go to
 * {@code target/journey/resident-record.md} and are bounded here by what was measured
 * (docs/performance.md). The names on the printed 住民異動届 (poppler's text) and in the
 * outbox document are the record's, code point for code point, variation selectors
 * included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "madoguchi.resident-record.mode=file", "madoguchi.resident-record.poll-interval=100ms" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ResidentRecordJourneyBrowserTests {

	/** 転居 by card read: clicks, from the card read to 受理 (issue 18: at most 12). */
	static final int MAX_MOVE_WITHIN_CLICKS = 11;

	/** 転居 by card read: keys (postal code, block, date; issue 18: at most 25). */
	static final int MAX_MOVE_WITHIN_KEYS = 19;

	/**
	 * 世帯主変更 from the record: the name searched in kana, the new head chosen on the
	 * household page, and the date.
	 */
	static final int MAX_HEAD_CHANGE_CLICKS = 7;

	static final int MAX_HEAD_CHANGE_KEYS = 11;

	/** 特例転入 from a called ticket: from 発券 to 受理. */
	static final int MAX_SPECIAL_MOVE_IN_CLICKS = 6;

	static final int MAX_SPECIAL_MOVE_IN_KEYS = 8;

	static final Path FIGURES = Path.of("target", "journey", "resident-record.md");

	/** 渡邉 with the variation selector U+E0110 (IPAmj明朝 has it); the card says 渡邊. */
	static final String WATANABE = "渡邉\uDB40\uDD10";

	static final String KASAI = "葛\uDB40\uDD02西";

	static final String YOSHIDA = "\uD842\uDFB7田";

	static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

	private static final int AGENT_PORT = FreePorts.next();

	private static final Path FOLDER = folder();

	private static final Path OUTBOX = FOLDER.resolve("outbox");

	private static final Path SNAPSHOT = FOLDER.resolve("residents.jsonl");

	private static EmulatedCard card;

	private static CardAgent agent;

	private static PairedTerminals.Paired terminal;

	private static final StringBuilder figures = new StringBuilder();

	@DynamicPropertySource
	static void peers(DynamicPropertyRegistry registry) throws Exception {
		Files.createDirectories(OUTBOX);
		writeSnapshot(LocalDate.now(ZoneId.of("Asia/Tokyo")));
		registry.add("madoguchi.resident-record.lookup.snapshot", SNAPSHOT::toString);
		registry.add("madoguchi.resident-record.file.outbox", OUTBOX::toString);
	}

	/**
	 * The record, with data sent ahead for a visit planned on {@code today}. Written
	 * again by the test that needs "today": a run may cross midnight in Tokyo after the
	 * context started, and the lookup reads the file again when it changes.
	 */
	static void writeSnapshot(LocalDate today) throws IOException {
		String kurogane = "{\"postalCode\":\"0850018\",\"prefecture\":\"北海道\",\"city\":\"釧路市\",\"town\":\"黒金町\","
				+ "\"block\":\"7丁目5番地\",\"building\":\"釧路マンション101号\"}";
		String nusamai = "{\"postalCode\":\"0850836\",\"prefecture\":\"北海道\",\"city\":\"釧路市\",\"town\":\"幣舞町\","
				+ "\"block\":\"4番28号\",\"building\":\"\"}";
		List<String> lines = new ArrayList<>();
		lines.add(resident("J0000001", "JH001", WATANABE, "一郎", "イチロウ", "1985-04-02", "MALE", "世帯主", WATANABE + " 一郎",
				kurogane));
		lines.add(resident("J0000002", "JH001", WATANABE, "花子", "ハナコ", "1987-08-15", "FEMALE", "妻", WATANABE + " 一郎",
				kurogane));
		lines.add(resident("J0000003", "JH001", WATANABE, "陽菜", "ヒナ", "2015-05-05", "FEMALE", "子", WATANABE + " 一郎",
				kurogane));
		lines.add(resident("J0000004", "JH001", WATANABE, "蒼", "アオイ", "2021-10-01", "MALE", "子", WATANABE + " 一郎",
				kurogane));
		lines.add(resident("J0000011", "JH002", KASAI, "正", "マサシ", "1950-03-03", "MALE", "世帯主", KASAI + " 正", nusamai));
		lines
			.add(resident("J0000012", "JH002", KASAI, "和子", "カズコ", "1952-06-06", "FEMALE", "妻", KASAI + " 正", nusamai));
		lines.add("{\"kind\":\"SENT_AHEAD\",\"noticeId\":\"JT000001\",\"plannedMoveOutDate\":\"" + today.minusDays(3)
				+ "\",\"plannedVisitDate\":\"" + today + "\",\"previousAddress\":{\"postalCode\":\"0600001\","
				+ "\"prefecture\":\"北海道\",\"city\":\"札幌市中央区\",\"town\":\"北一条西\",\"block\":\"2丁目1番地\","
				+ "\"building\":\"\"},\"newAddress\":" + kurogane.replace("7丁目5番地", "7丁目6番地")
				+ ",\"headOfHousehold\":\"" + YOSHIDA + " 健太\",\"persons\":["
				+ person(YOSHIDA, "健太", "ケンタ", "1988-02-29", "MALE", "世帯主") + ","
				+ person(YOSHIDA, "葵", "アオイ", "1990-07-07", "FEMALE", "妻") + "]}");
		// whole or not at all: the lookup may be reading it
		Path next = FOLDER.resolve("residents.jsonl.next");
		Files.write(next, lines, StandardCharsets.UTF_8);
		Files.move(next, SNAPSHOT, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	UserAdministration users;

	@Autowired
	GroupAdministration groups;

	@Autowired
	JdbcClient jdbc;

	private MockMvc mvc;

	@BeforeAll
	static void insertCard() throws Exception {
		card = EmulatedCard.insert("my-number-card.json");
	}

	@AfterAll
	static void stopPeers() throws Exception {
		if (agent != null) {
			agent.stop();
		}
		if (card != null) {
			card.remove();
		}
		Files.createDirectories(FIGURES.toAbsolutePath().getParent());
		Files.writeString(FIGURES, figures.toString(), StandardCharsets.UTF_8);
		FileSystemUtils.deleteRecursively(FOLDER.toFile());
	}

	@BeforeEach
	void setUp() throws Exception {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		synchronized (ResidentRecordJourneyBrowserTests.class) {
			if (agent == null) {
				terminal = PairedTerminals.pair(this.mvc, this.json, "http://127.0.0.1:" + AGENT_PORT);
				agent = CardAgent
					.start(new CardAgent.Settings(AGENT_PORT, "http://localhost:" + this.port, terminal.token()));
			}
		}
	}

	@Test
	void threeOfAFamilyOfFourMoveWithinTheCityFoundByTheFilersCard() throws Exception {
		CounterJourneyInputs inputs = new CounterJourneyInputs();
		UUID id;
		try (Chromium counter = Chromium.screen(1280, 900)) {
			WebDriver browser = signedIn(counter, inputs);
			WebDriverWait wait = Chromium.patience(browser, Duration.ofSeconds(30));
			browser.get(url("/resident-record/households"));

			inputs.step("1. カード読取で世帯を探す");
			browser.findElement(By.cssSelector("button[data-card-read][data-card-fill='lookup']")).click();
			WebElement pin = browser.findElement(By.id("card-pin"));
			wait.until(d -> pin.equals(d.switchTo().activeElement()));
			inputs.as(Actor.RESIDENT, () -> pin.sendKeys("1234"));
			browser.findElement(By.cssSelector("[data-card-submit]")).click();
			WebElement household = wait.until(
					d -> d.findElements(By.cssSelector("[data-household='JH001']")).stream().findFirst().orElse(null));
			assertThat(household.findElement(By.cssSelector("[data-resident='J0000001']")).getText())
				.contains(WATANABE + " 一郎");
			assertThat(household.findElement(By.cssSelector("[data-resident='J0000001'] [data-card-item='address']"))
				.getAttribute("data-comparison")).isIn("SAME", "SAME_FOLDED", "PARTIAL");

			inputs.step("2. 異動する3人を選び転居を始める");
			for (String resident : List.of("J0000001", "J0000003", "J0000004")) {
				household.findElement(By.id("pick-" + resident)).click();
			}
			household.findElement(By.cssSelector("button[name='start'][value='MOVE_WITHIN']")).click();
			wait.until(d -> d.getCurrentUrl().matches(".*/notifications/[0-9a-f-]{36}$"));
			id = UUID.fromString(browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1));
			assertThat(mark(browser, "persons[0].familyName")).isEqualTo("FROM_RECORD");
			assertThat(mark(browser, "persons[2].birthDate")).isEqualTo("FROM_RECORD");
			assertThat(mark(browser, "previousAddress.block")).isEqualTo("FROM_RECORD");
			assertThat(mark(browser, "newAddress.block")).as("what is new is left for staff").isNull();
			// the card's My Number, read with the four items, is on the filer's person,
			// masked
			assertThat(field(browser, "persons[0].myNumber").getDomProperty("value")).matches("\\*{8}\\d{4}");

			inputs.step("3. 新しい住所と異動日を入力して保存");
			WebElement postal = field(browser, "newAddress.postalCode");
			postal.click();
			postal.sendKeys("0850018");
			WebElement block = field(browser, "newAddress.block");
			block.click();
			// leaving the postal code looks it up: prefecture, city and town filled
			wait.until(d -> "黒金町".equals(field(d, "newAddress.town").getDomProperty("value")));
			block.sendKeys("7-12");
			WebElement movedOn = field(browser, "movedOn");
			movedOn.click();
			movedOn.sendKeys(LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(2).format(COMPACT));
			browser.findElement(By.cssSelector("button[name='_action'][value='save']")).click();
			wait.until(d -> !d.findElements(By.cssSelector(".banner--success")).isEmpty());
			assertThat(mark(browser, "persons[0].familyName")).isEqualTo("FROM_RECORD");
			// saving the form as it came from the record changes nothing the record gave
			assertThat(browser.findElements(By.cssSelector("[data-record-mark='CHANGED']"))).isEmpty();

			inputs.step("4. 受理");
			browser.findElement(By.xpath("//button[normalize-space()='受理する']")).click();
			wait.until(d -> d.findElement(By.cssSelector("h1 .tag")).getText().contains("受理"));
		}
		List<String> names = List.of(WATANABE + " 一郎", WATANABE + " 陽菜", WATANABE + " 蒼");
		assertNamesAsRecorded(id, names);
		record(inputs, "転居（3人・4人世帯、届出人のカード読取から）");
		assertThat(inputs.staffClicks()).as("clicks").isLessThanOrEqualTo(MAX_MOVE_WITHIN_CLICKS);
		assertThat(inputs.staffKeys()).as("keys").isLessThanOrEqualTo(MAX_MOVE_WITHIN_KEYS);
		assertThat(inputs.residentKeys()).as("the PIN, typed by the resident").isEqualTo(4);
	}

	@Test
	void theHeadOfAHouseholdChangesFromTheRecord() throws Exception {
		CounterJourneyInputs inputs = new CounterJourneyInputs();
		UUID id;
		try (Chromium counter = Chromium.screen(1280, 900)) {
			WebDriver browser = signedIn(counter, inputs);
			WebDriverWait wait = Chromium.patience(browser, Duration.ofSeconds(30));
			browser.get(url("/resident-record/households"));

			inputs.step("1. 氏名（カナ）で世帯を探す");
			WebElement name = browser.findElement(By.id("name"));
			name.click();
			name.sendKeys("カサイ");
			browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
			WebElement household = wait.until(
					d -> d.findElements(By.cssSelector("[data-household='JH002']")).stream().findFirst().orElse(null));

			inputs.step("2. 新しい世帯主を選び世帯主変更を始める");
			// the new head is chosen among the members on the page: the draft's 続柄
			// follows
			new Select(household.findElement(By.id("head-JH002"))).selectByValue("J0000012");
			household.findElement(By.cssSelector("button[name='start'][value='HOUSEHOLD_CHANGE']")).click();
			wait.until(d -> d.getCurrentUrl().matches(".*/notifications/[0-9a-f-]{36}$"));
			id = UUID.fromString(browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1));
			assertThat(mark(browser, "persons[0].givenName")).isEqualTo("FROM_RECORD");
			assertThat(mark(browser, "previousHeadName")).isEqualTo("FROM_RECORD");
			assertThat(new Select(field(browser, "persons[0].relationship")).getFirstSelectedOption()
				.getDomProperty("value")).isEqualTo("世帯主");
			assertThat(browser.findElement(By.id("before-after")).getText()).contains("世帯主になる");

			inputs.step("3. 異動日を入力して保存");
			WebElement movedOn = field(browser, "movedOn");
			movedOn.click();
			movedOn.sendKeys(LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1).format(COMPACT));
			browser.findElement(By.cssSelector("button[name='_action'][value='save']")).click();
			wait.until(d -> !d.findElements(By.cssSelector(".banner--success")).isEmpty());
			assertThat(mark(browser, "persons[0].familyName")).isEqualTo("FROM_RECORD");

			inputs.step("4. 受理");
			browser.findElement(By.xpath("//button[normalize-space()='受理する']")).click();
			wait.until(d -> d.findElement(By.cssSelector("h1 .tag")).getText().contains("受理"));
		}
		assertNamesAsRecorded(id, List.of(KASAI + " 和子"));
		record(inputs, "世帯主変更（住民記録から）");
		assertThat(inputs.staffClicks()).as("clicks").isLessThanOrEqualTo(MAX_HEAD_CHANGE_CLICKS);
		assertThat(inputs.staffKeys()).as("keys").isLessThanOrEqualTo(MAX_HEAD_CHANGE_KEYS);
	}

	@Test
	void aSpecialMoveInStartsFromTheCalledTicketOfTheDataSentAhead() throws Exception {
		writeSnapshot(LocalDate.now(ZoneId.of("Asia/Tokyo")));
		// Nobody else waits in the queue: the ticket issued here is the one called.
		this.jdbc
			.sql("update reception.tasks set status = 'DONE', finished_at = now() "
					+ "where queue_code = 'moving' and status not in ('DONE', 'ROUTED')")
			.update();
		CounterJourneyInputs inputs = new CounterJourneyInputs();
		UUID id;
		try (Chromium counter = Chromium.screen(1280, 900)) {
			WebDriver browser = signedIn(counter, inputs);
			WebDriverWait wait = Chromium.patience(browser, Duration.ofSeconds(30));
			browser.get(url("/reception?queue=moving&counter=1"));

			inputs.step("1. 本日来庁予定から発券");
			browser.findElement(By.cssSelector("[data-notice='JT000001'] button[type=submit]")).click();
			wait.until(d -> d.getCurrentUrl().endsWith("/slip"));

			inputs.step("2. 呼出し・特例転入を始める");
			browser.get(url("/reception?queue=moving&counter=1"));
			browser.findElement(By.xpath("//button[normalize-space()='次の方を呼出']")).click();
			WebElement start = wait.until(d -> d.findElements(By.cssSelector("[data-start-special-move-in]"))
				.stream()
				.findFirst()
				.orElse(null));
			start.click();
			wait.until(d -> d.getCurrentUrl().matches(".*/notifications/[0-9a-f-]{36}$"));
			id = UUID.fromString(browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1));
			assertThat(field(browser, "persons[1].familyName").getDomProperty("value")).isEqualTo(YOSHIDA);
			assertThat(mark(browser, "persons[1].givenName")).isEqualTo("FROM_RECORD");
			assertThat(mark(browser, "newAddress.block")).isEqualTo("FROM_RECORD");

			inputs.step("3. 転入日を入力して保存");
			WebElement movedOn = field(browser, "movedOn");
			movedOn.click();
			movedOn.sendKeys(LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1).format(COMPACT));
			browser.findElement(By.cssSelector("button[name='_action'][value='save']")).click();
			wait.until(d -> !d.findElements(By.cssSelector(".banner--success")).isEmpty());

			inputs.step("4. 受理");
			browser.findElement(By.xpath("//button[normalize-space()='受理する']")).click();
			wait.until(d -> d.findElement(By.cssSelector("h1 .tag")).getText().contains("受理"));
		}
		assertThat(this.jdbc.sql("select count(*) from reception.receptions where notification_id = ?")
			.param(id)
			.query(Long.class)
			.single()).as("the ticket is linked to the draft").isEqualTo(1);
		assertNamesAsRecorded(id, List.of(YOSHIDA + " 健太", YOSHIDA + " 葵"));
		record(inputs, "特例転入（転出証明書情報・呼び出した番号札から）");
		assertThat(inputs.staffClicks()).as("clicks").isLessThanOrEqualTo(MAX_SPECIAL_MOVE_IN_CLICKS);
		assertThat(inputs.staffKeys()).as("keys: the move-in date only, none for persons")
			.isLessThanOrEqualTo(MAX_SPECIAL_MOVE_IN_KEYS);
	}

	@Test
	void aCardThatDiffersFromTheRecordIsShownSideBySideAndWrittenOnlyWhenChosen() throws Exception {
		CounterJourneyInputs inputs = new CounterJourneyInputs();
		try (Chromium counter = Chromium.screen(1280, 900)) {
			WebDriver browser = signedIn(counter, inputs);
			WebDriverWait wait = Chromium.patience(browser, Duration.ofSeconds(30));
			browser.get(url("/resident-record/households?householdId=JH001"));
			Axe.assertClean(counter, "household search with the card and the data sent ahead");
			browser.findElement(By.id("pick-J0000001")).click();
			browser.findElement(By.cssSelector("[data-household='JH001'] button[name='start'][value='MOVE_WITHIN']"))
				.click();
			wait.until(d -> d.getCurrentUrl().matches(".*/notifications/[0-9a-f-]{36}$"));
			String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
			Axe.assertClean(counter, "draft from the record with its marks");

			browser.findElement(By.cssSelector("button[data-card-read][data-person='0']")).click();
			WebElement pin = browser.findElement(By.id("card-pin"));
			wait.until(d -> pin.equals(d.switchTo().activeElement()));
			pin.sendKeys("1234");
			browser.findElement(By.cssSelector("[data-card-submit]")).click();
			WebElement row = wait.until(d -> d.findElements(By.cssSelector("[data-difference='persons[0].familyName']"))
				.stream()
				.findFirst()
				.orElse(null));
			// the card says 渡邊, the record 渡邉 with its variation selector: shown, not
			// written
			assertThat(row.getText()).contains(WATANABE, "渡邊", "U+9089 U+E0110", "U+908A");
			assertThat(browser.findElements(By.cssSelector("[data-difference]"))).hasSize(1);
			assertThat(field(browser, "persons[0].familyName").getDomProperty("value")).isEqualTo(WATANABE);
			Axe.assertClean(counter, "differences between the record and the card");
			assertThat(this.jdbc
				.sql("select count(*) from audit.events where action = 'RECORD_DIFFERENCE_CHOSEN'" + " and subject = ?")
				.param("notification:" + id)
				.query(Long.class)
				.single()).isZero();

			row.findElement(By.cssSelector("input[type=radio][value='READ']")).click();
			browser.findElement(By.cssSelector("#differences button[type=submit]")).click();
			wait.until(d -> !d.findElements(By.cssSelector(".banner--success")).isEmpty());
			assertThat(field(browser, "persons[0].familyName").getDomProperty("value")).isEqualTo("渡邊");
			assertThat(mark(browser, "persons[0].familyName")).isEqualTo("CHANGED");
			assertThat(mark(browser, "persons[0].givenName")).isEqualTo("FROM_RECORD");

			// the family's pre-application (QR code): compared the same way, not written
			String payload = preApplication(
					"""
							{"type":"MOVE_WITHIN","variant":"NONE",
							 "newAddress":{"postalCode":"0850836","prefecture":"北海道","city":"釧路市","town":"幣舞町","block":"4番28号","building":""},
							 "persons":[{"familyName":"渡邊","givenName":"一郎","birthDate":"1985-04-02","sex":"MALE"}]}""");
			WebElement scan = browser.findElement(By.cssSelector("#prefiling-compare textarea[name='payload']"));
			((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", scan,
					payload);
			browser.findElement(By.cssSelector("#prefiling-compare button[type=submit]")).click();
			WebElement town = wait.until(d -> d.findElements(By.cssSelector("[data-difference='newAddress.town']"))
				.stream()
				.findFirst()
				.orElse(null));
			assertThat(browser.findElement(By.id("differences-title")).getText()).isEqualTo("住民記録と事前申請の違い");
			assertThat(town.getText()).contains("幣舞町", "（なし）");
			assertThat(browser.findElements(By.cssSelector("[data-difference^='persons[']"))).isEmpty();
			assertThat(field(browser, "newAddress.town").getDomProperty("value")).isEmpty();
			Axe.assertClean(counter, "differences between the record and the pre-application");
			browser.findElement(By.cssSelector("#differences button[type=submit]")).click();
			wait.until(d -> !d.findElements(By.cssSelector(".banner--success")).isEmpty());
			assertThat(field(browser, "newAddress.town").getDomProperty("value")).isEqualTo("幣舞町");
			assertThat(field(browser, "persons[0].familyName").getDomProperty("value")).isEqualTo("渡邊");
		}
		assertThat(this.jdbc
			.sql("select detail from audit.events where action = 'RECORD_DIFFERENCE_CHOSEN'" + " and subject like ?")
			.param("%" + "notification:%")
			.query(String.class)
			.list()).anyMatch(detail -> detail.contains("item=persons[0].familyName") && detail.contains("chosen=CARD"))
			.noneMatch(detail -> detail.contains("渡"));
	}

	/**
	 * The codes the public site makes for a pre-application, as the reader types them.
	 */
	private String preApplication(String content) throws Exception {
		return this.json
			.readTree(this.mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.post("/public/api/v1/prefilings")
					.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
					.content(content))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8))
			.get("payload")
			.asString();
	}

	/**
	 * The names on the printed 住民異動届 and in the document delivered to the outbox are the
	 * record's, code point for code point.
	 */
	private void assertNamesAsRecorded(UUID id, List<String> names) throws Exception {
		var response = this.mvc
			.perform(get("/api/v1/notifications/" + id + "/forms/moving-notification.pdf")
				.with(user("journey-printer").authorities(() -> "PRINT")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		byte[] pdf = response.getContentAsByteArray();
		Path file = Files.write(FOLDER.resolve(id + ".pdf"), pdf);
		Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).isZero();
		for (String name : names) {
			assertThat(printed.codePoints().toArray()).as("printed: " + name).containsSubsequence(codePoints(name));
			assertThat(printed).contains(name);
		}
		Path document = OUTBOX.resolve(id + ".json");
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(document));
		JsonNode delivered = this.json.readTree(Files.readString(document, StandardCharsets.UTF_8));
		List<String> sent = new ArrayList<>();
		delivered.get("persons")
			.forEach(p -> sent.add(p.get("familyName").asString() + " " + p.get("givenName").asString()));
		assertThat(sent).containsExactlyElementsOf(names);
		for (int i = 0; i < names.size(); i++) {
			assertThat(sent.get(i).codePoints().toArray()).isEqualTo(codePoints(names.get(i)));
		}
	}

	private static int[] codePoints(String text) {
		return text.codePoints().toArray();
	}

	/** The record mark of a field: FROM_RECORD, CHANGED or null. */
	private static String mark(WebDriver browser, String field) {
		String id = field.replace("[", "").replace("]", "");
		List<WebElement> marks = browser.findElements(By.cssSelector("label[for='" + id + "'] [data-record-mark]"));
		return marks.isEmpty() ? null : marks.get(0).getAttribute("data-record-mark");
	}

	private static WebElement field(WebDriver browser, String name) {
		return browser.findElement(By.name(name));
	}

	/** Signs in (not counted: once a shift) and answers the counting driver. */
	private WebDriver signedIn(Chromium counter, CounterJourneyInputs inputs) {
		String staff = StaffAccounts.userWith(this.users, this.groups, this.jdbc, "record-journey", EnumSet
			.of(Permission.RECEPTION, Permission.NOTIFICATION_EDIT, Permission.NOTIFICATION_ACCEPT, Permission.PRINT));
		WebDriver plain = counter.driver();
		plain.get(url("/login"));
		plain.manage()
			.addCookie(new Cookie.Builder(Terminals.COOKIE, terminal.cookie().getValue()).path("/")
				.isHttpOnly(true)
				.build());
		StaffAccounts.signIn(plain, url(""), staff, StaffAccounts.PASSWORD);
		return inputs.decorate(plain);
	}

	private static synchronized void record(CounterJourneyInputs inputs, String title) {
		figures.append(inputs.markdown(title, null)).append('\n');
	}

	private static String resident(String id, String household, String family, String given, String givenKana,
			String born, String sex, String relationship, String head, String address) {
		return "{\"residentId\":\"" + id + "\",\"householdId\":\"" + household + "\",\"familyName\":\"" + family
				+ "\",\"givenName\":\"" + given + "\",\"familyNameKana\":\"" + kana(family) + "\",\"givenNameKana\":\""
				+ givenKana + "\",\"birthDate\":\"" + born + "\",\"sex\":\"" + sex + "\",\"relationship\":\""
				+ relationship + "\",\"headOfHousehold\":\"" + head + "\",\"address\":" + address
				+ ",\"becameResidentOn\":\"2015-04-01\",\"addressSince\":\"2020-04-01\"}";
	}

	private static String person(String family, String given, String givenKana, String born, String sex,
			String relationship) {
		return "{\"familyName\":\"" + family + "\",\"givenName\":\"" + given + "\",\"familyNameKana\":\"" + kana(family)
				+ "\",\"givenNameKana\":\"" + givenKana + "\",\"birthDate\":\"" + born + "\",\"sex\":\"" + sex
				+ "\",\"relationship\":\"" + relationship + "\"}";
	}

	private static String kana(String family) {
		return family.equals(WATANABE) ? "ワタナベ" : family.equals(KASAI) ? "カサイ" : "ヨシダ";
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static Path folder() {
		try {
			return Files.createTempDirectory("resident-record-journey");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
