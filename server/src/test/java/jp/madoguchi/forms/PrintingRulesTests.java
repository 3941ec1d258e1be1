package jp.madoguchi.forms;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import jp.madoguchi.forms.domain.StoredSignature;
import jp.madoguchi.support.FreePorts;
import jp.madoguchi.support.Signatures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What printing refuses or guards, without a printer: a missing signature (naming whose),
 * no printer for a department, a printer address off the allowed networks, a printer
 * answering more than the cap; signatures bound to each form's content; My Numbers in
 * full only for MY_NUMBER_VIEW, each such print audited.
 */
@SpringBootTest
class PrintingRulesTests {

	static final RequestPostProcessor CLERK = user("clerk-rules").authorities(() -> "NOTIFICATION_EDIT");

	static final RequestPostProcessor PRINTER = user("printer-rules").authorities(() -> "PRINT");

	static final RequestPostProcessor VIEWER = user("viewer-rules").authorities(() -> "NOTIFICATION_EDIT",
			() -> "MY_NUMBER_VIEW");

	static final RequestPostProcessor ADMIN = user("admin-rules").authorities(() -> "MASTER_ADMIN");

	static final String FATHER = "辻\uDB40\uDD02 太郎";

	static final String MOTHER = "辻\uDB40\uDD02 花子";

	/** Something posing as a printer that answers 2 MB. */
	static final HttpServer HUGE;

	static {
		try {
			HUGE = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 0);
			HUGE.createContext("/", exchange -> {
				exchange.getRequestBody().readAllBytes();
				exchange.getResponseHeaders().add("Content-Type", "application/ipp");
				exchange.sendResponseHeaders(200, 0);
				try (OutputStream out = exchange.getResponseBody()) {
					byte[] chunk = new byte[64 * 1024];
					for (int i = 0; i < 32; i++) {
						out.write(chunk);
					}
				}
				catch (IOException closedByClient) {
					// the server stopped reading at the cap
				}
			});
			HUGE.start();
		}
		catch (IOException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@DynamicPropertySource
	static void printers(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.printers.huge.uri",
				() -> "ipp://127.0.0.1:" + HUGE.getAddress().getPort() + "/ipp/print");
	}

