package jp.madoguchi.forms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.madoguchi.support.Signatures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * Printing a visit in one action to real printers (ippeveprinter): one job per
 * department, each with its cover sheet; a printer with duplex, one without (printed on
 * one side with a notice) and one that is off until the test switches it on (the jobs
 * wait, then print).
 */
class VisitPrintApiTests extends WithTestPrinters {

	static final RequestPostProcessor CLERK = user("clerk-visit").authorities(() -> "NOTIFICATION_EDIT");

	static final RequestPostProcessor PRINTER = user("printer-visit").authorities(() -> "PRINT");

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
	void oneActionSendsOneJobPerDepartmentEachWithItsCoverSheet() throws Exception {
		String id = signedFamily();
		int before = DUPLEX.jobs().size();
		JsonNode printed = print(id, "visit-duplex");
		List<String> departments = new ArrayList<>();
		printed.get("jobs").forEach(job -> departments.add(job.get("department").asString()));
		// one stack per department the guide's procedures with forms name, the home
		// department (住民異動届, 案内票, 受付票) first: counted against the procedures
		JsonNode guide = json.readTree(mvc
			.perform(post("/api/v1/guidance/evaluate").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"notificationId\":\"" + id + "\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		Set<String> expected = new LinkedHashSet<>(List.of("市民課"));
		guide.get("procedures").forEach(p -> {
			if (!p.get("forms").isEmpty()) {
				expected.add(p.get("department").asString());
			}
		});
		assertThat(departments).containsExactlyElementsOf(expected);
		assertThat(departments).contains("国民健康保険課", "こども支援課");
		Set<String> visits = new LinkedHashSet<>();
		printed.get("jobs").forEach(job -> visits.add(job.get("visitId").asString()));
		assertThat(visits).hasSize(1);
		awaitCompleted(printed);
		await().atMost(Duration.ofSeconds(20)).until(() -> DUPLEX.jobs().size() == before + departments.size());
		List<Path> received = DUPLEX.jobs().subList(before, before + departments.size());
		String reference = id.substring(0, 8).toUpperCase(java.util.Locale.ROOT);
		// the printer takes one job at a time, so the stacks may arrive in any order:
		// each
		// is known by the department its cover sheet names
		List<String> covered = new ArrayList<>();
		for (Path file : received) {
			try (PDDocument document = Loader.loadPDF(Files.readAllBytes(file))) {
				String cover = page(document, 1);
				assertThat(cover).contains("送付票", reference);
				String department = departments.stream()
					.filter(d -> cover.contains("担当課 " + d))
					.findFirst()
					.orElseThrow(() -> new AssertionError("no department on the cover: " + cover));
				covered.add(department);
				if (department.equals("市民課")) {
					// the counters of the department: home counter and 印鑑登録's window
					assertThat(cover).contains("住民異動届", "印鑑登録申請書", "4番窓口");
					// duplex: the cover's back is blank, so the first form starts on a
					// new sheet
					assertThat(page(document, 2)).isBlank();
					assertThat(page(document, 3)).contains("住民異動届");
					assertThat(document.getNumberOfPages() % 2).isZero();
				}
				if (department.equals("国民健康保険課")) {
					// two copies of each 国保 form, as the templates ask
					assertThat(cover).contains("（2部）");
				}
			}
		}
		assertThat(covered).as("one stack per department, each once").containsExactlyInAnyOrderElementsOf(departments);
		assertThat(printed.get("jobs").get(0).get("duplex").asBoolean()).isTrue();
		// the printer's queue page lists the jobs
		String queue = mvc.perform(get("/forms/printers/visit-duplex").with(PRINTER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(queue).contains("送付票と市民課の書類", "送付票と国民健康保険課の書類");
		mvc.perform(get("/api/v1/printers/visit-duplex/jobs").with(PRINTER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].visitId").value(visits.iterator().next()));
	}

	@Test
	void aPrinterWithoutDuplexPrintsOnOneSideWithANoticeAndLosesNothing() throws Exception {
		String id = signedFamily();
		int before = SIMPLEX.jobs().size();
		JsonNode printed = print(id, "visit-simplex");
		JsonNode home = printed.get("jobs").get(0);
		assertThat(home.get("department").asString()).isEqualTo("市民課");
		assertThat(home.get("notice").asString()).contains("両面印刷に対応していない", "片面で印刷しました");
		assertThat(home.get("duplex").asBoolean()).isFalse();
		awaitCompleted(printed);
		int jobs = printed.get("jobs").size();
		await().atMost(Duration.ofSeconds(20)).until(() -> SIMPLEX.jobs().size() == before + jobs);
		for (Path file : SIMPLEX.jobs().subList(before, before + jobs)) {
			try (PDDocument document = Loader.loadPDF(Files.readAllBytes(file))) {
				// the blank backs were taken out: every page printed has something on it
				for (int p = 1; p <= document.getNumberOfPages(); p++) {
					assertThat(page(document, p)).as("page %d", p).isNotBlank();
				}
			}
		}
	}

	@Test
	void aPrinterThatIsOffKeepsTheJobsWaitingAndPrintsThemWhenItAnswers() throws Exception {
		String id = signedFamily();
		JsonNode printed = print(id, "visit-off");
		printed.get("jobs").forEach(job -> {
			assertThat(job.get("state").asString()).isEqualTo("QUEUED");
			assertThat(job.get("error").asString()).contains("接続できません", "自動で印刷します");
		});
		IppEvePrinter late = IppEvePrinter.start(VISIT_OFF_PORT, SPOOL.resolve("late"), "MadoguchiLate", true);
		try {
			awaitCompleted(printed);
			await().atMost(Duration.ofSeconds(20)).until(() -> late.jobs().size() == printed.get("jobs").size());
		}
		finally {
			late.close();
		}
	}

	JsonNode print(String id, String printer) throws Exception {
		return json.readTree(mvc
			.perform(post("/api/v1/notifications/" + id + "/print").with(PRINTER)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"printer\":\"" + printer + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	void awaitCompleted(JsonNode printed) {
		printed.get("jobs")
			.forEach(job -> await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> mvc.perform(get("/api/v1/print-jobs/" + job.get("id").asString()).with(PRINTER))
					.andExpect(jsonPath("$.state").value("COMPLETED"))));
	}

	String signedFamily() throws Exception {
		String id = FormApiTests.createNotification(mvc, CLERK, FormApiTests.familyMovingIn());
		Signatures.signAll(mvc, CLERK, id);
		return id;
	}

	static String page(PDDocument document, int page) throws IOException {
		PDFTextStripper text = new PDFTextStripper();
		text.setStartPage(page);
		text.setEndPage(page);
		return text.getText(document);
	}

}
