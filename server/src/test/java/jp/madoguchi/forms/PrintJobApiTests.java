package jp.madoguchi.forms;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.support.Signatures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Print jobs to a real ippeveprinter started by the test; a second printer is configured
 * but off until a test switches it on.
 */
class PrintJobApiTests extends WithTestPrinters {

	static final RequestPostProcessor PRINTER = user("printer-clerk").authorities(() -> "PRINT");

	static final RequestPostProcessor CLERK = user("clerk-print").authorities(() -> "NOTIFICATION_EDIT");

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
	void aPrintJobReachesTheIppPrinterAsThePdfAndItsStateIsReadBack() throws Exception {
		String notification = createNotification();
		int before = COUNTER.jobs().size();
		JsonNode job = body(mvc
			.perform(post("/api/v1/print-jobs").with(PRINTER)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"notificationId":"%s","formId":"moving-notification","printer":"counter-1"}"""
					.formatted(notification)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNotEmpty())
			.andExpect(jsonPath("$.state").isNotEmpty()));
		// QUEUED when the one-job-at-a-time printer is still busy with an earlier test's
		// job
		assertThat(job.get("state").asString()).isIn("QUEUED", "PENDING", "PROCESSING", "COMPLETED");
		String id = job.get("id").asString();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> mvc.perform(get("/api/v1/print-jobs/" + id).with(PRINTER))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.state").value("COMPLETED"))
				.andExpect(jsonPath("$.printerJobId").isNumber()));
		await().atMost(Duration.ofSeconds(10)).until(() -> COUNTER.jobs().size() == before + 1);
		Path received = COUNTER.jobs().get(COUNTER.jobs().size() - 1);
		byte[] pdf = Files.readAllBytes(received);
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(FormRendererTests.run("pdftotext", "-enc", "UTF-8", received.toString(), "-"))
			.contains("辻\uDB40\uDD02 太郎", "住民異動届");
		assertThat(audit("PRINT_JOB_CREATED", notification)).isEqualTo(1);
	}

	@Test
	void thePrintersAreAskedForTheirStateAndOneThatIsOffIsShownUnreachable() throws Exception {
		JsonNode printers = body(mvc.perform(get("/api/v1/printers/status").with(PRINTER)).andExpect(status().isOk()));
		JsonNode counter = null;
		JsonNode off = null;
		for (JsonNode printer : printers) {
			if ("counter-1".equals(printer.get("name").asString())) {
				counter = printer;
			}
			if ("off".equals(printer.get("name").asString())) {
				off = printer;
			}
		}
		assertThat(counter).isNotNull();
		assertThat(counter.get("reachable").asBoolean()).isTrue();
		assertThat(counter.get("state").asString()).isIn("idle", "processing");
		assertThat(off).isNotNull();
		assertThat(off.get("reachable").asBoolean()).isFalse();
		assertThat(off.get("error").asString()).isNotBlank();

		String page = mvc.perform(get("/forms/printers").with(PRINTER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("data-printer=\"counter-1\"", "data-printer=\"off\"", "接続できません");
		mvc.perform(get("/api/v1/printers/status").with(CLERK)).andExpect(status().isForbidden());
	}

	@Test
	void aPrinterThatIsOffIsNamedAndTheJobIsKeptForARetryOnceItIsOn() throws Exception {
		String notification = createNotification();
		JsonNode problem = body(mvc
			.perform(post("/api/v1/print-jobs").with(PRINTER)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"notificationId":"%s","formId":"guide-sheet","printer":"off"}""".formatted(notification)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.code").value("PRINTER_UNAVAILABLE"))
			.andExpect(jsonPath("$.printer").value("off"))
			.andExpect(jsonPath("$.state").value("FAILED")));
		assertThat(problem.get("detail").asString()).contains("プリンタ「off」", "localhost:" + OFF_PORT);
		String id = problem.get("jobId").asString();
		mvc.perform(get("/api/v1/print-jobs/" + id).with(PRINTER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("FAILED"))
			.andExpect(jsonPath("$.attempts").value(1))
			.andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("プリンタ「off」")));
		assertThat(jdbc.sql("select length(document) from forms.print_jobs where id = ?")
			.param(UUID.fromString(id))
			.query(Integer.class)
			.single()).as("the document is kept for the retry").isGreaterThan(1000);

		try (IppEvePrinter switchedOn = IppEvePrinter.start(OFF_PORT, SPOOL.resolve("off"), "MadoguchiOff")) {
			mvc.perform(post("/api/v1/print-jobs/" + id + "/retry").with(PRINTER).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.attempts").value(2))
				.andExpect(
						jsonPath("$.state").value(org.hamcrest.Matchers.oneOf("PENDING", "PROCESSING", "COMPLETED")));
			await().atMost(Duration.ofSeconds(10)).until(() -> switchedOn.jobs().size() == 1);
			assertThat(FormRendererTests.run("pdftotext", "-enc", "UTF-8", switchedOn.jobs().get(0).toString(), "-"))
				.contains("手続き案内票");
		}
		mvc.perform(post("/api/v1/print-jobs/" + id + "/retry").with(PRINTER).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("PRINT_JOB_NOT_RETRYABLE"));
	}

