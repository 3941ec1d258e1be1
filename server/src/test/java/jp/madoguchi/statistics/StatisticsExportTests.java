package jp.madoguchi.statistics;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 10: the exported figures equal figures computed here, independently, from the
 * notifications this test created (in a week of 2031 no other test touches).
 */
@SpringBootTest
class StatisticsExportTests {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	static final LocalDate FROM = LocalDate.of(2031, 2, 3);

	static final LocalDate TO = LocalDate.of(2031, 2, 9);

	static final String[] TYPES = { "MOVE_IN", "MOVE_OUT", "MOVE_WITHIN", "HOUSEHOLD_CHANGE" };

	static final RequestPostProcessor ANALYST = user("analyst").authorities(() -> "STATISTICS_VIEW");

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	/** created (Tokyo), type, seconds to acceptance or -1. */
	record Made(LocalDateTime created, String type, long secondsToAccept) {
	}

	static final List<Made> MADE = new ArrayList<>();

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		synchronized (MADE) {
			if (MADE.isEmpty()) {
				create();
			}
		}
	}

	private void create() {
		jdbc.sql("delete from moving.notifications where created_by = 'statistics-test'").update();
		Random random = new Random(20311);
		for (int i = 0; i < 60; i++) {
			// one day before and one after the period too: they must not count
			LocalDate day = FROM.minusDays(1).plusDays(random.nextInt(9));
			LocalDateTime created = day.atTime(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60));
			String type = TYPES[random.nextInt(TYPES.length)];
			long seconds = random.nextBoolean() ? 60L * (5 + random.nextInt(50)) + random.nextInt(60) : -1;
			MADE.add(new Made(created, type, seconds));
			ZonedDateTime at = created.atZone(TOKYO);
			Timestamp createdAt = Timestamp.from(at.toInstant());
			Timestamp acceptedAt = (seconds >= 0) ? Timestamp.from(at.plusSeconds(seconds).toInstant()) : null;
			jdbc.sql(
					"""
							insert into moving.notifications (id, version, status, type, variant, filed_on, content, findings,
							error_count, created_at, created_by, updated_at, updated_by, accepted_at, accepted_by)
							values (?, 0, ?, ?, ?, ?, '{}'::jsonb, '[]'::jsonb, 0, ?, 'statistics-test', ?, 'statistics-test', ?, ?)""")
				.params(UUID.randomUUID(), (seconds >= 0) ? "ACCEPTED" : "DRAFT", type,
						"MOVE_WITHIN".equals(type) ? "NONE"
								: "HOUSEHOLD_CHANGE".equals(type) ? "HEAD_CHANGE" : "DOMESTIC",
						day, createdAt, createdAt, acceptedAt, (seconds >= 0) ? "clerk" : null)
				.update();
		}
	}

	/** group key → {notifications, accepted, total seconds}, from the list above. */
	private static Map<String, long[]> expected(String groupBy) {
		Map<String, long[]> expected = new TreeMap<>();
		for (Made made : MADE) {
			LocalDate day = made.created().toLocalDate();
			if (day.isBefore(FROM) || day.isAfter(TO)) {
				continue;
			}
			String key = switch (groupBy) {
				case "day" -> day.toString();
				case "hour" -> String.format("%02d", made.created().getHour());
				default -> made.type();
			};
			long[] figures = expected.computeIfAbsent(key, (k) -> new long[3]);
			figures[0]++;
			if (made.secondsToAccept() >= 0) {
				figures[1]++;
				figures[2] += made.secondsToAccept();
			}
		}
		return expected;
	}

	private static String average(long[] figures) {
		if (figures[1] == 0) {
			return "";
		}
		// minutes with one decimal, half up, by integer arithmetic
		long tenths = (figures[2] * 10 * 2 + figures[1] * 60) / (figures[1] * 60 * 2);
		return (tenths / 10) + "." + (tenths % 10);
	}

	@Test
	void csvFiguresEqualTheFiguresComputedFromTheData() throws Exception {
		for (String groupBy : List.of("day", "hour", "type")) {
			byte[] body = mvc
				.perform(get("/api/v1/statistics/notifications.csv").param("from", FROM.toString())
					.param("to", TO.toString())
					.param("groupBy", groupBy)
					.with(ANALYST))
				.andExpect(status().isOk())
				.andExpect(content().contentType("text/csv;charset=UTF-8"))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
			String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
			assertThat(text).endsWith("\r\n");
			assertThat(text.replace("\r\n", "")).doesNotContain("\n");
			String[] lines = text.split("\r\n");
			assertThat(lines[0]).isEqualTo("group,label,notifications,accepted,averageMinutesToAccept");

			Map<String, long[]> expected = expected(groupBy);
			int rowsWithData = 0;
			for (int i = 1; i < lines.length; i++) {
				String[] cells = lines[i].split(",", -1);
				long[] figures = expected.getOrDefault(cells[0], new long[3]);
				assertThat(Long.parseLong(cells[2])).as(groupBy + " " + cells[0]).isEqualTo(figures[0]);
				assertThat(Long.parseLong(cells[3])).as(groupBy + " " + cells[0]).isEqualTo(figures[1]);
				assertThat(cells[4]).as(groupBy + " " + cells[0]).isEqualTo(average(figures));
				if (figures[0] > 0) {
					rowsWithData++;
				}
			}
			assertThat(rowsWithData).as(groupBy).isEqualTo(expected.size());
			if ("day".equals(groupBy)) {
				assertThat(lines).hasSize(1 + 7);
			}
			if ("hour".equals(groupBy)) {
				assertThat(lines).hasSize(1 + 24);
				assertThat(lines[9]).startsWith("08,8時,");
			}
		}
	}

	@Test
	void xlsxHoldsTheSameNumbers() throws Exception {
		byte[] body = mvc
			.perform(get("/api/v1/statistics/notifications.xlsx").param("from", FROM.toString())
				.param("to", TO.toString())
				.param("groupBy", "type")
				.with(ANALYST))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Map<String, long[]> expected = expected("type");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("notifications");
			assertThat(sheet.getLastRowNum()).isEqualTo(TYPES.length);
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				long[] figures = expected.getOrDefault(row.getCell(0).getStringCellValue(), new long[3]);
				assertThat((long) row.getCell(2).getNumericCellValue()).isEqualTo(figures[0]);
				assertThat((long) row.getCell(3).getNumericCellValue()).isEqualTo(figures[1]);
			}
		}
	}

	@Test
	void jsonDrivesTheDashboardAndBadInputIsAProblem() throws Exception {
		long total = expected("day").values().stream().mapToLong((f) -> f[0]).sum();
		mvc.perform(get("/api/v1/statistics/notifications").param("from", FROM.toString())
			.param("to", TO.toString())
			.param("groupBy", "type")
			.with(ANALYST)).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(total));
		mvc.perform(get("/api/v1/statistics/notifications.csv").param("from", FROM.toString())
			.param("to", TO.toString())
			.param("groupBy", "queue")
			.with(ANALYST))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_GROUP_BY"));
		mvc.perform(get("/api/v1/statistics/notifications").param("from", TO.toString())
			.param("to", FROM.toString())
			.with(ANALYST))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_PERIOD"));
		mvc.perform(get("/api/v1/statistics/notifications.csv").param("from", FROM.toString())
			.param("to", TO.toString())
			.with(user("clerk").authorities(() -> "RECEPTION"))).andExpect(status().isForbidden());
		mvc.perform(get("/statistics").param("from", FROM.toString()).param("to", TO.toString()).with(ANALYST))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-from=\"2031-02-03\"")))
			.andExpect(content().string(containsString("/webjars/echarts/dist/echarts.min.js")));
		mvc.perform(get("/webjars/echarts/dist/echarts.min.js").with(ANALYST)).andExpect(status().isOk());
	}

}
