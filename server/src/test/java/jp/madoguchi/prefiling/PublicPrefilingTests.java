package jp.madoguchi.prefiling;

import java.security.KeyPair;
import java.util.Base64;
import java.util.List;

import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.prefiling.codec.PayloadCodec;
import jp.madoguchi.prefiling.domain.CounterKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public role encrypts to the configured counter key and holds no private key.
 */
@SpringBootTest(properties = "madoguchi.role=public")
class PublicPrefilingTests {

	static final KeyPair COUNTER = PayloadCodec.generateKeyPair();

	@DynamicPropertySource
	static void counterPublicKey(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.prefiling.public-key",
				() -> Base64.getEncoder().encodeToString(COUNTER.getPublic().getEncoded()));
	}

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Test
	void encryptsToTheConfiguredKeyWithoutAnyPrivateKey() throws Exception {
		assertThat(((ApplicationContext) context).getBeanNamesForType(CounterKeys.class)).isEmpty();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		NotificationContent household = PrefilingApiTests.householdOfSix();
		byte[] response = mvc
			.perform(post("/public/api/v1/prefilings").contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsBytes(household)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String payload = json.readTree(response).get("payload").asString();
		assertThat(json.readTree(response).has("qrPng")).isTrue();
		assertThat(json.readTree(response).get("qrPng").asString()).startsWith("data:image/png;base64,");
		byte[] plain = PayloadCodec.decode(payload,
				keyId -> keyId.equals(PayloadCodec.keyId(COUNTER.getPublic())) ? COUNTER : null);
		assertThat(json.readValue(plain, NotificationContent.class)).isEqualTo(household);
	}

	@Test
	void theWizardAndTheChecksWorkWithoutADatabase() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		String page = mvc.perform(get("/public/prefiling"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("転入・転出などの事前申請").contains("<option value=\"妻の母\"").contains("/js/prefiling.js");
		assertThat(page).doesNotContain("<script>").doesNotContain("style=");

		NotificationContent noHead = PrefilingApiTests.householdOfSix();
		List<NotificationContent.Person> persons = new java.util.ArrayList<>(noHead.persons());
		NotificationContent.Person head = persons.get(0);
		persons.set(0, new NotificationContent.Person(head.familyName(), head.givenName(), "つじ", head.givenNameKana(),
				null, head.birthDate(), head.sex(), "王様", null, null, null, null, null, null, null));
		mvc.perform(post("/public/api/v1/prefilings/check").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsBytes(noHead.withPersons(persons))))
			.andExpect(status().isOk())
			.andExpect(
					jsonPath("$.findings[?(@.code == 'UNKNOWN_RELATIONSHIP')].field").value("persons[0].relationship"))
			.andExpect(jsonPath("$.findings[?(@.code == 'FURIGANA_NOT_KATAKANA')]").isNotEmpty())
			// A new household (householdOfSix says so) without its head among the
			// persons.
			.andExpect(jsonPath("$.findings[?(@.code == 'HOUSEHOLD_NEW_HEAD_MISSING')]").isNotEmpty());
		mvc.perform(post("/public/api/v1/prefilings/check").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsBytes(PrefilingApiTests.householdOfSix())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.findings[?(@.severity == 'ERROR')]").isEmpty());
	}

	@Test
	void deadlinesFollowTheClosedDaysWithoutADatabase() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		// Moved 2026-09-28: the 14th day is スポーツの日 (Monday 10-12), so 10-13 is on time.
		mvc.perform(post("/public/api/v1/prefilings/check").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsBytes(jp.madoguchi.support.Households
				.familyMovingIn(java.time.LocalDate.of(2026, 9, 28), java.time.LocalDate.of(2026, 10, 13)))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.findings[?(@.code == 'FILED_LATE')]").isEmpty());
		mvc.perform(post("/public/api/v1/prefilings/check").param("lang", "easy")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsBytes(jp.madoguchi.support.Households
				.familyMovingIn(java.time.LocalDate.of(2026, 9, 28), java.time.LocalDate.of(2026, 10, 14)))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.findings[?(@.code == 'FILED_LATE')].message").value(org.hamcrest.Matchers
				.contains(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("ひっこした"),
						org.hamcrest.Matchers.containsString("令和8年10月13日")))));
	}

	/**
	 * The findings a resident meets on the wizard speak the page's language (issue 21): a
	 * card holder moving in whose period of stay has ended, in Vietnamese and Korean,
	 * with the card's Japanese name in brackets.
	 */
	@Test
	void findingsSpeakTheResidentsLanguage() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		java.time.LocalDate movedOn = java.time.LocalDate.of(2026, 10, 1);
		NotificationContent.Person an = new NotificationContent.Person("グエン", "ヴァン アン", "グエン", "ヴァン アン", null,
				java.time.LocalDate.of(1995, 3, 3), NotificationContent.Sex.MALE, "世帯主", "ベトナム",
				new NotificationContent.ForeignResident("NGUYEN VAN AN", null, "ベトナム",
						NotificationContent.ForeignResidentCategory.MID_TO_LONG_TERM, "技術・人文知識・国際業務",
						java.time.LocalDate.of(2026, 9, 30), "AB12345678CD", null),
				false, null, null, null, null, null);
		byte[] body = json.writeValueAsBytes(jp.madoguchi.support.Households.moveIn(movedOn, movedOn.plusDays(3), an));
		mvc.perform(post("/public/api/v1/prefilings/check").param("lang", "vi")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.findings[?(@.code == 'FOREIGN_STAY_EXPIRED')].message")
				.value(org.hamcrest.Matchers.contains(
						org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.startsWith("Ngày hết hạn thời gian lưu trú"),
								org.hamcrest.Matchers.containsString("2026"),
								org.hamcrest.Matchers.containsString("thẻ cư trú (在留カード)")))))
			.andExpect(jsonPath("$.findings[?(@.code == 'RESIDENCE_ADDRESS_ENDORSEMENT')].message")
				.value(org.hamcrest.Matchers
					.contains(org.hamcrest.Matchers.startsWith("Tờ khai này đồng thời là khai báo nơi cư trú"))));
		mvc.perform(post("/public/api/v1/prefilings/check").param("lang", "ko")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.findings[?(@.code == 'FOREIGN_STAY_EXPIRED')].message")
				.value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.startsWith("재류기간 만료일"))))
			.andExpect(jsonPath("$.findings[?(@.code == 'RESIDENCE_ADDRESS_ENDORSEMENT')].message")
				.value(org.hamcrest.Matchers
					.contains(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.startsWith("이 신고는 주거지 신고를 겸합니다"),
							org.hamcrest.Matchers.containsString("재류카드(在留カード)")))));
		// Japanese stays the default of the API.
		mvc.perform(post("/public/api/v1/prefilings/check").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.findings[?(@.code == 'FOREIGN_STAY_EXPIRED')].message")
				.value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.startsWith("在留期間の満了の日"))));
	}

	@Test
	void plainJapaneseIsAThirdLanguage() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		var result = mvc.perform(get("/public/prefiling").param("lang", "easy")).andExpect(status().isOk()).andReturn();
		String page = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("ひっこしの とどけを まえに つくる").contains("lang=\"ja\"").contains("data-lang=\"easy\"");
		// What plain Japanese does not translate falls back to Japanese.
		assertThat(page).contains("建物名・部屋番号");
		jakarta.servlet.http.Cookie cookie = result.getResponse().getCookie("MADOGUCHI_LANG");
		assertThat(cookie).isNotNull();
		String again = mvc.perform(get("/public/prefiling").cookie(cookie))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(again).contains("ひっこしの とどけを まえに つくる");
		assertThat(mvc.perform(get("/public/prefiling").param("lang", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.contains("Pre-application for moving notifications");
	}

}
