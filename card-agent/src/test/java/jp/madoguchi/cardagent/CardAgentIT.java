package jp.madoguchi.cardagent;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import jp.madoguchi.card.emulator.Pcscd;
import jp.madoguchi.card.emulator.Photos;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on real parts: pcscd with vsmartcard's vpcd, the packaged card emulator (one
 * run per test, so the emulator reconnects again and again) and the packaged agent,
 * called over HTTP as the counter page calls it.
 */
class CardAgentIT {

	private static final String TOKEN = "it-pairing-token-0123456789";

	private static final String ORIGIN = "https://madoguchi.example.lg.jp";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static Pcscd pcscd;

	private static Process agent;

	private static int port;

	private Process emulator;

	@BeforeAll
	static void startPcscdAndAgent() throws Exception {
		pcscd = Pcscd.startOrReuse();
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		agent = new ProcessBuilder(java(), "-jar", System.getProperty("madoguchi.agent.jar"), "--port",
				String.valueOf(port), "--allowed-origin", ORIGIN, "--pairing-token", TOKEN,
				"--residence-card-issuer-key",
				Path.of(System.getProperty("madoguchi.profiles"), "test-issuer.pem").toString(),
				"--residence-card-ecdsa-issuer-key",
				Path.of(System.getProperty("madoguchi.profiles"), "test-issuer-ecdsa.pem").toString())
			.redirectErrorStream(true)
			.redirectOutput(log("agent"))
			.start();
		awaitReaders();
	}

	@AfterAll
	static void stopAgentAndPcscd() throws Exception {
		if (agent != null) {
			agent.destroy();
			agent.waitFor();
		}
		if (pcscd != null) {
			pcscd.close();
		}
	}

	@AfterEach
	void removeCard() throws Exception {
		if (this.emulator != null) {
			this.emulator.destroy();
			this.emulator.waitFor();
			awaitCardPresent(false);
			this.emulator = null;
		}
	}

	@Test
	void readsTheMyNumberCardAsTheProfileDescribesIt() throws Exception {
		JsonNode profile = insert("my-number-card");
		JsonNode info = ok(post("/v1/my-number-card/basic-info", "{\"pin\":\"1234\"}"));
		assertThat(info.get("name").asString()).isEqualTo(profile.get("name").asString());
		assertThat(info.get("address").asString()).isEqualTo(profile.get("address").asString());
		assertThat(info.get("birthDate").asString()).isEqualTo(profile.get("birthDate").asString());
		assertThat(info.get("sex").asString()).isEqualTo("MALE");
		assertThat(info.get("cardType").asString()).isEqualTo("MY_NUMBER_CARD");
		JsonNode number = ok(post("/v1/my-number-card/my-number", "{\"pin\":\"1234\"}"));
		assertThat(number.get("myNumber").asString()).isEqualTo(profile.get("myNumber").asString());
	}

