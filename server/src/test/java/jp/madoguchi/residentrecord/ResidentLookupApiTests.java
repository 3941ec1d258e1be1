package jp.madoguchi.residentrecord;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static jp.madoguchi.residentrecord.Notifications.CLERK;
import static jp.madoguchi.residentrecord.Notifications.TSUJI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lookup API over the snapshot {@code residentrecord/households.jsonl}: households
 * grouped, card reads matched, data sent ahead and today's arrivals; permissions, audit,
 * unknown ids named, an unreadable record a 503 with the reason in Japanese.
 */
@SpringBootTest(properties = RecordSnapshots.SHARED)
class ResidentLookupApiTests {

	static final Path SNAPSHOT = RecordSnapshots.SHARED_SNAPSHOT;

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() throws Exception {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		RecordSnapshots.copyTo(SNAPSHOT);
	}

	@Test
	void householdsAreListedGroupedWithEveryMemberAndTheLookupIsAudited() throws Exception {
		mvc.perform(search("households", "{\"name\":\"ツジ タロウ\"}").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.truncated").value(false))
			.andExpect(jsonPath("$.matchedResidents").value(2))
			.andExpect(jsonPath("$.households.length()").value(2))
			.andExpect(jsonPath("$.households[0].householdId").value("H0042"))
			.andExpect(jsonPath("$.households[0].headOfHousehold").value(TSUJI + " 太郎"))
			.andExpect(jsonPath("$.households[0].members.length()").value(4))
			.andExpect(jsonPath("$.households[0].members[0].matched").value(true))
			.andExpect(jsonPath("$.households[0].members[1].matched").value(false))
			.andExpect(jsonPath("$.households[0].members[1].resident.givenName").value("花子"))
			.andExpect(jsonPath("$.households[1].householdId").value("H0050"));
		mvc.perform(search("residents", "{\"address\":\"黒金町7-5\"}").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(4));
		assertThat(audited("households name=(given)%hits=2")).isPositive();
		// who was looked for is not written to the audit log, only that a name was given
		assertThat(audited("%タロウ%")).isZero();
	}

	@Test
	void aCardReadListsEveryCandidateWithHowEachItemCompares() throws Exception {
		String card = """
				{"name":"%s　太郎","birthDate":"1980-04-01","sex":"MALE","address":"北海道釧路市黒金町7丁目5番地ハイツ101"}"""
			.formatted(TSUJI);
		mvc.perform(post("/api/v1/resident-record/households/card-match").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(card))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.households.length()").value(2))
			.andExpect(jsonPath("$.households[0].householdId").value("H0042"))
			.andExpect(jsonPath("$.households[0].members[0].cardMatch.name").value("SAME"))
			.andExpect(jsonPath("$.households[0].members[0].cardMatch.address").value("SAME"))
			.andExpect(jsonPath("$.households[1].members[0].cardMatch.name").value("SAME_FOLDED"))
			.andExpect(jsonPath("$.households[1].members[0].cardMatch.address").value("DIFFERENT"));
		assertThat(audited("households by card hits=2")).isPositive();
		mvc.perform(post("/api/v1/resident-record/households/card-match").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"辻 太郎\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("CARD_ITEMS_REQUIRED"));
		mvc.perform(post("/api/v1/resident-record/households/card-match").with(CLERK)
			.contentType(MediaType.APPLICATION_JSON)
			.content(card)).andExpect(status().isForbidden());
	}

	@Test
	void dataSentAheadIsFoundByNameBirthDateCardAndPlannedVisit() throws Exception {
		mvc.perform(search("sent-ahead", "{\"name\":\"よしだ\",\"birthDate\":\"1988-02-29\"}").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].noticeId").value("T0000001"))
			.andExpect(jsonPath("$[0].plannedMoveOutDate").value("2026-11-28"))
			.andExpect(jsonPath("$[0].persons[0].familyName").value("\uD842\uDFB7田"))
			.andExpect(jsonPath("$[0].persons[1].relationship").value("妻"));
		mvc.perform(get("/api/v1/resident-record/sent-ahead/expected-arrivals").param("date", "2026-12-05").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].headOfHousehold").value("佐藤 陽子"));
		mvc.perform(post("/api/v1/resident-record/sent-ahead/card-match").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"吉田 美咲","birthDate":"1990-10-10","sex":"FEMALE","address":"北海道札幌市中央区北一条西2丁目1番地"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].sentAhead.noticeId").value("T0000001"))
			.andExpect(jsonPath("$[0].personIndex").value(1))
			.andExpect(jsonPath("$[0].match.name").value("SAME_FOLDED"));
		mvc.perform(search("sent-ahead", "{}").with(CLERK))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("LOOKUP_CRITERIA_REQUIRED"));
		assertThat(audited("sent-ahead expected-arrivals date=2026-12-05 hits=1")).isPositive();
	}

	@Test
	void unknownResidentIdsAreNamed() throws Exception {
		mvc.perform(get("/api/v1/resident-record/residents/by-id").param("ids", "0000124", "0000123").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].givenName").value("花子"))
			.andExpect(jsonPath("$[1].givenName").value("太郎"));
		mvc.perform(get("/api/v1/resident-record/residents/by-id").param("ids", "0000123", "X1", "X2").with(CLERK))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("UNKNOWN_RESIDENT_IDS"))
			.andExpect(jsonPath("$.detail").value("住民記録にない宛名番号です: X1, X2"));
		mvc.perform(get("/api/v1/resident-record/residents/by-id").with(CLERK))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("RESIDENT_IDS_REQUIRED"));
	}

	@Test
	void anUnreadableRecordIsA503WithTheReasonNeverA500() throws Exception {
		Files.delete(SNAPSHOT);
		mvc.perform(search("households", "{\"name\":\"つじ\"}").with(CLERK))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.code").value("RESIDENT_LOOKUP_UNAVAILABLE"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("がありません")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("手入力で続けられます")));
		mvc.perform(get("/api/v1/resident-record/sent-ahead/expected-arrivals").with(CLERK))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.code").value("RESIDENT_LOOKUP_UNAVAILABLE"));
		Files.writeString(SNAPSHOT, "{\"residentId\":\"1\",\"birthDate\":\"not a date\"}\n");
		mvc.perform(search("residents", "{\"name\":\"つじ\"}").with(CLERK))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1 行目")));
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'RESIDENT_RECORD_LOOKUP' and outcome = 'FAILURE'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void onlyStaffWhoEditNotificationsMayLookUp() throws Exception {
		var reception = user("r").authorities(() -> "RECEPTION");
		for (String path : new String[] { "/api/v1/resident-record/residents/by-id?ids=0000123",
				"/api/v1/resident-record/sent-ahead/expected-arrivals" }) {
			mvc.perform(get(path).with(reception)).andExpect(status().isForbidden());
		}
		for (String kind : new String[] { "households", "residents", "sent-ahead" }) {
			mvc.perform(search(kind, "{\"name\":\"つじ\"}").with(reception)).andExpect(status().isForbidden());
		}
		mvc.perform(search("households", "{\"name\":\"つじ\"}")).andExpect(status().isUnauthorized());
		// issue 20: no search by name in a query string any more
		mvc.perform(get("/api/v1/resident-record/households").param("name", "つじ").with(CLERK))
			.andExpect(status().is4xxClientError());
		mvc.perform(get("/api/v1/resident-record/sent-ahead").param("name", "よしだ").with(CLERK))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void theCounterPageListsTheHouseholdsFoundWithEveryMember() throws Exception {
		String page = mvc
			.perform(post("/resident-record/households/search").param("name", "つじ たろう").with(CLERK).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-household=\"H0042\"", "data-household=\"H0050\"", TSUJI + " 花子",
				"data-resident=\"0000126\"", "2 世帯（該当 2 人）");
		assertThat(page).doesNotContain("<script>");
		assertThat(audited("page households name=(given)%hits=2")).isPositive();
		mvc.perform(get("/resident-record/households").with(CLERK)).andExpect(status().isOk());
		mvc.perform(post("/resident-record/households/search").param("name", "つじ")
			.with(user("r").authorities(() -> "RECEPTION"))
			.with(csrf())).andExpect(status().isForbidden());
		// a POST with CSRF: without the token refused, and the name never in a URL
		mvc.perform(post("/resident-record/households/search").param("name", "つじ").with(CLERK))
			.andExpect(status().isForbidden());
		assertThat(mvc.perform(get("/resident-record/households").param("name", "つじ").with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("data-household=").contains("method=\"post\"", "name=\"_csrf\"");
		Files.delete(SNAPSHOT);
		assertThat(mvc.perform(post("/resident-record/households/search").param("name", "つじ").with(CLERK).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("住民記録システムに照会できません", "手入力で続けられます");
	}

	/** A search of the record: a POST with a JSON body (issue 20: no names in URLs). */
	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder search(String kind,
			String body) {
		return post("/api/v1/resident-record/" + kind + "/search").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	private long audited(String detailLike) {
		return jdbc
			.sql("select count(*) from audit.events where action = 'RESIDENT_RECORD_LOOKUP' and actor = 'clerk-rr'"
					+ " and detail like ?")
			.param(detailLike)
			.query(Long.class)
			.single();
	}

}
