package jp.madoguchi.residentrecord;

import java.time.LocalDate;
import java.time.ZoneId;

import jp.madoguchi.text.MyNumbers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notifications for resident-record tests, created and accepted through the public API.
 */
final class Notifications {

	static final String TSUJI = "辻\uDB40\uDD02";

	static final String MY_NUMBER = "12345678901" + MyNumbers.checkDigit("12345678901");

	static final RequestPostProcessor CLERK = user("clerk-rr").authorities(() -> "NOTIFICATION_EDIT",
			() -> "NOTIFICATION_ACCEPT");

	static final RequestPostProcessor ADMIN = user("admin-rr").authorities(() -> "MASTER_ADMIN");

	private Notifications() {
	}

	/**
	 * A complete 転入届 (the body of docs/design/http-api.md "Moving notifications") with a
	 * My Number; {@code given} varies the name.
	 */
	static String moveIn(String given) {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
		return """
				{"type":"MOVE_IN","variant":"DOMESTIC","movedOn":"%s","filedOn":"%s",
				 "newAddress":{"postalCode":"0850000","prefecture":"北海道","city":"釧路市","town":"黒金町","block":"7丁目5番地","building":"ハイツ101"},
				 "previousAddress":{"prefecture":"北海道","city":"札幌市中央区","town":"北一条西","block":"2丁目","building":""},
				 "household":{"headName":null,"newHousehold":true},
				 "persons":[{"familyName":"%s","givenName":"%s","familyNameKana":"ツジ","givenNameKana":"タロウ",
				   "birthDate":"1980-04-01","sex":"MALE","relationship":"世帯主","myNumberCard":true,"myNumber":"%s",
				   "facts":{"healthInsurance":"NHI"}}],
				 "filer":{"kind":"SELF","name":"%s %s","phone":"0154-00-0000","powerOfAttorney":false},
				 "identityDocuments":["MY_NUMBER_CARD"]}"""
			.formatted(today.minusDays(2), today, TSUJI, given, MY_NUMBER, TSUJI, given);
	}

	static String create(MockMvc mvc, JsonMapper json, String body) throws Exception {
		String created = mvc
			.perform(post("/api/v1/notifications").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return json.readTree(created).get("id").asString();
	}

	static String createAndAccept(MockMvc mvc, JsonMapper json, String given) throws Exception {
		String id = create(mvc, json, moveIn(given));
		JsonNode accepted = json
			.readTree(mvc.perform(post("/api/v1/notifications/" + id + "/accept").with(CLERK).with(csrf()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		if (!"ACCEPTED".equals(accepted.get("status").asString())) {
			throw new IllegalStateException("not accepted: " + accepted);
		}
		return id;
	}

}