	@Test
	void wrongPinsCountDownThenLockAndAreNeverRetried() throws Exception {
		insert("my-number-card");
		HttpResponse<String> first = post("/v1/my-number-card/basic-info", "{\"pin\":\"0000\"}");
		assertThat(first.statusCode()).isEqualTo(422);
		JsonNode problem = JSON.readTree(first.body());
		assertThat(problem.get("code").asString()).isEqualTo("PIN_INCORRECT");
		assertThat(problem.get("remainingTries").asInt()).isEqualTo(2);
		assertThat(problem.get("detail").asString()).contains("あと2回");
		assertThat(first.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode second = JSON.readTree(post("/v1/my-number-card/my-number", "{\"pin\":\"1111\"}").body());
		assertThat(second.get("remainingTries").asInt()).isEqualTo(1);
		HttpResponse<String> third = post("/v1/my-number-card/basic-info", "{\"pin\":\"2222\"}");
		assertThat(third.statusCode()).isEqualTo(423);
		assertThat(JSON.readTree(third.body()).get("code").asString()).isEqualTo("PIN_LOCKED");
		HttpResponse<String> right = post("/v1/my-number-card/basic-info", "{\"pin\":\"1234\"}");
		assertThat(JSON.readTree(right.body()).get("code").asString()).isEqualTo("PIN_LOCKED");
	}

	@Test
	void aMalformedPinIsRefusedBeforeTheCard() throws Exception {
		insert("my-number-card");
		HttpResponse<String> response = post("/v1/my-number-card/basic-info", "{\"pin\":\"12a4\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("PIN_FORMAT");
		// The card still has all three tries: one wrong PIN leaves two.
		JsonNode wrong = JSON.readTree(post("/v1/my-number-card/basic-info", "{\"pin\":\"0000\"}").body());
		assertThat(wrong.get("remainingTries").asInt()).isEqualTo(2);
	}

	@Test
	void decodesTheLicencesJisTextToTheRightKanji() throws Exception {
		insert("drivers-license");
		JsonNode licence = ok(post("/v1/drivers-license/basic-info", "{\"pin1\":\"1234\"}"));
		assertThat(licence.get("name").asString()).isEqualTo("渡邊　花子");
		assertThat(licence.get("nameKana").asString()).isEqualTo("ワタナベ　ハナコ");
		assertThat(licence.get("address").asString()).isEqualTo("北海道釧路市幣舞町４番２８号");
		assertThat(licence.get("birthDate").asString()).isEqualTo("1990-01-08");
		assertThat(licence.get("expiresOn").asString()).isEqualTo("2029-02-08");
		assertThat(licence.get("licenseNumber").asString()).isEqualTo("012345678901");
		assertThat(licence.get("externalCharacters")).isEmpty();
		// A licence is no My Number card.
		HttpResponse<String> wrongType = post("/v1/my-number-card/basic-info", "{\"pin\":\"1234\"}");
		assertThat(JSON.readTree(wrongType.body()).get("code").asString()).isEqualTo("UNSUPPORTED_CARD");
	}

	@Test
	void readsTheLicencesRegisteredDomicileAfterPin2() throws Exception {
		JsonNode profile = insert("drivers-license");
		HttpResponse<String> noPin2 = post("/v1/drivers-license/registered-domicile", "{\"pin1\":\"1234\"}");
		assertThat(noPin2.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(noPin2.body()).get("field").asString()).isEqualTo("pin2");
		HttpResponse<String> wrongPin2 = post("/v1/drivers-license/registered-domicile",
				"{\"pin1\":\"1234\",\"pin2\":\"0000\"}");
		assertThat(JSON.readTree(wrongPin2.body()).get("remainingTries").asInt()).isEqualTo(2);
		JsonNode domicile = ok(
				post("/v1/drivers-license/registered-domicile", "{\"pin1\":\"1234\",\"pin2\":\"5678\"}"));
		assertThat(domicile.get("registeredDomicile").asString())
			.isEqualTo(profile.get("registeredDomicile").asString());
		// The face photo of DF2/EF01, read in the same session: the card's JPEG 2000 as a
		// PNG of the very pixels the emulator's file was made from.
		assertThat(domicile.get("photoFormat").asString()).isEqualTo("JPEG2000");
		assertSamePixels(domicile.get("photoPng").asString(), profile.get("photo").asString());
	}

	@Test
	void theLicencesPhotoNeedsPin2() throws Exception {
		insert("drivers-license");
		JsonNode licence = ok(post("/v1/drivers-license/basic-info", "{\"pin1\":\"1234\"}"));
		assertThat(licence.has("photoPng")).isFalse();
		HttpResponse<String> wrongPin2 = post("/v1/drivers-license/registered-domicile",
				"{\"pin1\":\"1234\",\"pin2\":\"9999\"}");
		assertThat(wrongPin2.statusCode()).isEqualTo(422);
		assertThat(wrongPin2.body()).doesNotContain("photoPng");
	}

	@Test
	void reportsTheLicencesExternalCharacters() throws Exception {
		insert("drivers-license-gaiji");
		JsonNode licence = ok(post("/v1/drivers-license/basic-info", "{\"pin1\":\"4321\"}"));
		assertThat(licence.get("name").asString()).isEqualTo("〓橋　次郎");
		JsonNode external = licence.get("externalCharacters").get(0);
		assertThat(external.get("field").asString()).isEqualTo("name");
		assertThat(external.get("position").asInt()).isZero();
		assertThat(external.get("code").asString()).isEqualTo("FFF1");
	}

	@Test
	void readsTheResidenceCardAsTheProfileDescribesIt() throws Exception {
		JsonNode profile = insert("residence-card").get("residence");
		JsonNode card = ok(post("/v1/residence-card", "{\"cardNumber\":\"AB12345678CD\"}"));
		assertThat(card.get("cardType").asString()).isEqualTo("RESIDENCE_CARD");
		assertThat(card.get("cardNumber").asString()).isEqualTo(profile.get("cardNumber").asString());
		for (String item : List.of("nameAlphabet", "birthDate", "nationality", "residenceStatus", "periodOfStay",
				"periodOfStayEndsOn", "permissionType", "workRestriction", "expiresOn")) {
			assertThat(card.get(item).asString()).as(item).isEqualTo(profile.get(item).asString());
		}
		assertThat(card.get("nameKanji").asString()).isEmpty();
		assertThat(card.get("sex").asString()).isEqualTo("MALE");
		JsonNode addresses = profile.get("addresses");
		assertThat(card.get("addresses")).hasSize(addresses.size());
		assertThat(card.get("address").asString())
			.isEqualTo(addresses.get(addresses.size() - 1).get("address").asString());
		assertThat(card.get("pendingApplication").asString()).isEqualTo("NONE");
		// The agent was given the test issuer's certificate: the check code verified.
		assertThat(card.get("signature").asString()).isEqualTo("VALID");
		byte[] png = java.util.Base64.getDecoder().decode(card.get("frontImagePng").asString());
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth()).isEqualTo(640);
		// The face photo (JPEG 2000 on the card) comes as a PNG, decoded by
		// opj_decompress.
		assertThat(card.get("photoFormat").asString()).isEqualTo("JPEG2000");
		assertSamePixels(card.get("photoPng").asString(), Photos.RESIDENCE);
	}

	/**
	 * The PNG has the size and every grey value of the drawing the photo was made from.
	 */
	private static void assertSamePixels(String base64Png, String photo) throws IOException {
		BufferedImage decoded = ImageIO
			.read(new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(base64Png)));
		BufferedImage original = ImageIO.read(new java.io.ByteArrayInputStream(Photos.original(photo)));
		assertThat(decoded.getWidth()).isEqualTo(original.getWidth());
		assertThat(decoded.getHeight()).isEqualTo(original.getHeight());
		for (int y = 0; y < original.getHeight(); y++) {
			for (int x = 0; x < original.getWidth(); x++) {
				assertThat(decoded.getRaster().getSample(x, y, 0)).as("pixel %d,%d", x, y)
					.isEqualTo(original.getRaster().getSample(x, y, 0));
			}
		}
	}

