package jp.madoguchi.residentrecord;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.support.FileOutbox;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static jp.madoguchi.residentrecord.FileDeliveryTests.await;
import static jp.madoguchi.residentrecord.Notifications.CLERK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 17 done-when: a Shift_JIS CSV target with 𠮷 (U+20BB7) and 髙 blocks acceptance
 * until staff choose, and the chosen characters are in the file; each choice audited.
 */
@SpringBootTest(properties = { "madoguchi.resident-record.mode=file", "madoguchi.resident-record.file.format=csv",
		"madoguchi.resident-record.poll-interval=100ms" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@FileOutbox
class CharacterChoiceTests {

	@Value(FileOutbox.FOLDER)
	Path outbox;

	static final String YOSHI = "\uD842\uDFB7";

	static final String TAKA = "髙";

	static final Charset SHIFT_JIS = Charset.forName("windows-31j");

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void acceptanceWaitsForStaffsChoicesAndTheCsvCarriesThem() throws Exception {
		MockMvc mvc = mvc();
		String id = Notifications.create(mvc, json, body());

		String refused = mvc.perform(post("/api/v1/notifications/" + id + "/accept").with(CLERK).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("CHARACTER_CHOICES_REQUIRED"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode listed = json.readTree(refused).get("characters");
		assertThat(fieldsAndOriginals(listed)).containsExactly("/persons/0/familyName " + YOSHI,
				"/persons/0/givenName " + TAKA, "/filer/name " + YOSHI, "/filer/name " + TAKA);
		assertThat(listed.get(0).get("person").asInt()).isEqualTo(1);
		assertThat(listed.get(0).get("codePoints").asString()).isEqualTo("U+20BB7");
		assertThat(deliveries(id)).as("a refused acceptance leaves no delivery").isZero();

		JsonNode asked = read(mvc.perform(get("/api/v1/notifications/" + id + "/character-choices").with(CLERK)));
		assertThat(asked.get("complete").asBoolean()).isFalse();
		assertThat(asked.get("target").asString()).contains("JIS X 0208");
		assertThat(asked.get("characters").get(0).get("candidates").get(0).asString()).isEqualTo("吉");
		assertThat(asked.get("characters").get(1).get("candidates").get(0).asString()).isEqualTo("高");

		// a replacement the target cannot carry either, and a character that needs no
		// choice
		mvc.perform(choose(id, "/persons/0/familyName", YOSHI, TAKA))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("CHARACTER_REPLACEMENT_NOT_CARRIED"));
		mvc.perform(choose(id, "/persons/0/familyName", "田", "口"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("CHARACTER_CHOICE_NOT_NEEDED"));

		// the person's name from the candidates, the filer's 𠮷 typed as 土 (a 外字
		// decision)
		mvc.perform(choose(id, "/persons/0/familyName", YOSHI, "吉", "/persons/0/givenName", TAKA, "高", "/filer/name",
				YOSHI, "土"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.complete").value(false));
		mvc.perform(post("/api/v1/notifications/" + id + "/accept").with(CLERK).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.characters.length()").value(1))
			.andExpect(jsonPath("$.characters[0].field").value("/filer/name"));
		mvc.perform(choose(id, "/filer/name", TAKA, "高")).andExpect(jsonPath("$.complete").value(true));

		mvc.perform(post("/api/v1/notifications/" + id + "/accept").with(CLERK).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"))
			.andExpect(jsonPath("$.persons[0].familyName").value(YOSHI + "田"));

		Path file = outbox.resolve(id + ".csv");
		await(() -> Files.exists(file), "CSV written");
		byte[] bytes = Files.readAllBytes(file);
		String csv = new String(bytes, SHIFT_JIS);
		assertThat(csv).contains("\"吉田\",\"高志\"", "\"土田 高志\"").doesNotContain("〓");
		assertThat(indexOf(bytes, "\"吉田\",\"高志\"".getBytes(SHIFT_JIS))).as("Shift_JIS bytes").isPositive();
		await(() -> notes(id) != null, "notes recorded");
		assertThat(notes(id)).contains("職員が選んだ文字", "「" + YOSHI + "」→「吉」", "「" + YOSHI + "」→「土」");
		assertThat(jdbc.sql("select detail from audit.events where action = 'CHARACTER_CHOSEN' and subject = ?")
			.param("notification:" + id)
			.query(String.class)
			.list()).contains("/persons/0/familyName U+20BB7 → U+5409", "/filer/name U+20BB7 → U+571F").hasSize(4);
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'NOTIFICATION_ACCEPTED' and subject = ?"
					+ " and outcome = 'FAILURE' and detail = 'CHARACTER_CHOICES_REQUIRED'")
			.param("notification:" + id)
			.query(Long.class)
			.single()).isEqualTo(2);

		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'NOTIFICATION_VIEWED' and subject = ?"
					+ " and detail = 'character choices'")
			.param("notification:" + id)
			.query(Long.class)
			.single()).as("the GET is a read of personal data").isEqualTo(1);

		// accepted: the choices are part of what was accepted
		mvc.perform(choose(id, "/filer/name", TAKA, "高"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("NOTIFICATION_NOT_EDITABLE"));
	}

	@Test
	void theCounterScreenListsTheCharactersAndSavesTheChoice() throws Exception {
		MockMvc mvc = mvc();
		String id = Notifications.create(mvc, json, body());
		String page = mvc.perform(get("/notifications/" + id).with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"characters\"", "1人目 氏", "届出人の氏名", "U+20BB7", "U+9AD9", "value=\"吉\"",
				"value=\"高\"");

		mvc.perform(post("/notifications/" + id + "/accept").with(CLERK).with(csrf()))
			.andExpect(redirectedUrl("/notifications/" + id))
			.andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("refused")))
				.contains("住民記録システムに送れない文字が4字"));

		mvc.perform(post("/notifications/" + id + "/characters").with(CLERK)
			.with(csrf())
			.param("field", "/persons/0/familyName", "/persons/0/givenName", "/filer/name", "/filer/name")
			.param("original", YOSHI, TAKA, YOSHI, TAKA)
			.param("choice-0", "吉")
			.param("choice-1", "typed")
			.param("typed-1", "鷹")
			.param("choice-2", "吉")
			.param("choice-3", "高")).andExpect(redirectedUrl("/notifications/" + id + "#characters"));
		JsonNode asked = read(mvc.perform(get("/api/v1/notifications/" + id + "/character-choices").with(CLERK)));
		assertThat(asked.get("complete").asBoolean()).isTrue();
		assertThat(asked.get("characters").get(1).get("chosen").asString()).isEqualTo("鷹");
		mvc.perform(post("/notifications/" + id + "/accept").with(CLERK).with(csrf()))
			.andExpect(result -> assertThat(result.getFlashMap().get("saved")).isEqualTo("notification.accepted"));
	}

	private MockMvc mvc() {
		return MockMvcBuilders.webAppContextSetup(context)
			.apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
			.build();
	}

	static String body() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
		return """
				{"type":"MOVE_IN","variant":"DOMESTIC","movedOn":"%s","filedOn":"%s",
				 "newAddress":{"postalCode":"0850000","prefecture":"北海道","city":"釧路市","town":"黒金町","block":"7丁目5番地","building":"ハイツ101"},
				 "previousAddress":{"prefecture":"北海道","city":"札幌市中央区","town":"北一条西","block":"2丁目","building":""},
				 "household":{"headName":null,"newHousehold":true},
				 "persons":[{"familyName":"%s田","givenName":"%s志","familyNameKana":"ヨシダ","givenNameKana":"タカシ",
				   "birthDate":"1980-04-01","sex":"MALE","relationship":"世帯主","myNumberCard":true,
				   "facts":{"healthInsurance":"NHI"}}],
				 "filer":{"kind":"SELF","name":"%s田 %s志","phone":"0154-00-0000","powerOfAttorney":false},
				 "identityDocuments":["MY_NUMBER_CARD"]}"""
			.formatted(today.minusDays(2), today, YOSHI, TAKA, YOSHI, TAKA);
	}

	private org.springframework.test.web.servlet.RequestBuilder choose(String id, String... triples) {
		StringBuilder choices = new StringBuilder();
		for (int i = 0; i < triples.length; i += 3) {
			choices.append((i > 0) ? "," : "")
				.append("{\"field\":\"%s\",\"original\":\"%s\",\"replacement\":\"%s\"}".formatted(triples[i],
						triples[i + 1], triples[i + 2]));
		}
		return put("/api/v1/notifications/" + id + "/character-choices").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"choices\":[" + choices + "]}");
	}

	private JsonNode read(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return json.readTree(
				result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private static List<String> fieldsAndOriginals(JsonNode characters) {
		List<String> listed = new ArrayList<>();
		characters.forEach(c -> listed.add(c.get("field").asString() + " " + c.get("original").asString()));
		return listed;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private long deliveries(String notificationId) {
		return jdbc.sql("select count(*) from residentrecord.deliveries where notification_id = ?")
			.param(UUID.fromString(notificationId))
			.query(Long.class)
			.single();
	}

	private String notes(String notificationId) {
		return jdbc.sql("select notes from residentrecord.deliveries where notification_id = ?")
			.param(UUID.fromString(notificationId))
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
