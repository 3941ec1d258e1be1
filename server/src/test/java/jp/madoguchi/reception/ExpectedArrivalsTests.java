package jp.madoguchi.reception;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;

import jp.madoguchi.support.MovableClock;
import jp.madoguchi.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 本日来庁予定 on the reception board over the resident snapshot: the households whose data
 * sent ahead plans today's visit are listed with names exactly as recorded; 発券 takes a
 * 住民異動 ticket that remembers the data and the row shows 発券済み; an unreadable record leaves
 * a message and a working board; only reception staff see and issue.
 */
@Import(MovableClock.class)
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExpectedArrivalsTests {

	/** 辻 with a variation selector (IVS), as the resident-record system holds it. */
	static final String TSUJI = "辻\uDB40\uDD02";

	static final RequestPostProcessor CLERK = user("clerk-arrivals").authorities(() -> "RECEPTION");

	static final Path FOLDER = folder();

	static final Path SNAPSHOT = FOLDER.resolve("households.jsonl");

	@DynamicPropertySource
	static void snapshot(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.resident-record.lookup.snapshot", SNAPSHOT::toString);
	}

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	MockMvc mvc;

	@BeforeEach
	void setUp() throws Exception {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		// T0000001 (𠮷田 健太, from 札幌市中央区) plans 2026-12-01 in the fixture; one more
		// household is expected that day and one the day after.
		try (var in = ExpectedArrivalsTests.class.getResourceAsStream("/residentrecord/households.jsonl")) {
			Files.copy(in, SNAPSHOT, StandardCopyOption.REPLACE_EXISTING);
		}
		Files.writeString(SNAPSHOT,
				"""
						{"kind":"SENT_AHEAD","noticeId":"T0000091","plannedMoveOutDate":"2026-11-30","plannedVisitDate":"2026-12-01","previousAddress":{"prefecture":"青森県","city":"弘前市","town":"上白銀町","block":"1番地1"},"headOfHousehold":"%s 一郎","persons":[{"familyName":"%s","givenName":"一郎","birthDate":"1975-05-05","sex":"MALE","relationship":"世帯主"},{"familyName":"%s","givenName":"咲","birthDate":"2010-01-01","sex":"FEMALE","relationship":"子"},{"familyName":"%s","givenName":"湊","birthDate":"2012-02-02","sex":"MALE","relationship":"子"}]}
						{"kind":"SENT_AHEAD","noticeId":"T0000092","plannedVisitDate":"2026-12-02","headOfHousehold":"明日 来子","persons":[{"familyName":"明日","givenName":"来子"}]}
						"""
					.formatted(TSUJI, TSUJI, TSUJI, TSUJI),
				StandardOpenOption.APPEND);
		clock.set(LocalDateTime.of(2026, 12, 1, 9, 0));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@AfterAll
	static void removeFolder() {
		FileSystemUtils.deleteRecursively(FOLDER.toFile());
	}

	@Test
	void todaysArrivalsAreListedAndOneClickIssuesTheirTicketInTheMovingQueue() throws Exception {
		String board = board("insurance");
		assertThat(board).contains("本日来庁予定（転出証明書情報）", "data-notice=\"T0000001\"", "\uD842\uDFB7田 健太", "北海道札幌市中央区", "2人",
				"data-notice=\"T0000091\"", TSUJI + " 一郎", "青森県弘前市", "3人", "2026-12-01",
				"aria-label=\"" + TSUJI + " 一郎 の世帯に発券\"");
		assertThat(board).doesNotContain("T0000092", "明日 来子", "T0000002", "発券済み");
		assertThat(audited("reception expected-arrivals date=2026-12-01 hits=2")).isPositive();

		// 発券 from the insurance board still takes the ticket where 転入 is handled.
		String slip = mvc
			.perform(post("/reception/arrivals/ticket").with(CLERK)
				.with(csrf())
				.param("noticeId", "T0000091")
				.param("queue", "insurance")
				.param("counter", "11"))
			.andExpect(redirectedUrlPattern("/reception/receptions/*/slip"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String id = slip.split("/")[3];
		var row = jdbc
			.sql("select origin_queue, name, source, sent_ahead_notice, ticket_number from reception.receptions"
					+ " where id = ?::uuid")
			.param(id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("origin_queue", "moving")
			.containsEntry("name", TSUJI + " 一郎")
			.containsEntry("source", "SENT_AHEAD")
			.containsEntry("sent_ahead_notice", "T0000091");
		int number = ((Number) row.get("ticket_number")).intValue();
		assertThat(mvc.perform(get("/reception/receptions/" + id).with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("T0000091", "転出証明書情報（特例転入）から", TSUJI + " 一郎");
		assertThat(jdbc
			.sql("select count(*) from reception.tasks where reception_id = ?::uuid"
					+ " and queue_code = 'moving' and status = 'WAITING'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);

		String after = board("moving");
		int rowStart = after.indexOf("data-notice=\"T0000091\"");
		String issuedRow = after.substring(rowStart, after.indexOf("</tr>", rowStart));
		assertThat(issuedRow).contains("発券済み", number + "番", "/reception/receptions/" + id)
			.doesNotContain("name=\"noticeId\"");
		int otherStart = after.indexOf("data-notice=\"T0000001\"");
		assertThat(after.substring(otherStart, after.indexOf("</tr>", otherStart))).contains("name=\"noticeId\"")
			.doesNotContain("発券済み");

		// A second 発券 for the same household is refused, not a second ticket.
		mvc.perform(post("/reception/arrivals/ticket").with(CLERK)
			.with(csrf())
			.param("noticeId", "T0000091")
			.param("queue", "moving"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("refused", "この世帯の番号札は本日すでに発券済みです。"));
		// Data sent ahead for another day cannot be issued from today's list.
		mvc.perform(post("/reception/arrivals/ticket").with(CLERK)
			.with(csrf())
			.param("noticeId", "T0000092")
			.param("queue", "moving"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("refused", "転出証明書情報「T0000092」は本日の来庁予定にありません。画面を開き直してください。"));
		assertThat(jdbc.sql("select count(*) from reception.receptions where sent_ahead_notice is not null")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anUnreadableRecordLeavesAMessageAndTheBoardWorking() throws Exception {
		Files.delete(SNAPSHOT);
		String board = board("moving");
		assertThat(board).contains("本日来庁予定（転出証明書情報）", "住民記録システムに照会できないため", "次の方を呼出", "番号札を発行")
			.doesNotContain("data-notice=");
		mvc.perform(post("/reception/arrivals/ticket").with(CLERK)
			.with(csrf())
			.param("noticeId", "T0000001")
			.param("queue", "moving"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("refused", org.hamcrest.Matchers.startsWith("住民記録システムに照会できないため発券できません")));
		// Tickets by name still go out.
		mvc.perform(post("/reception/receptions").with(CLERK)
			.with(csrf())
			.param("queue", "moving")
			.param("name", TSUJI + " 一郎")).andExpect(redirectedUrlPattern("/reception/receptions/*/slip"));
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'RESIDENT_RECORD_LOOKUP' and outcome = 'FAILURE'"
					+ " and actor = 'clerk-arrivals' and detail like 'reception expected-arrivals%'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void onlyReceptionStaffSeeAndIssue() throws Exception {
		var editor = user("editor-arrivals").authorities(() -> "NOTIFICATION_EDIT");
		mvc.perform(get("/reception").with(editor)).andExpect(status().isForbidden());
		mvc.perform(post("/reception/arrivals/ticket").with(editor)
			.with(csrf())
			.param("noticeId", "T0000001")
			.param("queue", "moving")).andExpect(status().isForbidden());
		mvc.perform(
				post("/reception/arrivals/ticket").with(CLERK).param("noticeId", "T0000001").param("queue", "moving"))
			.andExpect(status().isForbidden());
		mvc.perform(
				post("/reception/arrivals/ticket").with(csrf()).param("noticeId", "T0000001").param("queue", "moving"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from reception.receptions where sent_ahead_notice = 'T0000001'")
			.query(Long.class)
			.single()).isZero();
		// The waiting list refreshed by htmx does not read the record again.
		long before = audited("reception expected-arrivals%");
		mvc.perform(get("/reception").param("queue", "moving").header("HX-Request", "true").with(CLERK))
			.andExpect(status().isOk());
		assertThat(audited("reception expected-arrivals%")).isEqualTo(before);
	}

	private String board(String queue) throws Exception {
		return mvc.perform(get("/reception").param("queue", queue).with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long audited(String detailLike) {
		return jdbc
			.sql("select count(*) from audit.events where action = 'RESIDENT_RECORD_LOOKUP'"
					+ " and actor = 'clerk-arrivals' and detail like ?")
			.param(detailLike)
			.query(Long.class)
			.single();
	}

	private static Path folder() {
		try {
			return Files.createTempDirectory("reception-arrivals");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