	@Test
	void readsTheSpecialPermanentResidentCertificateAsTheProfileDescribesIt() throws Exception {
		JsonNode profile = insert("special-permanent-resident-certificate").get("residence");
		JsonNode card = ok(post("/v1/residence-card", "{\"cardNumber\":\"cd98765432ef\"}"));
		assertThat(card.get("cardType").asString()).isEqualTo("SPECIAL_PERMANENT_RESIDENT_CERTIFICATE");
		assertThat(card.get("nameKanji").asString()).isEqualTo(profile.get("nameKanji").asString());
		assertThat(card.get("nameAlphabet").asString()).isEqualTo(profile.get("nameAlphabet").asString());
		assertThat(card.get("nationality").asString()).isEqualTo(profile.get("nationality").asString());
		assertThat(card.get("residenceStatus").asString()).isEmpty();
		assertThat(card.get("periodOfStayEndsOn").isNull()).isTrue();
		assertThat(card.get("signature").asString()).isEqualTo("VALID");
	}

	@Test
	void aSecondGenerationCardsEcdsaSignatureVerifiesAndATamperedOneIsRefused() throws Exception {
		JsonNode profile = insert("residence-card-second-generation").get("residence");
		JsonNode card = ok(post("/v1/residence-card", "{\"cardNumber\":\"JK55667788LM\"}"));
		assertThat(card.get("nameAlphabet").asString()).isEqualTo(profile.get("nameAlphabet").asString());
		// The agent was given the second-generation test issuer's P-384 certificate.
		assertThat(card.get("signature").asString()).isEqualTo("VALID");
		removeCard();

		insert("residence-card-second-generation-tampered");
		HttpResponse<String> tampered = post("/v1/residence-card", "{\"cardNumber\":\"JK55667788LM\"}");
		assertThat(tampered.statusCode()).isEqualTo(422);
		JsonNode problem = JSON.readTree(tampered.body());
		assertThat(problem.get("code").asString()).isEqualTo("SIGNATURE_INVALID");
		// No data of a forged card reaches the page.
		assertThat(problem.has("nameAlphabet")).isFalse();
		assertThat(tampered.body()).doesNotContain("FORGED");
	}

