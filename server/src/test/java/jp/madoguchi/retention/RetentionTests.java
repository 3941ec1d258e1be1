package jp.madoguchi.retention;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import jp.madoguchi.retention.domain.PurgeRun;
import jp.madoguchi.retention.domain.RetentionService;
import jp.madoguchi.support.PairedTerminals;
import jp.madoguchi.support.PairedTerminals.Paired;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 10: the purge removes exactly the notifications and receptions past 5 fiscal
 * years and not held — the last day of a fiscal year (3/31) goes, the first day of the
 * next (4/1) stays — and with a notification its print jobs, signatures and delivery.
 */
@SpringBootTest
class RetentionTests {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	static final RequestPostProcessor ADMIN = user("retention-admin").authorities(() -> "MASTER_ADMIN");

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RetentionService retention;

	@Autowired
	JsonMapper json;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void purgesExactlyTheNotificationsPastRetentionAndNotOnHold() throws Exception {
		// computed here by hand, not with the code under test: today's fiscal year starts
		// on
		// April 1st of this or last year; five fiscal years before it is the cutoff
		LocalDate today = LocalDate.now(TOKYO);
		int fiscalYear = (today.getMonthValue() >= 4) ? today.getYear() : today.getYear() - 1;
		LocalDate firstKept = LocalDate.of(fiscalYear - 5, 4, 1);
		LocalDate lastPurged = LocalDate.of(fiscalYear - 5, 3, 31);

		UUID march31 = notification(lastPurged, null);
		UUID april1 = notification(firstKept, null);
		UUID heldMarch31 = notification(lastPurged, null);
		UUID draftCreatedMarch31 = notification(null, lastPurged.atTime(23, 59).atZone(TOKYO));
		UUID draftCreatedApril1 = notification(null, firstKept.atStartOfDay(TOKYO));
		jdbc.sql("insert into moving.my_numbers values (?, 0, 'k', '\\x00'::bytea, '\\x00'::bytea)")
			.param(march31)
			.update();
		// what forms and residentrecord keep of them: a print job with its reprint, a
		// signature, a delivery
		for (UUID id : new UUID[] { march31, april1, heldMarch31 }) {
			UUID original = printJob(id, null);
			printJob(id, original);
			signature(id);
			delivery(id);
		}

		mvc.perform(put("/api/v1/notifications/" + heldMarch31 + "/legal-hold").with(ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"held\":true,\"reason\":\"\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("LEGAL_HOLD_REASON_REQUIRED"));
		mvc.perform(put("/api/v1/notifications/" + heldMarch31 + "/legal-hold").with(ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"held\":true,\"reason\":\"審査請求中\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.held").value(true));
		mvc.perform(put("/api/v1/notifications/" + heldMarch31 + "/legal-hold")
			.with(user("clerk").authorities(() -> "NOTIFICATION_EDIT"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"held\":false}")).andExpect(status().isForbidden());

		long keptBefore = countFrom(firstKept);
		long dueBefore = countDueBefore(firstKept);
		assertThat(dueBefore).isGreaterThanOrEqualTo(2);
		long printJobsDue = dependentsDue("forms.print_jobs", firstKept);
		long signaturesDue = dependentsDue("forms.signatures", firstKept);
		long deliveriesDue = dependentsDue("residentrecord.deliveries", firstKept);
		assertThat(printJobsDue).isGreaterThanOrEqualTo(2);
		assertThat(signaturesDue).isPositive();
		assertThat(deliveriesDue).isPositive();

		mvc.perform(post("/api/v1/admin/retention/runs").with(ADMIN).with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.recordsCutoff").value(firstKept.toString()))
			.andExpect(jsonPath("$.counts['moving.notifications']").value(dueBefore))
			.andExpect(jsonPath("$.counts['forms.print_jobs']").value(printJobsDue))
			.andExpect(jsonPath("$.counts['forms.signatures']").value(signaturesDue))
			.andExpect(jsonPath("$.counts['residentrecord.deliveries']").value(deliveriesDue));

		assertThat(exists(march31)).isFalse();
		assertThat(exists(draftCreatedMarch31)).isFalse();
		assertThat(exists(april1)).isTrue();
		assertThat(exists(draftCreatedApril1)).isTrue();
		assertThat(exists(heldMarch31)).isTrue();
		assertThat(jdbc.sql("select count(*) from moving.my_numbers where notification_id = ?")
			.param(march31)
			.query(Long.class)
			.single()).isZero();
		assertThat(countDueBefore(firstKept)).isZero();
		// a notification's print jobs, signatures and delivery go with it, and only then
		for (String table : new String[] { "forms.print_jobs", "forms.signatures", "residentrecord.deliveries" }) {
			assertThat(rowsOf(table, march31)).as(table).isZero();
			assertThat(rowsOf(table, april1)).as(table).isPositive();
			assertThat(rowsOf(table, heldMarch31)).as(table).isPositive();
			assertThat(dependentsDue(table, firstKept)).as(table).isZero();
		}
		assertThat(rowsOf("forms.print_jobs", heldMarch31)).isEqualTo(2);
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'RETENTION_PURGED'"
					+ " and subject = 'retention:forms.print_jobs' and detail = ?")
			.param("cutoff=" + firstKept + " purged=" + printJobsDue)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(countFrom(firstKept)).isEqualTo(keptBefore);
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'RETENTION_PURGED'"
					+ " and subject = 'retention:moving.notifications' and detail = ?")
			.param("cutoff=" + firstKept + " purged=" + dueBefore)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit.events where action = 'LEGAL_HOLD_SET' and subject = ?")
			.param("notification:" + heldMarch31)
			.query(Long.class)
			.single()).isEqualTo(1);

		PurgeRun latest = retention.recentRuns().get(0);
		assertThat(latest.trigger()).isEqualTo("MANUAL");
		assertThat(latest.actor()).isEqualTo("retention-admin");
		assertThat(latest.counts()).containsEntry("moving.notifications", dueBefore).containsKey("audit.events");
	}

	@Test
	void purgesExactlyTheReceptionsPastRetentionWithTheirTasksAndKeepsHeldOnes() throws Exception {
		LocalDate today = LocalDate.now(TOKYO);
		int fiscalYear = (today.getMonthValue() >= 4) ? today.getYear() : today.getYear() - 1;
		LocalDate firstKept = LocalDate.of(fiscalYear - 5, 4, 1);
		LocalDate lastPurged = LocalDate.of(fiscalYear - 5, 3, 31);
		UUID march31 = reception(lastPurged);
		UUID april1 = reception(firstKept);
		UUID held = reception(lastPurged);
		Paired terminal = PairedTerminals.pair(mvc, json, "http://127.0.0.1:9443");

		mvc.perform(put("/api/v1/receptions/" + held + "/legal-hold").with(ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"held\":true,\"reason\":\"  \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("LEGAL_HOLD_REASON_REQUIRED"));
		mvc.perform(
				put("/api/v1/receptions/" + held + "/legal-hold").with(user("counter").authorities(() -> "RECEPTION"))
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"held\":true,\"reason\":\"苦情の調査\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/receptions/" + UUID.randomUUID() + "/legal-hold").with(ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"held\":true,\"reason\":\"苦情の調査\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("RECEPTION_NOT_FOUND"));
		mvc.perform(put("/api/v1/receptions/" + held + "/legal-hold").with(ADMIN)
			.with(csrf())
			.cookie(terminal.cookie())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"held\":true,\"reason\":\"苦情の調査\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.held").value(true))
			.andExpect(jsonPath("$.reason").value("苦情の調査"))
			.andExpect(jsonPath("$.by").value("retention-admin"));
		// audited, with the paired terminal the request came from
		String terminalName = jdbc.sql("select name from terminals.terminals where id = ?")
			.param(UUID.fromString(terminal.cookie().getValue().split("\\.")[0]))
			.query(String.class)
			.single();
		assertThat(jdbc
			.sql("select terminal from audit.events where action = 'LEGAL_HOLD_SET' and subject = ? and detail = ?")
			.params("reception:" + held, "苦情の調査")
			.query(String.class)
			.list()).containsExactly(terminalName);

		long dueBefore = jdbc.sql("select count(*) from reception.receptions where day < ? and not legal_hold")
			.param(firstKept)
			.query(Long.class)
			.single();
		assertThat(dueBefore).isPositive();
		mvc.perform(post("/api/v1/admin/retention/runs").with(ADMIN).with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.counts['reception.receptions']").value(dueBefore));

		for (String table : new String[] { "reception.receptions", "reception.tasks", "reception.task_events" }) {
			String column = table.equals("reception.receptions") ? "id" : "reception_id";
			assertThat(count(table, column, march31)).as(table).isZero();
			assertThat(count(table, column, april1)).as(table).isEqualTo(1);
			assertThat(count(table, column, held)).as(table).isEqualTo(1);
		}
		assertThat(jdbc.sql("select count(*) from reception.receptions where day < ? and not legal_hold")
			.param(firstKept)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'RETENTION_PURGED'"
					+ " and subject = 'retention:reception.receptions' and detail = ?")
			.param("cutoff=" + firstKept + " purged=" + dueBefore)
			.query(Long.class)
			.single()).isEqualTo(1);

		mvc.perform(put("/api/v1/receptions/" + held + "/legal-hold").with(ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"held\":false}")).andExpect(status().isOk()).andExpect(jsonPath("$.held").value(false));
		assertThat(jdbc.sql("select legal_hold from reception.receptions where id = ?")
			.param(held)
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(jdbc.sql("select count(*) from audit.events where action = 'LEGAL_HOLD_RELEASED' and subject = ?")
			.param("reception:" + held)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theNotificationPageOffersTheLegalHoldToAdministratorsOnly() throws Exception {
		RequestPostProcessor admin = user("hold-admin").authorities(() -> "MASTER_ADMIN", () -> "NOTIFICATION_EDIT");
		RequestPostProcessor clerk = user("clerk").authorities(() -> "NOTIFICATION_EDIT", () -> "NOTIFICATION_ACCEPT");
		String location = mvc
			.perform(post("/notifications/new").with(clerk)
				.with(csrf())
				.param("type", "MOVE_IN")
				.param("variant", "DOMESTIC")
				.param("persons[0].familyName", "辻\uDB40\uDD02")
				.param("persons[0].givenName", "太郎"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

		String adminPage = mvc.perform(get("/notifications/" + id).with(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(adminPage).contains("id=\"legal-hold\"", "name=\"reason\"", "name=\"_csrf\"",
				"/notifications/" + id + "/legal-hold");
		String clerkPage = mvc.perform(get("/notifications/" + id).with(clerk))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(clerkPage).doesNotContain("legal-hold");

		mvc.perform(post("/notifications/" + id + "/legal-hold").with(clerk)
			.with(csrf())
			.param("held", "true")
			.param("reason", "審査請求中")).andExpect(status().isForbidden());
		mvc.perform(
				post("/notifications/" + id + "/legal-hold").with(admin).param("held", "true").param("reason", "審査請求中"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/notifications/" + id + "/legal-hold").with(admin)
			.with(csrf())
			.param("held", "true")
			.param("reason", " "))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("refused", "保存延長（リーガルホールド）の理由を入力してください。"));
		assertThat(held(id)).isFalse();
		mvc.perform(post("/notifications/" + id + "/legal-hold").with(admin)
			.with(csrf())
			.param("held", "true")
			.param("reason", "審査請求中"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/notifications/" + id));
		assertThat(held(id)).isTrue();
		String heldPage = mvc.perform(get("/notifications/" + id).with(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(heldPage).contains("審査請求中", "保存延長を解除する").doesNotContain("name=\"reason\"");
		mvc.perform(post("/notifications/" + id + "/legal-hold").with(admin).with(csrf()).param("held", "false"))
			.andExpect(status().is3xxRedirection());
		assertThat(held(id)).isFalse();
		assertThat(
				jdbc.sql("select action from audit.events where subject = ? and action like 'LEGAL_HOLD_%' order by id")
					.param("notification:" + id)
					.query(String.class)
					.list())
			.containsExactly("LEGAL_HOLD_SET", "LEGAL_HOLD_RELEASED");
	}

	@Test
	void theReceptionDetailPageSetsAndReleasesTheHoldForAdministratorsOnly() throws Exception {
		UUID id = reception(LocalDate.now(TOKYO));
		RequestPostProcessor admin = user("hold-admin").authorities(() -> "MASTER_ADMIN", () -> "RECEPTION");
		RequestPostProcessor clerk = user("clerk").authorities(() -> "RECEPTION");
		String page = "/reception/receptions/" + id;
		assertThat(body(get(page).with(admin))).contains("id=\"legal-hold\"", "name=\"reason\"", page + "/legal-hold");
		assertThat(body(get(page).with(clerk))).doesNotContain("legal-hold");

		mvc.perform(post(page + "/legal-hold").with(clerk).with(csrf()).param("held", "true").param("reason", "苦情の調査"))
			.andExpect(status().isForbidden());
		mvc.perform(post(page + "/legal-hold").with(admin).with(csrf()).param("held", "true").param("reason", ""))
			.andExpect(flash().attribute("refused", "保存延長（リーガルホールド）の理由を入力してください。"));
		mvc.perform(post(page + "/legal-hold").with(admin).with(csrf()).param("held", "true").param("reason", "苦情の調査"))
			.andExpect(redirectedUrl(page));
		assertThat(body(get(page).with(admin))).contains("苦情の調査", "保存延長を解除する").doesNotContain("name=\"reason\"");
		mvc.perform(post(page + "/legal-hold").with(admin).with(csrf()).param("held", "false"))
			.andExpect(redirectedUrl(page));
		assertThat(
				jdbc.sql("select action from audit.events where subject = ? and action like 'LEGAL_HOLD_%' order by id")
					.param("reception:" + id)
					.query(String.class)
					.list())
			.containsExactly("LEGAL_HOLD_SET", "LEGAL_HOLD_RELEASED");
	}

	private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void aScheduledRunHappensOncePerDay() {
		retention.run(RetentionService.Trigger.SCHEDULED, null);
		assertThat(retention.run(RetentionService.Trigger.SCHEDULED, null)).isEmpty();
	}

	@Test
	void settingsAreValidated() throws Exception {
		mvc.perform(put("/api/v1/admin/retention").with(ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"recordsYears\":0,\"auditYears\":10,\"fiscalYearStartMonth\":4}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_RETENTION_SETTINGS"));
	}

	/** Rows of a notification-owned table whose notification is due (not held). */
	private long dependentsDue(String table, LocalDate cutoff) {
		return jdbc.sql("select count(*) from " + table + " d join moving.notifications n on n.id = d.notification_id"
				+ " where not n.legal_hold and coalesce(n.filed_on, (n.created_at at time zone 'Asia/Tokyo')::date) < ?")
			.param(cutoff)
			.query(Long.class)
			.single();
	}

	private long rowsOf(String table, UUID notification) {
		return jdbc.sql("select count(*) from " + table + " where notification_id = ?")
			.param(notification)
			.query(Long.class)
			.single();
	}

	private UUID printJob(UUID notification, @Nullable UUID reprintOf) {
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"""
						insert into forms.print_jobs (id, notification_id, form_id, template_version, printer, printer_uri, state,
						document, reprint_of, created_at, created_by, updated_at)
						values (?, ?, 'moving-notification', 1, 'p', 'ipp://localhost/p', 'COMPLETED', '%PDF'::bytea, ?, now(),
						'retention-test', now())""")
			.params(id, notification, reprintOf)
			.update();
		return id;
	}

	private void signature(UUID notification) {
		jdbc.sql("""
				insert into forms.signatures (id, notification_id, content_hash, strokes, signed_at, captured_by)
				values (?, ?, repeat('a', 64), '[]'::jsonb, now(), 'retention-test')""")
			.params(UUID.randomUUID(), notification)
			.update();
	}

	private void delivery(UUID notification) {
		jdbc.sql(
				"""
						insert into residentrecord.deliveries (id, notification_id, state, next_attempt_at, accepted_at, accepted_by,
						created_at, updated_at) values (?, ?, 'SENT', now(), now(), 'retention-test', now(), now())""")
			.params(UUID.randomUUID(), notification)
			.update();
	}

	private boolean held(UUID notification) {
		return jdbc.sql("select legal_hold from moving.notifications where id = ?")
			.param(notification)
			.query(Boolean.class)
			.single();
	}

	private long count(String table, String column, UUID reception) {
		return jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
			.param(reception)
			.query(Long.class)
			.single();
	}

	/** A reception of that day with one finished task and one timeline entry. */
	private UUID reception(LocalDate day) {
		UUID id = UUID.randomUUID();
		UUID task = UUID.randomUUID();
		int ticket = (int) (Math.abs(id.getLeastSignificantBits()) % 1_000_000_000L);
		java.sql.Timestamp at = java.sql.Timestamp.from(day.atTime(9, 0).atZone(TOKYO).toInstant());
		jdbc.sql(
				"""
						insert into reception.receptions (id, day, ticket_number, origin_queue, source, name, created_at, created_by)
						values (?, ?, ?, 'moving', 'SCRATCH', '辻󠄀 太郎', ?, 'retention-test')""")
			.params(id, day, ticket, at)
			.update();
		jdbc.sql("""
				insert into reception.tasks (id, reception_id, queue_code, day, ticket_number, status, enqueued_at)
				values (?, ?, 'moving', ?, ?, 'DONE', ?)""").params(task, id, day, ticket, at).update();
		jdbc.sql("""
				insert into reception.task_events (reception_id, task_id, queue_code, to_status, actor, at)
				values (?, ?, 'moving', 'DONE', 'retention-test', ?)""").params(id, task, at).update();
		return id;
	}

	private long countDueBefore(LocalDate cutoff) {
		return jdbc
			.sql("select count(*) from moving.notifications where not legal_hold and"
					+ " coalesce(filed_on, (created_at at time zone 'Asia/Tokyo')::date) < ?")
			.param(cutoff)
			.query(Long.class)
			.single();
	}

	private long countFrom(LocalDate cutoff) {
		return jdbc
			.sql("select count(*) from moving.notifications where"
					+ " coalesce(filed_on, (created_at at time zone 'Asia/Tokyo')::date) >= ? or legal_hold")
			.param(cutoff)
			.query(Long.class)
			.single();
	}

	private boolean exists(UUID id) {
		return jdbc.sql("select exists (select 1 from moving.notifications where id = ?)")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	private UUID notification(@Nullable LocalDate filedOn, @Nullable ZonedDateTime createdAt) {
		UUID id = UUID.randomUUID();
		java.sql.Timestamp created = java.sql.Timestamp
			.from(((createdAt != null) ? createdAt : filedOn.atTime(10, 0).atZone(TOKYO)).toInstant());
		jdbc.sql(
				"""
						insert into moving.notifications (id, version, status, type, variant, filed_on, content, findings,
						error_count, created_at, created_by, updated_at, updated_by)
						values (?, 0, 'ACCEPTED', 'MOVE_IN', 'DOMESTIC', ?, '{}'::jsonb, '[]'::jsonb, 0, ?, 'retention-test', ?, 'retention-test')""")
			.params(id, filedOn, created, created)
			.update();
		return id;
	}

	@Test
	void theRetentionPageShowsSettingsAndCutoffs() throws Exception {
		mvc.perform(get("/admin/retention").with(user("master").authorities(() -> "MASTER_ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"recordsYears\"")))
			.andExpect(content().string(containsString("moving.notifications")));
	}

}
