package jp.madoguchi.prefiling;

import java.security.KeyPair;
import java.util.Base64;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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

}
