package jp.madoguchi.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import jp.madoguchi.accounts.AccountsTestSupport;
import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.audit.domain.MonthlyPiaRun;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.support.Households;
import jp.madoguchi.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 22's done-when: with the clock moved to February 2033, one after-hours My Number
 * view, 60 notification reads in four minutes by one clerk and five failed sign-ins from
 * one address; the PIA report (JSON, CSV, PDF, the monthly files) and the alerts (home,
 * health page, metrics) list exactly those.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PiaReportTests.Clocks.class)
class PiaReportTests {

	static final String ATTACKER = "192.0.2.77";

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock();
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JsonMapper json;

	@Autowired
	UserAdministration users;

	@Autowired
	GroupAdministration groups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccessAlerts alerts;

	@Autowired
	MonthlyPiaRun monthly;

	@Autowired
	javax.sql.DataSource dataSource;

	@Value("${madoguchi.audit.chain-key.file}")
	String chainKeyFile;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theReportAndTheAlertsListExactlyTheAfterHoursViewTheBulkReadsAndTheFailedSignIns() throws Exception {
		// Tuesday 8 February 2033, within counter hours: the set-up
		clock.set(LocalDateTime.of(2033, 2, 8, 10, 0));
		String clerk = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.NOTIFICATION_EDIT));
		String supervisor = AccountsTestSupport.unique("gone-supervisor-"); // never a
																			// user
		NotificationContent family = Households.familyMovingIn(LocalDate.of(2033, 2, 7), LocalDate.of(2033, 2, 8));
		NotificationContent withNumber = Households.with(family, family.household(),
				List.of(family.persons().get(0).withMyNumber("123456789018"), family.persons().get(1)));
		String created = mvc
			.perform(post("/api/v1/notifications").with(user("pia-writer").authorities(() -> "NOTIFICATION_EDIT"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(withNumber)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String id = json.readTree(created).get("id").asString();

		// 21:30 the same day: a My Number shown in full, after hours
		clock.set(LocalDateTime.of(2033, 2, 8, 21, 30));
		mvc.perform(get("/api/v1/notifications/" + id)
			.with(user(supervisor).authorities(() -> "NOTIFICATION_EDIT", () -> "MY_NUMBER_VIEW")))
			.andExpect(status().isOk());

		// Wednesday 09:00: five failed sign-ins from one address, ten seconds apart
		clock.set(LocalDateTime.of(2033, 2, 9, 9, 0));
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login").param("username", clerk)
				.param("password", "wrong-password-" + i)
				.with(csrf())
				.with(from(ATTACKER)));
			clock.advance(Duration.ofSeconds(10));
		}
		// one more from elsewhere, with a name a spreadsheet would run as a formula
		mvc.perform(post("/login").param("username", "=HYPERLINK(\"x\")")
			.param("password", "whatever-1")
			.with(csrf())
			.with(from("198.51.100.9")));

		// 10:00: the clerk reads the notification 60 times in four minutes
		clock.set(LocalDateTime.of(2033, 2, 9, 10, 0));
		for (int i = 0; i < 60; i++) {
			mvc.perform(get("/api/v1/notifications/" + id).with(user(clerk).authorities(() -> "NOTIFICATION_EDIT")))
				.andExpect(status().isOk());
			clock.advance(Duration.ofSeconds(4));
		}

		clock.set(LocalDateTime.of(2033, 2, 9, 12, 0));
		RequestPostProcessor auditor = user("pia-auditor").authorities(() -> "AUDIT_VIEW", () -> "MONITORING");
		JsonNode report = json.readTree(mvc.perform(
				get("/api/v1/audit/reports/pia").param("from", "2033-02-01").param("to", "2033-02-28").with(auditor))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));

		JsonNode afterHours = report.get("afterHours").get("entries");
		assertThat(afterHours).hasSize(1);
		assertThat(afterHours.get(0).get("actor").asString()).isEqualTo(supervisor);
		assertThat(afterHours.get(0).get("subject").asString()).isEqualTo("notification:" + id);
		assertThat(afterHours.get(0).get("count").asLong()).isEqualTo(2); // NOTIFICATION_VIEWED,
																			// MY_NUMBER_VIEWED
		JsonNode bulk = report.get("bulkReads").get("entries");
		assertThat(bulk).hasSize(1);
		assertThat(bulk.get(0).get("actor").asString()).isEqualTo(clerk);
		assertThat(bulk.get(0).get("count").asLong()).isEqualTo(60);
		assertThat(bulk.get(0).get("eventIds")).hasSize(60);
		JsonNode bursts = report.get("signInBursts").get("entries");
		assertThat(bursts).hasSize(1);
		assertThat(bursts.get(0).get("ip").asString()).isEqualTo(ATTACKER);
		assertThat(bursts.get(0).get("count").asLong()).isEqualTo(5);
		JsonNode views = report.get("myNumberViews").get("entries");
		assertThat(views).hasSize(1);
		assertThat(views.get(0).get("actor").asString()).isEqualTo(supervisor);
		JsonNode failed = report.get("failedSignIns").get("entries");
		assertThat(failed).hasSize(2);
		assertThat(failed.get(0).get("actor").asString()).isEqualTo(clerk);
		assertThat(failed.get(0).get("ip").asString()).isEqualTo(ATTACKER);
		assertThat(failed.get(0).get("count").asLong()).isEqualTo(5);
		assertThat(report.get("accountChanges").get("entries").toString()).contains("USER_CREATED");
		// each entry links to its events in the audit search
		assertThat(bulk.get(0).get("link").asString()).startsWith("/audit?user=" + clerk)
			.contains("from=2033-02-09T10%3A00%3A00%2B09%3A00");
		long firstId = bulk.get(0).get("eventIds").get(0).asLong();
		assertThat(jdbc.sql("select action from audit.events where id = ?").param(firstId).query(String.class).single())
			.isEqualTo("NOTIFICATION_VIEWED");
		// generating it is audited
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'PIA_REPORT_GENERATED' and actor = ?"
					+ " and subject = 'pia-report:2033-02-01/2033-02-28'")
			.param("pia-auditor")
			.query(Long.class)
			.single()).isEqualTo(1);

		// CSV: Excel's BOM, formulas made inert as in the audit CSV
		String csv = mvc
			.perform(get("/api/v1/audit/reports/pia").param("from", "2033-02-01")
				.param("to", "2033-02-28")
				.param("format", "csv")
				.with(auditor))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF区分,利用者").contains(supervisor, clerk, ATTACKER, "'=HYPERLINK");
		assertThat(csv).doesNotContain(",=HYPERLINK");
		byte[] pdf = mvc
			.perform(get("/api/v1/audit/reports/pia").param("from", "2033-02-01")
				.param("to", "2033-02-28")
				.param("format", "pdf")
				.with(auditor))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(pdfText(pdf)).contains("短時間の大量参照", clerk, supervisor, ATTACKER);
		mvc.perform(
				get("/api/v1/audit/reports/pia").param("from", "2033-02-28").param("to", "2033-02-01").with(auditor))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/api/v1/audit/reports/pia").with(user("clerk-x").authorities(() -> "NOTIFICATION_EDIT")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/audit/reports/pia").param("from", "2033-02-01").param("to", "2033-02-28").with(auditor))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString(clerk)));

		// The alerts (last 24 hours): the same three
		List<AccessAlerts.Notice> notices = alerts.refresh();
		assertThat(notices).extracting(AccessAlerts.Notice::pattern)
			.containsExactly("AFTER_HOURS", "SIGN_IN_BURSTS", "BULK_READS");
		assertThat(notices).extracting(n -> n.actor() != null ? n.actor() : n.ip())
			.containsExactly(supervisor, ATTACKER, clerk);
		mvc.perform(get("/").with(auditor))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("id=\"access-alerts\"")));
		mvc.perform(get("/admin/health").with(auditor))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("data-pattern=\"BULK_READS\"")));
		mvc.perform(get("/").with(user("clerk-y").authorities(() -> "NOTIFICATION_EDIT")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("access-alerts"))));
		mvc.perform(get("/actuator/prometheus").with(auditor))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers
					.containsString("madoguchi_suspicious_access{pattern=\"bulk_reads\"} 1.0")));

		// the scheduled run's files, owner-only (those of an earlier run of this test
		// removed)
		Path reports = Path.of("data/reports").toAbsolutePath();
		Files.deleteIfExists(reports.resolve("pia-2033-02.pdf"));
		Files.deleteIfExists(reports.resolve("pia-2033-02.csv"));
		Path written = monthly.write(LocalDate.of(2033, 2, 1), LocalDate.of(2033, 2, 28));
		assertThat(written.getFileName().toString()).isEqualTo("pia-2033-02.pdf");
		for (Path file : List.of(written, written.resolveSibling("pia-2033-02.csv"))) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		assertThat(Files.readString(written.resolveSibling("pia-2033-02.csv"))).contains(clerk);
	}

	/**
	 * Counter hours come from the opening-hours master (seeded 8:45–17:30, Monday to
	 * Friday; changed here and put back), a closed day is outside hours all day whatever
	 * the master says; backups and restores, written by the backup command into the same
	 * chain, are in the exports section with their outcome and detail.
	 */
	@Test
	void afterHoursFollowTheOpeningHoursMasterAndBackupsAreAmongTheExports() throws Exception {
		clock.set(LocalDateTime.of(2033, 3, 7, 10, 0)); // a Monday
		NotificationContent family = Households.familyMovingIn(LocalDate.of(2033, 3, 6), LocalDate.of(2033, 3, 7));
		String created = mvc
			.perform(post("/api/v1/notifications").with(user("pia-writer").authorities(() -> "NOTIFICATION_EDIT"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(family)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String id = json.readTree(created).get("id").asString();
		String reader = AccountsTestSupport.unique("pia-hours-");
		RequestPostProcessor admin = user("pia-hours-admin").authorities(() -> "MASTER_ADMIN");
		try {
			// 08:40 is before the master's 08:45; 17:20 before its 17:30
			for (LocalDateTime at : List.of(LocalDateTime.of(2033, 3, 7, 8, 40),
					LocalDateTime.of(2033, 3, 7, 17, 20))) {
				clock.set(at);
				read(id, reader);
			}
			// from now on Tuesdays open at 13:00, and Saturday mornings
			mvc.perform(put("/api/v1/masters/opening-hours").with(admin)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"days":[{"weekday":"MONDAY","opens":"08:45","closes":"17:30"},
						 {"weekday":"TUESDAY","opens":"13:00","closes":"17:30"},
						 {"weekday":"WEDNESDAY","opens":"08:45","closes":"17:30"},
						 {"weekday":"THURSDAY","opens":"08:45","closes":"17:30"},
						 {"weekday":"FRIDAY","opens":"08:45","closes":"17:30"},
						 {"weekday":"SATURDAY","opens":"09:00","closes":"12:00"}]}""")).andExpect(status().isOk());
			clock.set(LocalDateTime.of(2033, 3, 8, 10, 0));
			read(id, reader);
			// Saturday 10:00: the master opens, the ordinance closes Saturdays
			clock.set(LocalDateTime.of(2033, 3, 12, 10, 0));
			read(id, reader);

			// a backup and a refused restore, as the command records them
			clock.set(LocalDateTime.of(2033, 3, 10, 20, 0));
			try (CommandAuditTrail command = CommandAuditTrail.open(dataSource, Path.of("data"), chainKeyFile, clock)) {
				command.record(AuditEntry.success("BACKUP_CREATED", "backup:pia-test",
						"file=madoguchi-2033-03-10.zip size=4096 tables=40 rows=123 keys=3"));
				command.record(AuditEntry.failure("BACKUP_RESTORED", "backup:pia-test",
						"file=madoguchi-2033-03-10.zip reason=not empty"));
			}

			clock.set(LocalDateTime.of(2033, 4, 1, 9, 0));
			RequestPostProcessor auditor = user("pia-auditor").authorities(() -> "AUDIT_VIEW");
			JsonNode report = json.readTree(mvc
				.perform(get("/api/v1/audit/reports/pia").param("from", "2033-03-01")
					.param("to", "2033-03-31")
					.with(auditor))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
			List<String> afterHours = new java.util.ArrayList<>();
			report.get("afterHours").get("entries").forEach((entry) -> {
				if (reader.equals(entry.get("actor").asString())) {
					afterHours.add(entry.get("first").asString());
				}
			});
			assertThat(afterHours).hasSize(3);
			assertThat(afterHours.toString()).contains("2033-03-06T23:40:00Z", "2033-03-08T01:00:00Z",
					"2033-03-12T01:00:00Z");
			assertThat(report.get("hours").get("days").get("TUESDAY").get("opens").asString()).isEqualTo("13:00:00");

			List<JsonNode> backups = new java.util.ArrayList<>();
			report.get("exports").get("entries").forEach((entry) -> {
				if ("backup:pia-test".equals(entry.get("subject").asString())) {
					backups.add(entry);
				}
			});
			assertThat(backups).hasSize(2);
			assertThat(backups.get(0).get("action").asString()).isEqualTo("BACKUP_CREATED");
			assertThat(backups.get(0).get("actor").asString()).isEqualTo(CommandAuditTrail.osUser());
			assertThat(backups.get(0).get("outcome").asString()).isEqualTo("SUCCESS");
			assertThat(backups.get(0).get("detail").asString()).contains("madoguchi-2033-03-10.zip", "size=4096");
			assertThat(backups.get(1).get("action").asString()).isEqualTo("BACKUP_RESTORED");
			assertThat(backups.get(1).get("outcome").asString()).isEqualTo("FAILURE");
			String csv = mvc
				.perform(get("/api/v1/audit/reports/pia").param("from", "2033-03-01")
					.param("to", "2033-03-31")
					.param("format", "csv")
					.with(auditor))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(csv).contains("結果,内容")
				.contains("BACKUP_RESTORED")
				.contains("FAILURE,file=madoguchi-2033-03-10.zip");
			mvc.perform(get("/audit/reports/pia").param("from", "2033-03-01").param("to", "2033-03-31").with(auditor))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
					.string(org.hamcrest.Matchers.containsString("火 13:00～17:30")));
		}
		finally {
			mvc.perform(put("/api/v1/masters/opening-hours").with(admin)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"days":[{"weekday":"MONDAY","opens":"08:45","closes":"17:30"},
						 {"weekday":"TUESDAY","opens":"08:45","closes":"17:30"},
						 {"weekday":"WEDNESDAY","opens":"08:45","closes":"17:30"},
						 {"weekday":"THURSDAY","opens":"08:45","closes":"17:30"},
						 {"weekday":"FRIDAY","opens":"08:45","closes":"17:30"}]}""")).andExpect(status().isOk());
		}
	}

	private void read(String id, String reader) throws Exception {
		mvc.perform(get("/api/v1/notifications/" + id).with(user(reader).authorities(() -> "NOTIFICATION_EDIT")))
			.andExpect(status().isOk());
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String pdfText(byte[] pdf) throws Exception {
		Path file = Files.createTempFile("pia", ".pdf");
		Files.write(file, pdf);
		Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").start();
		String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		Files.delete(file);
		return text;
	}

}
