package jp.madoguchi.moving;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 続柄, 異動事由 and 届出の種類 masters (issue 17) through the real security chain and database.
 * Codes the tests add are valid only from 2099, so the counter's lists of today, which
 * other tests read, stay the shipped ones; a notification kind a test changes is put
 * back.
 */
@SpringBootTest
class CodeMasterApiTests {

	static final RequestPostProcessor CLERK = user("clerk-codes").authorities(() -> "NOTIFICATION_EDIT",
			() -> "NOTIFICATION_ACCEPT");

	static final RequestPostProcessor ADMIN = user("admin-codes").authorities(() -> "MASTER_ADMIN");

	static final String SHIPPED_SOURCE = "市区町村独自 (標準の値未確認)";

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void bothMastersListCodeLabelSourceAndValidity() throws Exception {
		mvc.perform(get("/api/v1/masters/relationships").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].code").value("01"))
			.andExpect(jsonPath("$[0].label").value("世帯主"))
			.andExpect(jsonPath("$[0].source").value(SHIPPED_SOURCE))
			.andExpect(jsonPath("$[0].validFrom").doesNotExist())
			.andExpect(jsonPath("$[0].validTo").doesNotExist())
			.andExpect(jsonPath("$[?(@.code == '25')].label").value("同居人"));
		mvc.perform(get("/api/v1/masters/move-reasons").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == '10')].label").value("転入"))
			.andExpect(jsonPath("$[?(@.code == '10')].type").value("MOVE_IN"))
			.andExpect(jsonPath("$[?(@.code == '10')].variant").value("DOMESTIC"))
			.andExpect(jsonPath("$[?(@.code == '11')].label").value("転入（特例転入）"))
			.andExpect(jsonPath("$[?(@.code == '41')].source").value(SHIPPED_SOURCE));
	}

	@Test
	void onlyAMasterAdministratorChangesAMasterAndTheRefusalIsAudited() throws Exception {
		long before = jdbc.sql("select count(*) from moving.relationships").query(Long.class).single();
		mvc.perform(post("/api/v1/masters/relationships").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"X1\",\"label\":\"係員の続柄\"}")).andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/masters/relationships/25").with(CLERK).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/codes/relationships").with(CLERK)).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from moving.relationships").query(Long.class).single()).isEqualTo(before);
		assertThat(jdbc
			.sql("""
					select count(*) from audit.events
					 where action = 'ACCESS_DENIED' and actor = 'clerk-codes' and detail like 'POST /api/v1/masters/relationships%'""")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void aCityCodeIsAddedUsedByANotificationAndThenNeverDeletedNorRetiredUnderIt() throws Exception {
		add("relationships", "{\"code\":\"C71\",\"label\":\"里子\",\"validFrom\":\"2099-01-01\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.source").value("市区町村独自"))
			.andExpect(jsonPath("$.validFrom").value("2099-01-01"));
		add("relationships", "{\"code\":\"C71\",\"label\":\"別の名称\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CODE_EXISTS"));
		assertThat(audited("CODE_ADDED", "relationship:C71")).isEqualTo(1);

		JsonNode created = createNotification(moveIn("2099-01-02", "\"relationshipCode\":\"C71\"", ""));
		assertThat(created.get("persons").get(0).get("relationship").asString()).isEqualTo("里子");
		assertThat(created.get("persons").get(0).get("relationshipCode").asString()).isEqualTo("C71");

		mvc.perform(delete("/api/v1/masters/relationships/C71").with(ADMIN).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CODE_IN_USE"))
			.andExpect(jsonPath("$.detail").value(containsString("削除できません")));
		retire("relationships", "C71", "2099-01-01").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CODE_IN_USE"))
			.andExpect(jsonPath("$.detail").value(containsString("1 件")));
		retire("relationships", "C71", "2099-01-02").andExpect(status().isNoContent());
		assertThat(audited("CODE_RETIRED", "relationship:C71")).isEqualTo(1);
		assertThat(jdbc.sql("select valid_to from moving.relationships where code = 'C71'")
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2099, 1, 2));
		assertThat(audited("CODE_DELETED", "relationship:C71")).isZero();
	}

	@Test
	void aCodeNoNotificationHoldsCanBeDeleted() throws Exception {
		add("relationships", "{\"code\":\"C72\",\"label\":\"誤登録\",\"validFrom\":\"2099-01-01\"}")
			.andExpect(status().isCreated());
		mvc.perform(delete("/api/v1/masters/relationships/C72").with(ADMIN).with(csrf()))
			.andExpect(status().isNoContent());
		assertThat(audited("CODE_DELETED", "relationship:C72")).isEqualTo(1);
		mvc.perform(delete("/api/v1/masters/relationships/C72").with(ADMIN).with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("CODE_NOT_FOUND"));
	}

	@Test
	void aCodeOutsideTheMasterIsRefusedNamingTheField() throws Exception {
		String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
		send(moveIn(today, "\"relationshipCode\":\"ZZ9\"", "")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("UNKNOWN_CODE"))
			.andExpect(jsonPath("$.field").value("persons[0].relationshipCode"));
		send(moveIn(today, "\"relationship\":\"世帯主\"", ",\"moveReasonCode\":\"99\""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("moveReasonCode"));
		// 転出 (20) is a code of the master, but not one of a 転入
		send(moveIn(today, "\"relationship\":\"世帯主\"", ",\"moveReasonCode\":\"20\""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("moveReasonCode"));
		// not valid yet on the filing date
		add("relationships", "{\"code\":\"C73\",\"label\":\"将来の続柄\",\"validFrom\":\"2099-01-01\"}")
			.andExpect(status().isCreated());
		send(moveIn(today, "\"relationshipCode\":\"C73\"", "")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("persons[0].relationshipCode"));
	}

	@Test
	void aNotificationGivingLabelsOnlyIsStoredWithTheirCodes() throws Exception {
		String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
		JsonNode created = createNotification(moveIn(today, "\"relationship\":\"世帯主\"", ""));
		assertThat(created.get("persons").get(0).get("relationshipCode").asString()).isEqualTo("01");
		assertThat(created.get("moveReasonCode").asString()).isEqualTo("10");
		assertThat(created.get("moveReason").asString()).isEqualTo("転入");
		String stored = jdbc.sql("select content::text from moving.notifications where id = ?::uuid")
			.param(created.get("id").asString())
			.query(String.class)
			.single();
		assertThat(json.readTree(stored).get("persons").get(0).get("relationshipCode").asString()).isEqualTo("01");
	}

	@Test
	void aKindHasOneMoveReasonADayAndAReplacementFollowsTheRetiredOne() throws Exception {
		add("move-reasons", "{\"code\":\"C10\",\"label\":\"転入（市独自）\",\"type\":\"MOVE_IN\",\"variant\":\"DOMESTIC\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("MOVE_REASON_KIND_TAKEN"));
		add("move-reasons", "{\"code\":\"C11\",\"label\":\"種類なし\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("variant"));
		retire("move-reasons", "43", "2098-12-31").andExpect(status().isNoContent());
		add("move-reasons",
				"{\"code\":\"C43\",\"label\":\"世帯構成変更（新）\",\"source\":\"釧路市規則\",\"validFrom\":\"2099-01-01\","
						+ "\"type\":\"HOUSEHOLD_CHANGE\",\"variant\":\"RESTRUCTURE\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.source").value("釧路市規則"));
		mvc.perform(get("/api/v1/masters/move-reasons").with(ADMIN))
			.andExpect(jsonPath("$[?(@.code == '43')].validTo").value("2098-12-31"))
			.andExpect(jsonPath("$[?(@.code == 'C43')].validFrom").value("2099-01-01"));
		assertThat(audited("CODE_RETIRED", "moveReason:43")).isEqualTo(1);
	}

	@Test
	void theAdminScreensListAddChangeAndRetire() throws Exception {
		mvc.perform(get("/admin/codes/move-reasons").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-code=\"41\"")))
			.andExpect(content().string(containsString("世帯分離")));
		mvc.perform(post("/admin/codes/relationships").with(ADMIN)
			.with(csrf())
			.param("code", "C74")
			.param("label", "画面の続柄")
			.param("validFrom", "2099-01-01")).andExpect(redirectedUrl("/admin/codes/relationships"));
		mvc.perform(
				post("/admin/codes/relationships/C74/retire").with(ADMIN).with(csrf()).param("validTo", "2098-01-01"))
			.andExpect(redirectedUrl("/admin/codes/relationships"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("failure", containsString("使用開始日")));
		mvc.perform(get("/admin/codes/relationships").with(ADMIN))
			.andExpect(content().string(containsString("data-code=\"C74\"")));
		assertThat(audited("CODE_ADDED", "relationship:C74")).isEqualTo(1);

		// a notification kind's label changed on its screen, then put back
		mvc.perform(post("/admin/codes/notification-kinds/09/change").with(ADMIN)
			.with(csrf())
			.param("newCode", "09")
			.param("label", "世帯合併届")
			.param("source", SHIPPED_SOURCE)).andExpect(redirectedUrl("/admin/codes/notification-kinds"));
		try {
			mvc.perform(get("/admin/codes/notification-kinds").with(ADMIN))
				.andExpect(content().string(containsString("data-code=\"07\"")))
				.andExpect(content().string(containsString("/admin/codes/notification-kinds/07/change")))
				.andExpect(content().string(containsString("世帯合併届")));
		}
		finally {
			change("notification-kinds", "09", "{\"code\":\"09\",\"label\":\"世帯変更届（世帯合併）\"}", ADMIN)
				.andExpect(status().isOk());
		}
	}

	@Test
	void theNotificationKindsAreAMasterWhoseCodesAndLabelsAreChangedInPlace() throws Exception {
		mvc.perform(get("/api/v1/masters/notification-kinds").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == '02')].label").value("転入届（特例転入）"))
			.andExpect(jsonPath("$[?(@.code == '02')].type").value("MOVE_IN"))
			.andExpect(jsonPath("$[?(@.code == '02')].variant").value("SPECIAL"))
			.andExpect(jsonPath("$[?(@.code == '06')].label").value("転居届"))
			.andExpect(jsonPath("$[?(@.code == '08')].variant").value("SEPARATION"))
			.andExpect(jsonPath("$[?(@.code == '10')].source").value(SHIPPED_SOURCE));
		change("notification-kinds", "06", "{\"code\":\"K06\",\"label\":\"係員の名称\"}", CLERK)
			.andExpect(status().isForbidden());
		change("notification-kinds", "06", "{\"code\":\"転居\",\"label\":\"転居届\"}", ADMIN)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_CODE"))
			.andExpect(jsonPath("$.field").value("code"));
		change("notification-kinds", "06", "{\"code\":\"06\",\"label\":\"転出届\"}", ADMIN)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CODE_EXISTS"));
		change("notification-kinds", "Z99", "{\"code\":\"Z99\",\"label\":\"ない種類\"}", ADMIN)
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("CODE_NOT_FOUND"));
		add("notification-kinds",
				"{\"code\":\"K16\",\"label\":\"転居届（二つ目）\",\"type\":\"MOVE_WITHIN\",\"variant\":\"NONE\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("NOTIFICATION_KIND_TAKEN"));

		change("notification-kinds", "06", "{\"code\":\"K06\",\"label\":\"転居届（市）\",\"source\":\"釧路市規則\"}", ADMIN)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value("K06"))
			.andExpect(jsonPath("$.source").value("釧路市規則"))
			.andExpect(jsonPath("$.type").value("MOVE_WITHIN"));
		try {
			mvc.perform(get("/api/v1/masters/notification-kinds").with(CLERK))
				.andExpect(jsonPath("$[?(@.code == 'K06')].label").value("転居届（市）"))
				.andExpect(jsonPath("$[?(@.code == '06')]").isEmpty());
			assertThat(audited("CODE_CHANGED", "notificationKind:06")).isEqualTo(1);
		}
		finally {
			change("notification-kinds", "K06",
					"{\"code\":\"06\",\"label\":\"転居届\",\"source\":\"" + SHIPPED_SOURCE + "\"}", ADMIN)
				.andExpect(status().isOk());
		}
	}

	@Test
	void aCodeNotificationsHoldKeepsItsCodeAndLabel() throws Exception {
		add("relationships", "{\"code\":\"C75\",\"label\":\"保持される続柄\",\"validFrom\":\"2099-01-01\"}")
			.andExpect(status().isCreated());
		createNotification(moveIn("2099-01-02", "\"relationshipCode\":\"C75\"", ""));
		change("relationships", "C75", "{\"code\":\"C76\",\"label\":\"保持される続柄\"}", ADMIN)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CODE_IN_USE"))
			.andExpect(jsonPath("$.detail").value(containsString("変更できません")));
		change("relationships", "C75", "{\"code\":\"C75\",\"label\":\"別の名称\"}", ADMIN).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CODE_IN_USE"));
		// the source alone is no part of what notifications hold
		change("relationships", "C75", "{\"code\":\"C75\",\"label\":\"保持される続柄\",\"source\":\"釧路市規則\"}", ADMIN)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.source").value("釧路市規則"));
		assertThat(audited("CODE_CHANGED", "relationship:C75")).isEqualTo(1);
	}

	private ResultActions change(String list, String code, String body, RequestPostProcessor who) throws Exception {
		return mvc.perform(put("/api/v1/masters/" + list + "/" + code).with(who)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions add(String list, String body) throws Exception {
		return mvc.perform(post("/api/v1/masters/" + list).with(ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions retire(String list, String code, String validTo) throws Exception {
		return mvc.perform(post("/api/v1/masters/" + list + "/" + code + "/retirement").with(ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"validTo\":\"" + validTo + "\"}"));
	}

	private ResultActions send(String body) throws Exception {
		return mvc.perform(post("/api/v1/notifications").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private JsonNode createNotification(String body) throws Exception {
		return json.readTree(send(body).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private long audited(String action, String subject) {
		return jdbc.sql("select count(*) from audit.events where action = ? and subject = ?")
			.params(action, subject)
			.query(Long.class)
			.single();
	}

	/**
	 * A 転入届 filed on {@code filedOn}, its one person's 続柄 given as {@code relationship}.
	 */
	private static String moveIn(String filedOn, String relationship, String extra) {
		return """
				{"type":"MOVE_IN","variant":"DOMESTIC","movedOn":"%s","filedOn":"%s"%s,
				 "newAddress":{"prefecture":"北海道","city":"釧路市","town":"黒金町","block":"7丁目5番地"},
				 "previousAddress":{"prefecture":"北海道","city":"札幌市中央区","town":"北一条西","block":"2丁目"},
				 "persons":[{"familyName":"釧路","givenName":"一郎","familyNameKana":"クシロ","givenNameKana":"イチロウ",
				   "birthDate":"1980-04-01","sex":"MALE",%s}],
				 "filer":{"kind":"SELF","name":"釧路 一郎"}}""".formatted(filedOn, filedOn, extra, relationship);
	}

}
