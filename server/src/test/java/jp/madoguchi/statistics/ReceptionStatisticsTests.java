package jp.madoguchi.statistics;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jp.madoguchi.support.MovableClock;
import jp.madoguchi.support.MutableClock;
import jp.madoguchi.support.TestQueues;
import jp.madoguchi.reception.NewReception;
import jp.madoguchi.reception.ReceptionSource;
import jp.madoguchi.reception.TaskStatus;
import jp.madoguchi.reception.domain.Calling;
import jp.madoguchi.reception.domain.StatusChange;
import jp.madoguchi.reception.domain.TaskStatusChanges;
import jp.madoguchi.reception.domain.TicketIssuing;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 10, receptions: visits played through the reception service on a clock this test
 * moves (days in 2033 no other test uses), then every figure of the CSV and the xlsx is
 * compared with figures this test computes on its own, from what it played, in integer
 * arithmetic.
 */
@Import(MovableClock.class)
@SpringBootTest
class ReceptionStatisticsTests {

	static final LocalDate FROM = LocalDate.of(2033, 5, 10);

	static final LocalDate TO = LocalDate.of(2033, 5, 11);

	static final RequestPostProcessor ANALYST = user("analyst").authorities(() -> "STATISTICS_VIEW");

	static final RequestPostProcessor ADMIN = user("admin-stats").authorities(() -> "MASTER_ADMIN");

	static final RequestPostProcessor EDITOR = user("editor-stats").authorities(() -> "NOTIFICATION_EDIT");

	@Autowired
	WebApplicationContext context;

	@Autowired
	TicketIssuing issuing;

	@Autowired
	Calling calling;

	@Autowired
	TaskStatusChanges statusChanges;

	@Autowired
	MutableClock clock;

	@Autowired
	JsonMapper json;

	MockMvc mvc;

	/** One turn in a queue as played: seconds waited and served, null when none. */
	record Turn(String queue, String counter, Long waited, Long service) {
	}

	/** One visit as played. */
	record Visit(LocalDateTime opened, ReceptionSource source, String type, List<Turn> turns) {
	}

	static final List<Visit> PLAYED = new ArrayList<>();

	static String queueA;

	static String queueB;

	@BeforeEach
	void setUp() throws Exception {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		synchronized (PLAYED) {
			if (PLAYED.isEmpty()) {
				play();
			}
		}
	}

	@AfterAll
	static void forget() {
		PLAYED.clear();
	}

