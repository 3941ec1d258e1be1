package jp.madoguchi.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.audit.domain.AttributionSource;
import jp.madoguchi.audit.domain.AuditEventRepository;
import jp.madoguchi.audit.domain.AuditService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AuditIntegration
@WithMockUser(username = "auditor-web", authorities = "AUDIT_VIEW")
class AuditWebTests {

	MockMvc mvc;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	@Autowired
	AuditEventRepository repository;

	@Autowired
	AttributionSource attribution;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	jp.madoguchi.audit.domain.ChainKeys keys;

	@Autowired
	jp.madoguchi.audit.domain.ChainHeadExport exports;

	String id;

	String subject;

	@BeforeEach
	void setUp(WebApplicationContext context) {
		mvc = SecuredMockMvc.of(context);
		id = UUID.randomUUID().toString();
		subject = "case:" + id;
		trail.record(AuditEntry.success("CASE_OPENED", subject).by("alice-" + id));
		trail.record(AuditEntry.denied("CASE_VIEWED", subject, "no permission").by("bob-" + id));
		trail.record(
				AuditEntry.failure("CASE_CLOSED", subject + "-b", "=cmd|' /C calc'!A0, \"quoted\"").by("alice-" + id));
	}

	@Test
	void searchesByEachFilterNewestFirst() throws Exception {
		mvc.perform(get("/api/v1/audit/events").param("subject", subject + "*"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[0].action").value("CASE_CLOSED"))
			.andExpect(jsonPath("$[1].action").value("CASE_VIEWED"))
			.andExpect(jsonPath("$[2].action").value("CASE_OPENED"))
			.andExpect(jsonPath("$[1].outcome").value("DENIED"))
			.andExpect(jsonPath("$[1].actor").value("bob-" + id))
			.andExpect(jsonPath("$[1].detail").value("no permission"))
			.andExpect(jsonPath("$[1].hash").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")))
			.andExpect(jsonPath("$[1].occurredAt").value(endsWith("+09:00")));
		actions(get("/api/v1/audit/events").param("subject", subject), "CASE_VIEWED", "CASE_OPENED");
		actions(get("/api/v1/audit/events").param("user", "alice-" + id), "CASE_CLOSED", "CASE_OPENED");
		actions(get("/api/v1/audit/events").param("subject", subject + "*").param("action", "case_viewed"),
				"CASE_VIEWED");
		actions(get("/api/v1/audit/events").param("subject", subject + "*").param("outcome", "FAILURE"), "CASE_CLOSED");
		actions(get("/api/v1/audit/events").param("subject", subject + "*").param("limit", "2"), "CASE_CLOSED",
				"CASE_VIEWED");
		// LIKE wildcards in a prefix are taken literally
		actions(get("/api/v1/audit/events").param("subject", "case:" + id.substring(0, 8) + "%*"));
	}

	@Test
	void datesAreInclusiveDaysInTokyo() throws Exception {
		String days = "day:" + UUID.randomUUID();
		// the very first and last microsecond of 2020-03-10 in Tokyo, and the next day's
		// first
		for (String time : List.of("2020-03-09T15:00:00Z", "2020-03-10T14:59:59.999999Z", "2020-03-10T15:00:00Z")) {
			Clock clock = Clock.fixed(Instant.parse(time), ZoneOffset.UTC);
			new AuditService(repository, attribution, transactions, clock, keys, exports)
				.record(AuditEntry.success("DAY_" + time.substring(8, 10), days));
		}
		actions(get("/api/v1/audit/events").param("subject", days)
			.param("from", "2020-03-10")
			.param("to", "2020-03-10"), "DAY_10", "DAY_09");
		actions(get("/api/v1/audit/events").param("subject", days).param("from", "2020-03-11"), "DAY_10");
		actions(get("/api/v1/audit/events").param("subject", days).param("to", "2020-03-09"));
		actions(get("/api/v1/audit/events").param("subject", days)
			.param("from", "2020-03-10T23:59:59.999999+09:00")
			.param("to", "2020-03-11T00:00"), "DAY_10", "DAY_10");
		mvc.perform(get("/api/v1/audit/events").param("subject", days).param("from", "2020-03-10"))
			.andExpect(jsonPath("$[2].occurredAt").value("2020-03-10T00:00:00+09:00"));
	}

	@Test
	void badParametersAreProblemDetails() throws Exception {
		for (String[] bad : List.of(new String[] { "from", "2026-02-30" }, new String[] { "to", "soon" },
				new String[] { "limit", "0" }, new String[] { "limit", "1001" }, new String[] { "limit", "many" },
				new String[] { "outcome", "MAYBE" })) {
			mvc.perform(get("/api/v1/audit/events").param(bad[0], bad[1]))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(422))
				.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
				.andExpect(jsonPath("$.errors[0].field").value(bad[0]))
				.andExpect(jsonPath("$.errors[0].message").isNotEmpty());
		}
		mvc.perform(get("/api/v1/audit/events").param("from", "2026-11-26").param("to", "2026-11-25"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		mvc.perform(get("/audit/events.csv").param("from", "yesterday"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
	}

	@Test
	void exportsCsvForExcel() throws Exception {
		byte[] body = mvc.perform(get("/audit/events.csv").param("subject", subject + "*"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
		assertThat(csv).endsWith("\r\n").doesNotContain("\n\n");
		assertThat(csv.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
		List<String> lines = List.of(csv.split("\r\n"));
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).isEqualTo("ID,日時,利用者,端末,IPアドレス,操作,対象,結果,詳細,ハッシュ");
		assertThat(lines.get(1)).contains(",CASE_CLOSED,", ",失敗,", ",\"'=cmd|' /C calc'!A0, \"\"quoted\"\"\",");
		assertThat(lines.get(2)).contains(",bob-" + id + ",", ",CASE_VIEWED,", ",拒否,");
		assertThat(lines.get(3)).contains(",CASE_OPENED,", ",成功,");
	}

	@Test
	void readingTheTrailIsItselfAudited() throws Exception {
		mvc.perform(get("/api/v1/audit/events").param("subject", subject)).andExpect(status().isOk());
		mvc.perform(get("/audit/events.csv").param("subject", subject)).andExpect(status().isOk());
		mvc.perform(get("/audit").param("subject", subject)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/audit/verify")).andExpect(status().isOk());
		List<AuditEvent> reads = log.search(new AuditQuery("auditor-web", null, null, null, null, null, 10));
		assertThat(reads).extracting(AuditEvent::action)
			.startsWith("AUDIT_VERIFIED", "AUDIT_SEARCHED", "AUDIT_EXPORTED", "AUDIT_SEARCHED");
		assertThat(reads.get(1).detail()).isEqualTo("subject=" + subject + " rows=2");
		assertThat(reads.get(2).detail()).isEqualTo("subject=" + subject + " rows=2");
		assertThat(reads.get(3).detail()).isEqualTo("subject=" + subject + " rows=2");
		assertThat(reads.get(0).detail()).startsWith("valid=");
	}

	@Test
	void theSearchPageShowsResultsAndLinksTheExport() throws Exception {
		mvc.perform(get("/audit").param("subject", subject).param("user", "bob-" + id))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<title>監査ログ")))
			.andExpect(content().string(containsString("CASE_VIEWED")))
			.andExpect(content().string(containsString("拒否")))
			.andExpect(content().string(not(containsString("CASE_OPENED"))))
			.andExpect(content()
				.string(containsString("href=\"/audit/events.csv?user=bob-" + id + "&amp;subject=" + subject + "\"")));
	}

	@Test
	void theSearchPageAnswersHtmxWithItsMainOnly() throws Exception {
		mvc.perform(get("/audit").param("subject", subject).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<main id=\"main\"")))
			.andExpect(content().string(containsString("CASE_OPENED")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void theSearchPageSummarisesErrors() throws Exception {
		mvc.perform(get("/audit").param("from", "2026-02-30").param("limit", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("error-summary")))
			.andExpect(content().string(containsString("href=\"#audit-from\"")))
			.andExpect(content().string(containsString("href=\"#audit-limit\"")))
			.andExpect(content()
				.string(containsString("name=\"from\" type=\"date\" value=\"2026-02-30\" aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("表示件数は1から1000までの整数で入力してください。")));
	}

	@Test
	void theVerificationPageShowsTheResult() throws Exception {
		mvc.perform(get("/audit/verify"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("監査ログの改ざん検証")));
	}

	private void actions(org.springframework.test.web.servlet.RequestBuilder request, String... expected)
			throws Exception {
		String json = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> actual = com.jayway.jsonpath.JsonPath.read(json, "$[*].action");
		assertThat(actual).as(json).containsExactly(expected);
	}

}
