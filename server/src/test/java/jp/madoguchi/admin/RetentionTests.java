package jp.madoguchi.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import jp.madoguchi.admin.domain.RetentionService;
import jp.madoguchi.admin.persistence.RetentionStore.PurgeRun;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 10: the purge removes exactly the notifications past 5 fiscal years and not held
 * — the last day of a fiscal year (3/31) goes, the first day of the next (4/1) stays.
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

		mvc.perform(post("/api/v1/admin/retention/runs").with(ADMIN).with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.recordsCutoff").value(firstKept.toString()))
			.andExpect(jsonPath("$.counts['moving.notifications']").value(dueBefore));

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

}
