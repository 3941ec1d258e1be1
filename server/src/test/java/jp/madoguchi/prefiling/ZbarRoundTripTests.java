package jp.madoguchi.prefiling;

import jp.madoguchi.platform.QrImages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.prefiling.codec.InvalidPayloadException;
import jp.madoguchi.prefiling.codec.PayloadCodec;
import jp.madoguchi.prefiling.domain.CounterKeys;
import jp.madoguchi.support.Households;
import jp.madoguchi.support.Zbar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 5 "Done when": the QR image of the public API, read by an independent decoder
 * (zbarimg), decodes at the counter into the identical notification; any change is
 * refused, never a partial draft.
 */
@SpringBootTest
class ZbarRoundTripTests {

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	CounterKeys keys;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	JsonNode publicApi(NotificationContent content) throws Exception {
		byte[] body = mvc
			.perform(post("/public/api/v1/prefilings").contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsBytes(content)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return json.readTree(body);
	}

	ResultActions decode(String payload) throws Exception {
		return mvc.perform(post("/api/v1/prefilings/decode").with(PrefilingApiTests.RECEPTIONIST)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsBytes(Map.of("payload", payload))));
	}

	NotificationContent decoded(String payload) throws Exception {
		String body = decode(payload).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return json.readValue(body, NotificationContent.class);
	}

	void refused(String payload) throws Exception {
		decode(payload).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("PREFILING_PAYLOAD_INVALID"))
			.andExpect(jsonPath("$.persons").doesNotExist())
			.andExpect(jsonPath("$.type").doesNotExist());
	}

	@Test
	void zbarReadsTheQrImageAndTheCounterGetsTheIdenticalNotification() throws Exception {
		NotificationContent household = Households.movingIn(6);
		JsonNode answer = publicApi(household);
		String payload = answer.get("payload").asString();

		List<String> read = Zbar.readDataUrl(answer.get("qrPng").asString());

		assertThat(read).containsExactly(payload);
		NotificationContent back = decoded(read.get(0));
		assertThat(back).isEqualTo(household);
		assertThat(back.persons().get(0).familyName().codePoints().toArray()).containsExactly(0x8FBB, 0xE0102);
		assertThat(back.persons().get(5).familyName().codePoints().toArray()).containsExactly(0x845B, 0xE0100, 0x57CE);
		assertThat(back.filer().name()).isEqualTo(Households.TSUJI + " 太郎");
	}

	@Test
	void oneChangedCharacterAnywhereIsRefused() throws Exception {
		String payload = publicApi(Households.movingIn(6)).get("payload").asString();
		assertThat(payload).matches("[0-9A-Z]+");
		// Every position, each to the next character of the alphabet: a QR reader's
		// misread or a mistyped character must never decode into another notification.
		// The codec sees every change; the API (with its audit record) one per block.
		for (int i = 0; i < payload.length(); i++) {
			char original = payload.charAt(i);
			String changed = payload.substring(0, i) + ALPHABET.charAt((ALPHABET.indexOf(original) + 1) % 36)
					+ payload.substring(i + 1);
			assertThatThrownBy(() -> PayloadCodec.decode(changed, keys::find))
				.isInstanceOf(InvalidPayloadException.class);
			if (i % 13 == 6 || i == 0 || i == payload.length() - 1) {
				refused(changed);
			}
		}
	}

	@Test
	void lowerCaseIsAcceptedButTruncatedDoubledAndForeignPayloadsAreRefused() throws Exception {
		NotificationContent household = Households.movingIn(3);
		String payload = publicApi(household).get("payload").asString();
		assertThat(decoded(payload.toLowerCase(Locale.ROOT))).isEqualTo(household);

		String foreign = PayloadCodec.encode(json.writeValueAsBytes(household),
				PayloadCodec.generateKeyPair().getPublic());
		for (String bad : List.of(payload.substring(0, payload.length() - 1),
				payload.substring(0, payload.length() - 13), payload.substring(13), payload + payload,
				payload + "\n" + payload, payload + "0000000000000", foreign, payload + "?", "")) {
			refused(bad);
		}
	}

	@Test
	void aHouseholdOfTenTakesSeveralCodesThatZbarReadsAndTheCounterJoinsInAnyOrder() throws Exception {
		NotificationContent household = Households.movingIn(10);
		JsonNode answer = publicApi(household);
		JsonNode parts = answer.get("parts");
		assertThat(parts.size()).isBetween(2, 4);
		List<String> read = new java.util.ArrayList<>();
		for (JsonNode part : parts) {
			List<String> texts = Zbar.readDataUrl(part.get("qrPng").asString());
			assertThat(texts).containsExactly(part.get("payload").asString());
			assertThat(jp.madoguchi.platform.QrImages.version(texts.get(0))).isLessThanOrEqualTo(22);
			read.add(texts.get(0));
		}
		assertThat(answer.get("qrPng").asString()).isEqualTo(parts.get(0).get("qrPng").asString());
		assertThat(answer.get("payload").asString()).isEqualTo(String.join("\n", read));

		java.util.Collections.reverse(read);
		// As a keyboard-wedge reader types them: one code after the other, each with
		// Enter.
		assertThat(decoded(String.join("\r\n", read) + "\r\n")).isEqualTo(household);
		String body = mvc
			.perform(post("/api/v1/prefilings/decode").with(PrefilingApiTests.RECEPTIONIST)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsBytes(Map.of("parts", read))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(json.readValue(body, NotificationContent.class)).isEqualTo(household);
	}

	@Test
	void aMissingCodeIsNamedAndNothingIsDecoded() throws Exception {
		JsonNode parts = publicApi(Households.movingIn(10)).get("parts");
		assertThat(parts.size()).isGreaterThanOrEqualTo(2);
		decode(parts.get(0).get("payload").asString()).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("PREFILING_PAYLOAD_INVALID"))
			.andExpect(jsonPath("$.missingParts[0]").value(2))
			.andExpect(jsonPath("$.totalParts").value(parts.size()))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2枚目")))
			.andExpect(jsonPath("$.persons").doesNotExist());
		String second = parts.get(1).get("payload").asString();
		refused(parts.get(0).get("payload").asString() + "\n" + second + "\n" + second);
	}

	@Test
	void thePublicEndpointRefusesMoreThanTenPersons() throws Exception {
		NotificationContent ten = Households.movingIn(10);
		List<jp.madoguchi.moving.NotificationContent.Person> eleven = new java.util.ArrayList<>(ten.persons());
		eleven.add(ten.persons().get(9));
		mvc.perform(post("/public/api/v1/prefilings").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsBytes(ten.withPersons(eleven))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("PREFILING_TOO_LARGE"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("10人")));
	}

}
