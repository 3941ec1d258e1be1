package jp.madoguchi.prefiling;

import jp.madoguchi.platform.QrImages;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.moving.NotificationContent.Filer;
import jp.madoguchi.moving.NotificationContent.FilerKind;
import jp.madoguchi.moving.NotificationContent.HealthInsurance;
import jp.madoguchi.moving.NotificationContent.Household;
import jp.madoguchi.moving.NotificationContent.HouseholdFacts;
import jp.madoguchi.moving.NotificationContent.IdentityDocument;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationContent.PersonFacts;
import jp.madoguchi.moving.NotificationContent.Sex;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.prefiling.codec.PayloadCodec;
import jp.madoguchi.support.Households;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** docs/design/http-api.md "Pre-application QR" through the real security chain. */
@SpringBootTest
class PrefilingApiTests {

	private static final Logger log = LoggerFactory.getLogger(PrefilingApiTests.class);

	/**
	 * QR version 22, error correction M, alphanumeric mode: the most one code carries.
	 */
	static final int ONE_CODE = jp.madoguchi.platform.QrImages.MAX_CHARS_PER_CODE;

	static final String TSUJI = "辻\uDB40\uDD02";

	static final String KATSURAGI = "葛\uDB40\uDD00城";

	static final RequestPostProcessor RECEPTIONIST = user("reception-prefiling").authorities(() -> "RECEPTION");

	static final RequestPostProcessor AUDITOR = user("auditor-prefiling").authorities(() -> "AUDIT_VIEW");

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

	static Person person(String family, String given, String givenKana, LocalDate born, Sex sex, String relationship) {
		String familyKana = family.startsWith("辻") ? "ツジ" : "カツラギ";
		return new Person(family, given, familyKana, givenKana, null, born, sex, relationship, "日本", null, true, null,
				"北海道札幌市中央区北一条西二丁目1番地", TSUJI + " 太郎", new PersonFacts(HealthInsurance.NHI, null, null, null,
						relationship.equals("子") && born.isAfter(LocalDate.of(2020, 1, 1)), null, null));
	}

	/** A household of 6 moving in from another city: both addresses, every usual item. */
	static NotificationContent householdOfSix() {
		List<Person> persons = List.of(person(TSUJI, "太郎", "タロウ", LocalDate.of(1980, 4, 1), Sex.MALE, "世帯主"),
				person(TSUJI, "花子", "ハナコ", LocalDate.of(1982, 6, 3), Sex.FEMALE, "妻"),
				person(TSUJI, "一郎", "イチロウ", LocalDate.of(2010, 9, 14), Sex.MALE, "子"),
				person(TSUJI, "二葉", "フタバ", LocalDate.of(2014, 2, 28), Sex.FEMALE, "子"),
				person(TSUJI, "三郎", "サブロウ", LocalDate.of(2021, 11, 5), Sex.MALE, "子"),
				person(KATSURAGI, "キヨ", "キヨ", LocalDate.of(1950, 1, 20), Sex.FEMALE, "妻の母"));
		return new NotificationContent(NotificationType.MOVE_IN, Variant.DOMESTIC, LocalDate.of(2026, 11, 20),
				LocalDate.of(2026, 11, 26), null,
				new Address("0850000", "北海道", "釧路市", "黒金町", "7丁目5番地", "くしろ黒金マンション 1203号室", null),
				new Address("0600001", "北海道", "札幌市中央区", "北一条西", "2丁目1番地2", "サンプルハイツ北一条 405号", null),
				new Household(null, true, new HouseholdFacts(true, false, true)), persons,
				new Filer(FilerKind.SELF, TSUJI + " 太郎", "090-1234-5678", false),
				List.of(IdentityDocument.MY_NUMBER_CARD));
	}