	@Test
	void aReprintIsANewJobWithTheSameDocumentAndIsAudited() throws Exception {
		String notification = createNotification();
		int before = COUNTER.jobs().size();
		String first = body(mvc
			.perform(post("/api/v1/print-jobs").with(PRINTER)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"notificationId":"%s","formId":"reception-ticket","printer":"counter-1"}"""
					.formatted(notification)))
			.andExpect(status().isCreated())).get("id").asString();
		JsonNode reprint = body(mvc.perform(post("/api/v1/print-jobs/" + first + "/reprint").with(PRINTER).with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.reprintOf").value(first)));
		assertThat(reprint.get("id").asString()).isNotEqualTo(first);
		List<byte[]> documents = jdbc
			.sql("select document from forms.print_jobs where id in (?, ?) order by created_at")
			.params(UUID.fromString(first), UUID.fromString(reprint.get("id").asString()))
			.query(byte[].class)
			.list();
		assertThat(documents).hasSize(2);
		assertThat(documents.get(1)).isEqualTo(documents.get(0));
		assertThat(audit("PRINT_JOB_REPRINTED", notification)).isEqualTo(1);
		// two jobs in a row to a printer that takes one at a time: the second may wait
		// its
		// turn (QUEUED, sent in the background), but both are printed
		await().atMost(Duration.ofSeconds(60)).until(() -> COUNTER.jobs().size() == before + 2);
	}

	@Test
	void anUnknownPrinterIsRefusedAndPrintingNeedsThePrintPermission() throws Exception {
		String notification = createNotification();
		mvc.perform(post("/api/v1/print-jobs").with(PRINTER)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"notificationId":"%s","formId":"moving-notification","printer":"nowhere"}"""
				.formatted(notification)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("UNKNOWN_PRINTER"));
		mvc.perform(post("/api/v1/print-jobs").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"notificationId":"%s","formId":"moving-notification","printer":"counter-1"}"""
				.formatted(notification)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/printers").with(PRINTER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("counter-1"))
			.andExpect(jsonPath("$[1].name").value("off"));
	}

	/**
	 * The printer master: an administrator registers the counter's printer on the page,
	 * and a form printed to it by that name reaches the real printer; bad addresses,
	 * taken names and configured printers are refused clearly; removal is audited.
	 */
	@Test
	void aPrinterRegisteredOnTheMasterPagePrintsAndIsRemovedAgain() throws Exception {
		RequestPostProcessor admin = user("printer-admin").authorities(() -> "MASTER_ADMIN");
		String name = "zz-master-" + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(post("/forms/admin/printers").with(PRINTER).with(csrf()).param("name", name).param("uri", "x"))
			.andExpect(status().isForbidden());
		String refused = mvc
			.perform(post("/forms/admin/printers").with(admin)
				.with(csrf())
				.param("name", name)
				.param("uri", "http://example/not-ipp"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("ipp://ホスト名:ポート/パス").contains("value=\"" + name + "\"");
		mvc.perform(post("/forms/admin/printers").with(admin)
			.with(csrf())
			.param("name", "counter-1")
			.param("uri", COUNTER.uri()))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains("プリンタ「counter-1」はすでにあります。"));
		try {
			mvc.perform(post("/forms/admin/printers").with(admin)
				.with(csrf())
				.param("name", name)
				.param("uri", COUNTER.uri())
				.param("location", "1階 3番窓口")).andExpect(status().is3xxRedirection());
			assertThat(mvc.perform(get("/forms/admin/printers").with(admin))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8)).contains(name, "1階 3番窓口", "この画面", "設定ファイル");

			String notification = createNotification();
			int before = COUNTER.jobs().size();
			String id = body(mvc
				.perform(post("/api/v1/print-jobs").with(PRINTER)
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content("""
							{"notificationId":"%s","formId":"moving-notification","printer":"%s"}"""
						.formatted(notification, name)))
				.andExpect(status().isCreated())).get("id").asString();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> mvc.perform(get("/api/v1/print-jobs/" + id).with(PRINTER))
					.andExpect(jsonPath("$.state").value("COMPLETED")));
			await().atMost(Duration.ofSeconds(10)).until(() -> COUNTER.jobs().size() == before + 1);

			mvc.perform(post("/forms/admin/printers/counter-1/delete").with(admin).with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(
						result -> assertThat(String.valueOf(result.getFlashMap().get("refused"))).contains("設定ファイル"));
		}
		finally {
			mvc.perform(post("/forms/admin/printers/" + name + "/delete").with(admin).with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		mvc.perform(post("/api/v1/print-jobs").with(PRINTER)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"notificationId":"%s","formId":"moving-notification","printer":"%s"}"""
				.formatted(createNotification(), name)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("UNKNOWN_PRINTER"));
		assertThat(jdbc.sql("select action from audit.events where subject = ? order by id")
			.param("printer:" + name)
			.query(String.class)
			.list()).containsExactly("PRINTER_ADDED", "PRINTER_REMOVED");
	}

	/** A family moving in whose members have signed (printing asks for it). */
	String createNotification() throws Exception {
		String id = FormApiTests.createNotification(mvc, CLERK, FormApiTests.familyMovingIn());
		Signatures.signAll(mvc, CLERK, id);
		return id;
	}

	JsonNode body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	long audit(String action, String notification) {
		return jdbc.sql("select count(*) from audit.events where action = ? and subject = ?")
			.params(action, "notification:" + notification)
			.query(Long.class)
			.single();
	}

}