	private void play() throws Exception {
		clock.reset();
		queueA = TestQueues.create(mvc, 3);
		queueB = TestQueues.create(mvc, 1);
		List<UUID> notifications = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			notifications.add(newNotification());
		}
		Random random = new Random(2033);
		ReceptionSource[] sources = ReceptionSource.values();
		// the day before and the day after must not count
		for (LocalDate day : List.of(FROM.minusDays(1), FROM, TO, TO.plusDays(1))) {
			clock.set(day.atTime(8, 30 + random.nextInt(20), random.nextInt(60)));
			int visits = 5 + random.nextInt(4);
			for (int v = 0; v < visits; v++) {
				LocalDateTime opened = LocalDateTime.ofInstant(clock.instant(), MutableClock.TOKYO);
				ReceptionSource source = sources[random.nextInt(sources.length)];
				boolean withNotification = source == ReceptionSource.NOTIFICATION
						|| source == ReceptionSource.PREFILING;
				UUID notification = withNotification ? notifications.get(random.nextInt(notifications.size())) : null;
				UUID id = issuing
					.issue(new NewReception(queueA, notification, withNotification ? null : "統計 太郎", null, source))
					.reception()
					.id();
				List<Turn> turns = new ArrayList<>();
				turns.add(serve(id, queueA, "" + (1 + random.nextInt(3)), random, v == visits - 1));
				if (v != visits - 1 && random.nextInt(3) == 0) {
					// routed on: the service in A ended with the routing, B follows
					statusChanges.changeStatus(id, new StatusChange(TaskStatus.ROUTED, queueB, null, queueA));
					turns.add(serve(id, queueB, "1", random, false));
					statusChanges.changeStatus(id, new StatusChange(TaskStatus.DONE, null, null, queueB));
				}
				else if (v != visits - 1) {
					statusChanges.changeStatus(id, new StatusChange(TaskStatus.DONE, null, null, queueA));
				}
				PLAYED.add(new Visit(opened, source, withNotification ? "MOVE_IN" : "NONE", turns));
				clock.advance(Duration.ofSeconds(60 + random.nextInt(40 * 60)));
			}
			// one more who is still waiting at the end of the day: counted, no times
			LocalDateTime opened = LocalDateTime.ofInstant(clock.instant(), MutableClock.TOKYO);
			issuing.issue(new NewReception(queueA, null, "待ち 花子", null, ReceptionSource.CARD));
			PLAYED.add(new Visit(opened, ReceptionSource.CARD, "NONE", List.of(new Turn(queueA, null, null, null))));
		}
		clock.reset();
	}

	/**
	 * Waits, calls to the counter, perhaps presses 対応中, serves. The service time is known
	 * once the caller ends the turn (done or routed) right after; the last visit of a day
	 * stays in service.
	 */
	private Turn serve(UUID id, String queue, String counter, Random random, boolean staysInService) {
		long wait = random.nextInt(45 * 60);
		clock.advance(Duration.ofSeconds(wait));
		assertThat(calling.callNext(queue, counter).reception().id()).isEqualTo(id);
		long sinceCall = 0;
		boolean pressed = random.nextBoolean();
		if (pressed) {
			sinceCall = 10 + random.nextInt(120);
			clock.advance(Duration.ofSeconds(sinceCall));
			statusChanges.changeStatus(id, new StatusChange(TaskStatus.IN_SERVICE, null, null, queue));
		}
		long service = 60 + random.nextInt(30 * 60);
		clock.advance(Duration.ofSeconds(service));
		return new Turn(queue, counter, wait, staysInService ? null : service);
	}

	private UUID newNotification() throws Exception {
		String body = mvc
			.perform(post("/api/v1/notifications").with(EDITOR)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"type":"MOVE_IN","variant":"DOMESTIC","movedOn":"2033-05-01","filedOn":"2033-05-10",
								 "newAddress":{"postalCode":"0850000","prefecture":"北海道","city":"釧路市","town":"黒金町","block":"7丁目5番地"},
								 "previousAddress":{"prefecture":"北海道","city":"札幌市中央区","town":"北一条西","block":"2丁目"},
								 "household":{"newHousehold":true},
								 "persons":[{"familyName":"統計","givenName":"一郎","familyNameKana":"トウケイ","givenNameKana":"イチロウ",
								   "birthDate":"1980-04-01","sex":"MALE","relationship":"世帯主","myNumberCard":true,
								   "facts":{"healthInsurance":"NHI"}}],
								 "filer":{"kind":"SELF","name":"統計 一郎"},"identityDocuments":["MY_NUMBER_CARD"]}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(json.readTree(body).get("id").asString());
	}

	/** What one row should say, gathered from the played visits. */
	static final class Expected {

		final Set<Integer> visits = new HashSet<>();

		final List<Long> waits = new ArrayList<>();

		final List<Long> services = new ArrayList<>();

		int prefiling;

		int card;

		void add(int index, Visit visit, List<Turn> turns) {
			if (visits.add(index)) {
				prefiling += (visit.source() == ReceptionSource.PREFILING) ? 1 : 0;
				card += (visit.source() == ReceptionSource.CARD) ? 1 : 0;
			}
			for (Turn turn : turns) {
				if (turn.waited() != null) {
					waits.add(turn.waited());
				}
				if (turn.service() != null) {
					services.add(turn.service());
				}
			}
		}

		List<String> cells() {
			return List.of(String.valueOf(visits.size()), mean(waits), rank(waits, 50), rank(waits, 90), mean(services),
					rank(services, 50), rank(services, 90), share(prefiling), share(card));
		}

		private String share(int part) {
			return visits.isEmpty() ? "" : tenths(part * 1000L * 2 + visits.size(), visits.size() * 2L);
		}

	}

	/** numerator/denominator as a decimal with one place, half up (both positive). */
	static String tenths(long numerator, long denominator) {
		long tenths = numerator / denominator;
		return (tenths / 10) + "." + (tenths % 10);
	}

	/** Mean seconds → minutes, one decimal, half up: (sum×10/60n) rounded. */
	static String mean(List<Long> seconds) {
		if (seconds.isEmpty()) {
			return "";
		}
		long sum = seconds.stream().mapToLong(Long::longValue).sum();
		return tenths(sum * 10 * 2 + 60L * seconds.size(), 60L * seconds.size() * 2);
	}

	/**
	 * Excel PERCENTILE.INC in minutes, one decimal, half up, in hundredths of seconds.
	 */
	static String rank(List<Long> seconds, int p) {
		if (seconds.isEmpty()) {
			return "";
		}
		long[] sorted = seconds.stream().mapToLong(Long::longValue).sorted().toArray();
		int n = sorted.length;
		int k = (p * (n - 1)) / 100;
		int part = (p * (n - 1)) % 100;
		long hundredths = sorted[k] * 100 + ((part == 0) ? 0 : (sorted[k + 1] - sorted[k]) * part);
		// hundredths of a second → tenths of a minute: ×10 / 6000
		return tenths(hundredths * 10 * 2 + 6000, 6000L * 2);
	}

	private static Map<String, Expected> expected(String groupBy) {
		Map<String, Expected> expected = new TreeMap<>();
		for (int i = 0; i < PLAYED.size(); i++) {
			Visit visit = PLAYED.get(i);
			LocalDate day = visit.opened().toLocalDate();
			if (day.isBefore(FROM) || day.isAfter(TO)) {
				continue;
			}
			switch (groupBy) {
				case "day" ->
					expected.computeIfAbsent(day.toString(), k -> new Expected()).add(i, visit, visit.turns());
				case "hour" ->
					expected.computeIfAbsent(String.format("%02d", visit.opened().getHour()), k -> new Expected())
						.add(i, visit, visit.turns());
				case "type" -> expected.computeIfAbsent(visit.type(), k -> new Expected()).add(i, visit, visit.turns());
				case "queue" -> {
					for (Turn turn : visit.turns()) {
						expected.computeIfAbsent(turn.queue(), k -> new Expected()).add(i, visit, List.of(turn));
					}
				}
				default -> {
					for (Turn turn : visit.turns()) {
						if (turn.counter() != null) {
							expected.computeIfAbsent(turn.queue() + "/" + turn.counter(), k -> new Expected())
								.add(i, visit, List.of(turn));
						}
					}
				}
			}
		}
		return expected;
	}

	private byte[] download(String extension, String groupBy) throws Exception {
		return mvc
			.perform(get("/api/v1/statistics/receptions." + extension).param("from", FROM.toString())
				.param("to", TO.toString())
				.param("groupBy", groupBy)
				.with(ANALYST))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	@Test
	void csvFiguresEqualTheFiguresComputedFromThePlayedVisits() throws Exception {
		for (String groupBy : List.of("day", "hour", "type", "queue", "counter")) {
			byte[] body = download("csv", groupBy);
			assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
			String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
			assertThat(text).endsWith("\r\n");
			assertThat(text.replace("\r\n", "")).doesNotContain("\n");
			String[] lines = text.split("\r\n");
			assertThat(lines[0]).isEqualTo("group,label,receptions,averageWaitMinutes,medianWaitMinutes,"
					+ "p90WaitMinutes,averageServiceMinutes,medianServiceMinutes,p90ServiceMinutes,"
					+ "prefilingPercent,cardPercent");
			Map<String, Expected> expected = expected(groupBy);
			Set<String> seen = new HashSet<>();
			for (int i = 1; i < lines.length; i++) {
				String[] cells = lines[i].split(",", -1);
				Expected figures = expected.getOrDefault(cells[0], new Expected());
				assertThat(Arrays.asList(cells).subList(2, cells.length)).as(groupBy + " " + cells[0])
					.isEqualTo(figures.cells());
				if (!figures.visits.isEmpty()) {
					seen.add(cells[0]);
				}
				if ("queue".equals(groupBy)) {
					assertThat(cells[1]).isEqualTo("テスト");
				}
				if ("counter".equals(groupBy)) {
					assertThat(cells[1]).isEqualTo("テスト " + cells[0].substring(cells[0].indexOf('/') + 1));
				}
				if ("type".equals(groupBy) && "NONE".equals(cells[0])) {
					assertThat(cells[1]).isEqualTo("届出なし");
				}
			}
			assertThat(seen).as(groupBy).isEqualTo(expected.keySet());
			if ("day".equals(groupBy)) {
				assertThat(lines).hasSize(1 + 2);
			}
			if ("hour".equals(groupBy)) {
				assertThat(lines).hasSize(1 + 24);
			}
		}
	}

	@Test
	void xlsxHoldsTheSameFiguresAsNumbers() throws Exception {
		Map<String, Expected> expected = expected("queue");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download("xlsx", "queue")))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("averageWaitMinutes");
			assertThat(sheet.getLastRowNum()).isEqualTo(expected.size());
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> want = expected.get(row.getCell(0).getStringCellValue()).cells();
				for (int c = 2; c < 11; c++) {
					Cell cell = row.getCell(c);
					if (want.get(c - 2).isEmpty()) {
						assertThat(cell == null || cell.getCellType() == CellType.BLANK).isTrue();
					}
					else {
						assertThat(cell.getNumericCellValue()).as(r + ":" + c)
							.isEqualTo(Double.parseDouble(want.get(c - 2)));
					}
				}
			}
		}
	}

	@Test
	void jsonDrivesTheDashboardAndBadInputIsAProblemWithACode() throws Exception {
		long total = expected("day").values().stream().mapToLong(e -> e.visits.size()).sum();
		mvc.perform(get("/api/v1/statistics/receptions").param("from", FROM.toString())
			.param("to", TO.toString())
			.param("groupBy", "queue")
			.with(ANALYST))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(total))
			.andExpect(jsonPath("$.groupBy").value("queue"))
			.andExpect(jsonPath("$.groups.length()").value(2));
		mvc.perform(get("/api/v1/statistics/receptions.csv").param("from", FROM.toString())
			.param("to", TO.toString())
			.param("groupBy", "status")
			.with(ANALYST))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("INVALID_GROUP_BY"));
		mvc.perform(get("/api/v1/statistics/receptions.xlsx").param("from", TO.toString())
			.param("to", FROM.toString())
			.with(ANALYST))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_PERIOD"));
		mvc.perform(get("/api/v1/statistics/receptions.csv").param("from", "2030-01-01")
			.param("to", "2031-06-01")
			.with(ANALYST))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("PERIOD_TOO_LONG"));
		mvc.perform(get("/api/v1/statistics/receptions.csv").param("from", "2033-05-xx")
			.param("to", TO.toString())
			.with(ANALYST)).andExpect(status().isUnprocessableContent());
		mvc.perform(get("/api/v1/statistics/receptions.csv").param("from", FROM.toString())
			.param("to", TO.toString())
			.with(user("clerk").authorities(() -> "RECEPTION"))).andExpect(status().isForbidden());
		mvc.perform(get("/statistics").param("from", FROM.toString()).param("to", TO.toString()).with(ANALYST))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"statistics-receptions\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(
					"/api/v1/statistics/receptions.xlsx?from=2033-05-10&amp;to=2033-05-11&amp;groupBy=counter")));
	}

}