	String encodePublicly(NotificationContent content) throws Exception {
		byte[] response = mvc
			.perform(post("/public/api/v1/prefilings").contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsBytes(content)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.payload").isString())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return json.readTree(response).get("payload").asString();
	}

	String decodeAtTheCounter(String payload) throws Exception {
		return mvc
			.perform(post("/api/v1/prefilings/decode").with(RECEPTIONIST)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsBytes(Map.of("payload", payload))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aHouseholdOfSixRoundTripsCodePointForCodePointAndFitsOneQrCode() throws Exception {
		NotificationContent household = householdOfSix();
		String payload = encodePublicly(household);
		assertThat(payload).matches("[0-9A-Z]+");
		int jsonBytes = json.writeValueAsBytes(household).length;
		log.info("Pre-application payload for a household of 6 with both addresses: {} characters ({} JSON bytes); "
				+ "one code (QR version 22-M alphanumeric) holds {}", payload.length(), jsonBytes, ONE_CODE);
		assertThat(payload.length()).isLessThanOrEqualTo(ONE_CODE);

		NotificationContent decoded = json.readValue(decodeAtTheCounter(payload), NotificationContent.class);
		assertThat(decoded).isEqualTo(household);
		assertThat(decoded.persons().get(0).familyName().codePoints().toArray()).containsExactly(0x8FBB, 0xE0102);
		assertThat(decoded.persons().get(5).familyName().codePoints().toArray()).containsExactly(0x845B, 0xE0100,
				0x57CE);
	}

	@Test
	void theQrImageOfAHouseholdOfSixReadsBackAsThePayloadWithinVersion25() throws Exception {
		byte[] response = mvc
			.perform(post("/public/api/v1/prefilings").contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsBytes(householdOfSix())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String payload = json.readTree(response).get("payload").asString();
		String dataUrl = json.readTree(response).get("qrPng").asString();
		assertThat(dataUrl).startsWith("data:image/png;base64,");
		java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
				java.util.Base64.getDecoder().decode(dataUrl.substring("data:image/png;base64,".length()))));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(
				new com.google.zxing.common.HybridBinarizer(
						new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		assertThat(new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText()).isEqualTo(payload);
		int version = jp.madoguchi.platform.QrImages.version(payload);
		log.info("QR version for a household of 6: {}", version);
		assertThat(version).isLessThanOrEqualTo(25);
	}

	@Test
	void theCounterAcceptsWhatAScannerTypes() throws Exception {
		String payload = encodePublicly(householdOfSix());
		String typed = payload.substring(0, 100).toLowerCase() + "\r\n" + payload.substring(100) + "\n";
		assertThat(json.readValue(decodeAtTheCounter(typed), NotificationContent.class)).isEqualTo(householdOfSix());
	}

	@Test
	void decodingIsAudited() throws Exception {
		long before = countAudit("SUCCESS");
		decodeAtTheCounter(encodePublicly(householdOfSix()));
		assertThat(countAudit("SUCCESS")).isEqualTo(before + 1);
		assertThat(
				jdbc.sql("select detail from audit.events where action = 'PREFILING_DECODED' order by id desc limit 1")
					.query(String.class)
					.single())
			.doesNotContain("辻")
			.doesNotContain("釧路");
	}

	@Test
	void aDamagedOrForeignPayloadAnswers422WithTheCode() throws Exception {
		String payload = encodePublicly(householdOfSix());
		char last = payload.charAt(payload.length() / 2);
		String damaged = payload.substring(0, payload.length() / 2) + ((last == 'A') ? 'B' : 'A')
				+ payload.substring(payload.length() / 2 + 1);
		String foreign = PayloadCodec.encode(json.writeValueAsBytes(householdOfSix()),
				PayloadCodec.generateKeyPair().getPublic());
		long failures = countAudit("FAILURE");
		for (String bad : List.of(damaged, payload.substring(0, payload.length() - 13), foreign, "HELLO", "")) {
			mvc.perform(post("/api/v1/prefilings/decode").with(RECEPTIONIST)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsBytes(Map.of("payload", bad))))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.code").value("PREFILING_PAYLOAD_INVALID"))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("QRコード")));
		}
		assertThat(countAudit("FAILURE")).isEqualTo(failures + 5);
	}

	@Test
	void decodingNeedsReceptionOrNotificationEdit() throws Exception {
		String payload = encodePublicly(householdOfSix());
		mvc.perform(post("/api/v1/prefilings/decode").with(AUDITOR)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsBytes(Map.of("payload", payload)))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/prefilings/decode").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsBytes(Map.of("payload", payload))))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(401, 302, 403));
	}

	long countAudit(String outcome) {
		return jdbc.sql("select count(*) from audit.events where action = 'PREFILING_DECODED' and outcome = ?")
			.param(outcome)
			.query(Long.class)
			.single();
	}

	/**
	 * docs/performance.md: the payload of households of 1 to 10 (both addresses,
	 * realistic names), the codes it takes and their QR versions, logged as a Markdown
	 * table.
	 */
	@Test
	void payloadSizesForOneToTenPersons() throws Exception {
		StringBuilder table = new StringBuilder(
				"\n| persons | JSON bytes | payload characters | codes | QR version (level M) |\n|---|---|---|---|---|\n");
		int previous = 0;
		for (int size = 1; size <= 10; size++) {
			NotificationContent household = Households.movingIn(size);
			byte[] response = mvc
				.perform(post("/public/api/v1/prefilings").contentType(MediaType.APPLICATION_JSON)
					.content(json.writeValueAsBytes(household)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			tools.jackson.databind.JsonNode parts = json.readTree(response).get("parts");
			int characters = 0;
			List<String> versions = new java.util.ArrayList<>();
			for (tools.jackson.databind.JsonNode part : parts) {
				String text = part.get("payload").asString();
				characters += text.length();
				versions.add(String.valueOf(jp.madoguchi.platform.QrImages.version(text)));
			}
			table.append("| ")
				.append(size)
				.append(" | ")
				.append(String.format("%,d", json.writeValueAsBytes(household).length))
				.append(" | ")
				.append(String.format("%,d", characters))
				.append(" | ")
				.append(parts.size())
				.append(" | ")
				.append(String.join(", ", versions))
				.append(" |\n");
			assertThat(characters).isGreaterThan(previous);
			previous = characters;
			if (size <= 6) {
				assertThat(parts.size()).as("a household of %d fits one code", size).isEqualTo(1);
			}
		}
		log.info("Pre-application payload sizes ({}):{}", java.time.LocalDate.now(), table);
	}

}