	@AfterAll
	static void stop() {
		HUGE.stop(0);
	}

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
	void printingAVisitIsRefusedWhileASignatureIsMissingNamingWhose() throws Exception {
		String id = FormApiTests.createNotification(mvc, CLERK, FormApiTests.familyMovingIn());
		JsonNode refused = body(mvc
			.perform(post("/api/v1/notifications/" + id + "/print").with(PRINTER)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("SIGNATURE_MISSING")));
		assertThat(names(refused)).containsExactly(FATHER, MOTHER);
		assertThat(refused.get("detail").asString()).contains("まだ署名していない方がいます", FATHER, MOTHER, "印鑑登録申請書");

		Signatures.sign(mvc, CLERK, id, FATHER);
		JsonNode stillRefused = body(mvc
			.perform(post("/api/v1/notifications/" + id + "/print").with(PRINTER)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"printer\":\"huge\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("SIGNATURE_MISSING")));
		assertThat(names(stillRefused)).containsExactly(MOTHER);
		// a single form asks only its own signers: the father's 住民異動届 is not refused for
		// the mother's seal sheet, her seal sheet is
		mvc.perform(post("/api/v1/print-jobs").with(PRINTER)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"notificationId":"%s","formId":"seal-registration","printer":"huge"}""".formatted(id)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("SIGNATURE_MISSING"))
			.andExpect(jsonPath("$.missing[0].name").value(MOTHER));
		assertThat(jdbc.sql("select count(*) from forms.print_jobs where notification_id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).as("nothing printed").isZero();
	}

	@Test
	void withoutAPrinterForADepartmentPrintingSaysWhichDepartment() throws Exception {
		String id = signedFamily();
		mvc.perform(post("/api/v1/notifications/" + id + "/print").with(PRINTER)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("NO_PRINTER"))
			.andExpect(jsonPath("$.department").value("市民課"));
	}

	@Test
	void eachSignatureIsBoundToTheContentOfEachFormItCovers() throws Exception {
		String id = FormApiTests.createNotification(mvc, CLERK, FormApiTests.familyMovingIn());
		Signatures.sign(mvc, CLERK, id, MOTHER);
		Signatures.sign(mvc, CLERK, id, FATHER);
		String mothers = jdbc
			.sql("select form_hashes::text from forms.signatures where notification_id = ? and signer = ?")
			.params(UUID.fromString(id), MOTHER)
			.query(String.class)
			.single();
		Map<String, String> motherForms = json.readValue(mothers, new tools.jackson.core.type.TypeReference<>() {
		});
		assertThat(motherForms.keySet()).containsExactly("seal-registration");
		assertThat(motherForms.get("seal-registration")).matches("[0-9a-f]{64}");
		Map<String, String> fatherForms = json.readValue(
				jdbc.sql("select form_hashes::text from forms.signatures where notification_id = ? and signer = ?")
					.params(UUID.fromString(id), FATHER)
					.query(String.class)
					.single(),
				new tools.jackson.core.type.TypeReference<>() {
				});
		assertThat(fatherForms).containsKeys("moving-notification", "seal-registration", "child-allowance-claim");
		// each form has its own hash: the father's seal sheet differs from the mother's
		assertThat(fatherForms.get("seal-registration")).isEqualTo(motherForms.get("seal-registration"));
		assertThat(fatherForms.get("moving-notification")).isNotEqualTo(fatherForms.get("seal-registration"));
		assertThat(Signatures.needed(mvc, CLERK, id)).containsExactly(FATHER, MOTHER);

		// a form whose content changed (here: its hash no longer matches) is no longer
		// signed, the others still are
		StoredSignature signed = new StoredSignature(UUID.randomUUID(), UUID.fromString(id), "a".repeat(64), "[]",
				Instant.now(), "clerk", MOTHER, motherForms);
		assertThat(signed.signs("a".repeat(64), "seal-registration", motherForms.get("seal-registration"))).isTrue();
		assertThat(signed.signs("a".repeat(64), "seal-registration", "b".repeat(64))).isFalse();
		assertThat(signed.signs("a".repeat(64), "moving-notification", fatherForms.get("moving-notification")))
			.as("a form the signature did not cover")
			.isFalse();
		assertThat(signed.signs("c".repeat(64), "seal-registration", motherForms.get("seal-registration")))
			.as("the notification changed")
			.isFalse();
	}

	@Test
	void myNumbersPrintInFullOnlyForMyNumberViewAndEachSuchPrintIsAudited() throws Exception {
		String id = FormApiTests.createNotification(mvc, CLERK, FormApiTests.familyMovingIn());
		String masked = text(mvc.perform(get("/api/v1/notifications/" + id + "/forms/nhi-join.pdf").with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(masked).doesNotContain("123456789018").contains("9018");
		assertThat(audit("MY_NUMBER_PRINTED", id)).isZero();

		String full = text(mvc.perform(get("/api/v1/notifications/" + id + "/forms/nhi-join.pdf").with(VIEWER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(full).contains("123456789018");
		assertThat(audit("MY_NUMBER_PRINTED", id)).isOne();
		assertThat(audit("MY_NUMBER_VIEWED", id)).isOne();

		// a form that carries no My Number reveals nothing, even to MY_NUMBER_VIEW
		mvc.perform(get("/api/v1/notifications/" + id + "/forms/guide-sheet.pdf").with(VIEWER))
			.andExpect(status().isOk());
		assertThat(audit("MY_NUMBER_PRINTED", id)).isOne();
	}

	@Test
	void aPrinterOffTheAllowedNetworksIsRefusedOnSaveNamingTheAddress() throws Exception {
		String page = mvc
			.perform(post("/forms/admin/printers").with(ADMIN)
				.with(csrf())
				.param("name", "outside-1")
				.param("uri", "ipp://203.0.113.7:631/ipp/print")
				.param("location", "外"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("outside-1", "203.0.113.7", "印刷を許可したネットワーク");
		assertThat(jdbc.sql("select count(*) from forms.printers where name = 'outside-1'").query(Long.class).single())
			.isZero();
		// on the loopback network: saved
		mvc.perform(post("/forms/admin/printers").with(ADMIN)
			.with(csrf())
			.param("name", "inside-1")
			.param("uri", "ipp://127.0.0.1:1/ipp/print")
			.param("location", "内")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from forms.printers where name = 'inside-1'").query(Long.class).single())
			.isOne();
		mvc.perform(post("/forms/admin/printers/inside-1/delete").with(ADMIN).with(csrf()));
	}

	@Test
	void aPrinterAnsweringMoreThanTheCapIsRefusedNotBuffered() throws Exception {
		String id = signedFamily();
		JsonNode failed = body(mvc
			.perform(post("/api/v1/print-jobs").with(PRINTER)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"notificationId":"%s","formId":"moving-notification","printer":"huge"}""".formatted(id)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.code").value("PRINTER_UNAVAILABLE"))
			.andExpect(jsonPath("$.state").value("FAILED")));
		String jobId = failed.get("jobId").asString();
		assertThat(jdbc.sql("select last_error from forms.print_jobs where id = ?")
			.param(UUID.fromString(jobId))
			.query(String.class)
			.single()).contains("上限", "1048576");
	}

	String signedFamily() throws Exception {
		String id = FormApiTests.createNotification(mvc, CLERK, FormApiTests.familyMovingIn());
		Signatures.signAll(mvc, CLERK, id);
		return id;
	}

	static List<String> names(JsonNode refused) {
		List<String> names = new java.util.ArrayList<>();
		refused.get("missing").forEach(m -> names.add(m.get("name").asString()));
		return names;
	}

	static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	long audit(String action, String notification) {
		return jdbc.sql("select count(*) from audit.events where action = ? and subject = ?")
			.params(action, "notification:" + notification)
			.query(Long.class)
			.single();
	}

	JsonNode body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