	@Test
	void aWrongCardNumberFailsCleanlyAndCostsNothing() throws Exception {
		insert("residence-card");
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> wrong = post("/v1/residence-card", "{\"cardNumber\":\"AB12345678CE\"}");
			assertThat(wrong.statusCode()).isEqualTo(422);
			JsonNode problem = JSON.readTree(wrong.body());
			assertThat(problem.get("code").asString()).isEqualTo("WRONG_CARD_NUMBER");
			assertThat(problem.get("detail").asString()).contains("番号を確認");
			assertThat(problem.has("remainingTries")).isFalse();
		}
		HttpResponse<String> malformed = post("/v1/residence-card", "{\"cardNumber\":\"AB1234567\"}");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(malformed.body()).get("code").asString()).isEqualTo("CARD_NUMBER_FORMAT");
		// No counter was spent: the right number still opens the card.
		assertThat(ok(post("/v1/residence-card", "{\"cardNumber\":\"AB12345678CD\"}")).get("nameAlphabet").asString())
			.isEqualTo("NGUYEN VAN AN");
	}

	@Test
	void anExpiredResidenceCardIsNamed() throws Exception {
		insert("residence-card-expired");
		HttpResponse<String> response = post("/v1/residence-card", "{\"cardNumber\":\"EF24681357GH\"}");
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.get("code").asString()).isEqualTo("CARD_EXPIRED");
		assertThat(problem.get("detail").asString()).contains("有効期間が過ぎています");
	}

	@Test
	void otherCardsAndARemovedResidenceCardAreNamed() throws Exception {
		insert("my-number-card");
		HttpResponse<String> myNumberCard = post("/v1/residence-card", "{\"cardNumber\":\"AB12345678CD\"}");
		assertThat(JSON.readTree(myNumberCard.body()).get("code").asString()).isEqualTo("UNSUPPORTED_CARD");
		removeCard();
		// Pulled away after the authentication, in the middle of the front image.
		insert("residence-card", "--remove-after-apdus", "9");
		HttpResponse<String> removed = post("/v1/residence-card", "{\"cardNumber\":\"AB12345678CD\"}");
		assertThat(removed.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(removed.body()).get("code").asString()).isEqualTo("CARD_REMOVED");
	}

	@Test
	void noCardOnTheReader() throws Exception {
		JsonNode readers = ok(get("/v1/readers"));
		assertThat(readers).isNotEmpty();
		assertThat(readers.get(0).get("name").asString()).startsWith("Virtual PCD");
		HttpResponse<String> response = post("/v1/my-number-card/basic-info", "{\"pin\":\"1234\"}");
		assertThat(response.statusCode()).isEqualTo(409);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.get("code").asString()).isEqualTo("NO_CARD");
		assertThat(problem.get("detail").asString()).contains("カードをカードリーダーに置いて");
	}

	@Test
	void aCardPulledOutMidReadIsReported() throws Exception {
		// The emulator leaves the reader instead of answering the fourth APDU (SELECT EF
		// 0002).
		insert("my-number-card", "--remove-after-apdus", "3");
		HttpResponse<String> response = post("/v1/my-number-card/basic-info", "{\"pin\":\"1234\"}");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.get("code").asString()).isEqualTo("CARD_REMOVED");
		assertThat(response.statusCode()).isEqualTo(409);
	}

	@Test
	void onlyTheAllowedOriginWithTheTokenGetsIn() throws Exception {
		HttpResponse<String> noToken = HTTP.send(request("/v1/readers").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(noToken.statusCode()).isEqualTo(401);
		HttpResponse<String> foreign = HTTP.send(
				authorized("/v1/readers").header("Origin", "https://evil.example").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(foreign.statusCode()).isEqualTo(403);
		assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		HttpResponse<String> preflight = HTTP.send(request("/v1/my-number-card/basic-info").header("Origin", ORIGIN)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.header("Access-Control-Request-Private-Network", "true")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(preflight.statusCode()).isEqualTo(204);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Private-Network")).hasValue("true");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
			.containsIgnoringCase("authorization");
	}

	/**
	 * DNS rebinding: a page of evil.example, its name re-pointed at 127.0.0.1, calls the
	 * agent same-origin, so without an Origin header; only the Host header tells.
	 */
	@Test
	void aRequestForAnotherHostNameIsRefusedEvenWithTheToken() throws Exception {
		assertThat(rawGet("evil.example:" + port)).startsWith("HTTP/1.1 421").contains("FORBIDDEN_HOST");
		assertThat(rawGet("127.0.0.1.evil.example:" + port)).startsWith("HTTP/1.1 421");
		assertThat(rawGet("localhost:" + port)).startsWith("HTTP/1.1 200");
	}

	private static String rawGet(String host) throws IOException {
		try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream()
				.write(("GET /v1/readers HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + TOKEN
						+ "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private JsonNode insert(String profileName, String... options) throws Exception {
		Path profile = Path.of(System.getProperty("madoguchi.profiles"), profileName + ".json");
		List<String> command = new ArrayList<>(
				List.of(java(), "-jar", System.getProperty("madoguchi.emulator.jar"), "--profile", profile.toString()));
		command.addAll(List.of(options));
		this.emulator = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log("emulator")).start();
		awaitCardPresent(true);
		return JSON.readTree(Files.readString(profile));
	}

	private static void awaitReaders() throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (true) {
			try {
				HttpResponse<String> response = get("/v1/readers");
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// The agent is still starting.
			}
			if (Instant.now().isAfter(deadline) || !agent.isAlive()) {
				throw new IllegalStateException("The agent did not list the vpcd readers");
			}
			Thread.sleep(200);
		}
	}

	private static void awaitCardPresent(boolean present) throws Exception {
		// Generous: a residence card emulator renders and signs its card before it
		// connects,
		// which takes a while on a loaded machine.
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (true) {
			JsonNode readers = ok(get("/v1/readers"));
			boolean any = false;
			for (JsonNode reader : readers) {
				any |= reader.get("cardPresent").asBoolean();
			}
			if (any == present) {
				return;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("The card did not " + (present ? "appear" : "go away"));
			}
			Thread.sleep(100);
		}
	}

	private static JsonNode ok(HttpResponse<String> response) throws IOException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HTTP.send(authorized(path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return HTTP.send(authorized(path).header("Origin", ORIGIN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static HttpRequest.Builder authorized(String path) {
		return request(path).header("Authorization", "Bearer " + TOKEN);
	}

	private static HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
	}

	/**
	 * Each process logs to target/card-agent-it/ (the Failsafe channel must not be
	 * written to directly).
	 */
	private static ProcessBuilder.Redirect log(String name) throws IOException {
		Path directory = Files.createDirectories(Path.of("target", "card-agent-it"));
		return ProcessBuilder.Redirect.appendTo(directory.resolve(name + ".log").toFile());
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
