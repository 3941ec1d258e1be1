package jp.madoguchi.forms;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The signature page and API, the forms page and the template editor. */
@SpringBootTest
class FormPagesTests {

	static final RequestPostProcessor CLERK = user("clerk-sign").authorities(() -> "NOTIFICATION_EDIT", () -> "PRINT");

	static final RequestPostProcessor ADMIN = user("admin-forms").authorities(() -> "MASTER_ADMIN");

	static final String STROKES = "[[[0.1,0.5,0.4],[0.3,0.2,0.6],[0.5,0.8,0.7],[0.9,0.4,0.5]],[[0.2,0.9,0.3],[0.8,0.9,0.3]]]";

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@TempDir
	Path dir;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void aSignatureIsDrawnIntoTheFormsAndAskedForAgainOnceTheContentChanges() throws Exception {
		JsonNode created = json.readTree(mvc
			.perform(post("/api/v1/notifications").with(CLERK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(FormApiTests.familyMovingIn()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		String id = created.get("id").asString();
		String page = mvc.perform(get("/forms/notifications/" + id + "/sign").with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("辻\uDB40\uDD02 太郎", "data-signature-pad", "/js/forms.js").doesNotContain("<script>");
		// the signatures the visit needs: the father (filer, applicant) and the mother
		// (印鑑登録)
		assertThat(page).contains("署名が必要な方", "辻\uDB40\uDD02 花子</strong>", "印鑑登録申請書");
		Matcher hash = Pattern.compile("data-content-hash=\"([0-9a-f]{64})\"").matcher(page);
		assertThat(hash.find()).isTrue();
		BufferedImage unsigned = FormRendererTests.rasterise(pdf(id));

		mvc.perform(post("/api/v1/notifications/" + id + "/signature").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"contentHash\":\"" + hash.group(1) + "\",\"strokes\":" + STROKES + "}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("VALID"));
		BufferedImage signed = FormRendererTests.rasterise(pdf(id));
		// the signature box of 住民異動届: 17..193 mm across, 229..253 mm down
		int[] box = { FormRendererTests.mm(17), FormRendererTests.mm(229), FormRendererTests.mm(176),
				FormRendererTests.mm(24) };
		assertThat(FormRendererTests.differingPixels(unsigned, signed, box)).as("the strokes are drawn")
			.isGreaterThan(200);

		String changed = FormApiTests.familyMovingIn().replace("窓口ハイツ 203号室", "窓口ハイツ 305号室");
		changed = changed.substring(0, changed.lastIndexOf('}')) + ",\"version\":" + created.get("version").asInt()
				+ "}";
		mvc.perform(put("/api/v1/notifications/" + id).with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(changed)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/notifications/" + id + "/signature").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("INVALID"));
		String text = FormRendererTests.run("pdftotext", "-enc", "UTF-8",
				Files.write(dir.resolve("changed.pdf"), pdf(id)).toString(), "-");
		assertThat(text.replace("\n", "")).contains("もう一度署名してください");
		mvc.perform(post("/api/v1/notifications/" + id + "/signature").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"contentHash\":\"" + hash.group(1) + "\",\"strokes\":" + STROKES + "}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("SIGNATURE_CONTENT_CHANGED"));
		mvc.perform(get("/forms/notifications/" + id).with(CLERK))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("もう一度署名が必要です")));
		mvc.perform(post("/api/v1/notifications/" + id + "/signature").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"contentHash\":\"" + hash.group(1) + "\",\"strokes\":[]}")).andExpect(status().isConflict());
	}

	@Test
	void theTemplateEditorPreviewsSavesVersionsAndNamesTheBrokenField() throws Exception {
		mvc.perform(get("/forms/admin/templates").with(CLERK)).andExpect(status().isForbidden());
		mvc.perform(get("/forms/admin/templates").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("reception-ticket")));
		String template = mvc.perform(get("/api/v1/forms/templates/reception-ticket").with(ADMIN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		MockHttpSession session = new MockHttpSession();
		String preview = mvc
			.perform(post("/forms/admin/templates/reception-ticket/preview").with(ADMIN)
				.with(csrf())
				.session(session)
				.param("json", template))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Matcher image = Pattern.compile("/forms/admin/templates/preview/([0-9a-f-]{36})\\.png").matcher(preview);
		assertThat(image.find()).as(preview).isTrue();
		mvc.perform(get("/forms/admin/templates/preview/" + image.group(1) + ".png").with(ADMIN).session(session))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.IMAGE_PNG));

		String unbound = template.replace("\"bind\":\"filer.name\"", "\"bind\":\"filer.nickname\"");
		assertThat(unbound).isNotEqualTo(template);
		mvc.perform(post("/forms/admin/templates/reception-ticket/preview").with(ADMIN)
			.with(csrf())
			.session(session)
			.param("json", unbound))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("項目「お名前」")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("filer.nickname")));
		mvc.perform(put("/api/v1/forms/templates/reception-ticket").with(ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(unbound))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("FORM_TEMPLATE_INVALID"))
			.andExpect(jsonPath("$.template").value("「受付票」(reception-ticket)"));

		String retitled = template.replace("\"title\":\"受付票\"", "\"title\":\"受付票（新）\"");
		mvc.perform(post("/forms/admin/templates/reception-ticket").with(ADMIN)
			.with(csrf())
			.param("json", retitled)
			.param("note", "表題の変更")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/forms/templates/reception-ticket/versions").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].title").value("受付票（新）"))
			.andExpect(jsonPath("$[0].note").value("表題の変更"))
			// version 2 is the shipped change that prints the reception's ticket number
			.andExpect(jsonPath("$[1].version").value(2))
			.andExpect(jsonPath("$[1].note").value("受付番号に受付の番号札の番号を印字"))
			.andExpect(jsonPath("$[2].version").value(1));
		mvc.perform(get("/forms/admin/templates/reception-ticket").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("表題の変更")));
	}

	@Test
	void theFormsPageAndTheSignaturePageReadTheNotificationOnceAndAuditOneView() throws Exception {
		String id = FormApiTests.createNotification(mvc, CLERK, FormApiTests.familyMovingIn());
		long before = views(id);
		mvc.perform(get("/forms/notifications/" + id).with(CLERK)).andExpect(status().isOk());
		assertThat(views(id)).as("one view of the forms page").isEqualTo(before + 1);
		mvc.perform(get("/forms/notifications/" + id + "/sign").with(CLERK)).andExpect(status().isOk());
		assertThat(views(id)).as("one view of the signature page").isEqualTo(before + 2);
	}

	long views(String id) {
		return jdbc.sql("select count(*) from audit.events where action = 'NOTIFICATION_VIEWED' and subject = ?")
			.param("notification:" + id)
			.query(Long.class)
			.single();
	}

	byte[] pdf(String id) throws Exception {
		return mvc.perform(get("/api/v1/notifications/" + id + "/forms/moving-notification.pdf").with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

}
