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
