package jp.madoguchi.address;

import java.nio.charset.StandardCharsets;

import jp.madoguchi.address.domain.AddressImporter;
import jp.madoguchi.address.domain.Dataset;
import jp.madoguchi.address.domain.DatasetSummary;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.SerializationUtils;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin page and the postal code API through the real security filter chain. */
@AddressIntegration
class AddressWebTests {

	MockMvc mvc;

	@Autowired
	AddressImporter importer;

	@BeforeEach
	void setUp(WebApplicationContext context) {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
	}

	@AfterEach
	void restoreSample() {
		importer.reloadSample();
	}

	@Test
	@WithMockUser(username = "master-admin", authorities = "MASTER_ADMIN")
	void masterAdminsSeeWhatIsImported() throws Exception {
		String html = mvc.perform(get("/admin/addresses"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Document page = Jsoup.parse(html);
		assertThat(page.select("h1").text()).isEqualTo("住所データ");
		assertThat(page.select("tr[data-dataset=ken_all] td").first().text()).isEqualTo("13");
		assertThat(page.select("tr[data-dataset=ken_all]").text()).contains("SAMPLE utf_ken_all-kushiro-SAMPLE.csv",
				"system");
		assertThat(page.select(".banner--warning").text()).contains("公式データではありません");
		assertThat(page.select("form[enctype=multipart/form-data] select#dataset option")).hasSize(3);
		assertThat(page.select("input[type=file]#file").attr("aria-describedby")).isEqualTo("file-hint");
	}

	@Test
	@WithMockUser(username = "clerk", authorities = { "RECEPTION", "USER_ADMIN", "NOTIFICATION_EDIT" })
	void staffWithoutMasterAdminAreRefused() throws Exception {
		mvc.perform(get("/admin/addresses")).andExpect(status().isForbidden());
		mvc.perform(multipart("/admin/addresses").file(file("x.csv", AddressFiles.kenAllRow(0)))
			.param("dataset", "ken_all")
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(summary(Dataset.KEN_ALL).sample()).isTrue();
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		mvc.perform(get("/admin/addresses")).andExpect(status().is3xxRedirection());
	}

	@Test
	@WithMockUser(username = "master-admin", authorities = "MASTER_ADMIN")
	void anUploadReplacesTheDataset() throws Exception {
		String content = AddressFiles.kenAllRow(0) + AddressFiles.kenAllRow(1);
		MvcResult upload = mvc
			.perform(multipart("/admin/addresses").file(file("C:\\data\\utf_ken_all.csv", content))
				.param("dataset", "ken_all")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/addresses"))
			.andExpect(flash().attributeExists("imported"))
			.andReturn();
		assertThat(SerializationUtils.serialize(upload.getFlashMap()))
			.as("flash attributes live in the JDBC session: they must serialize")
			.isNotEmpty();
		String html = mvc.perform(get("/admin/addresses").flashAttrs(upload.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(html).select(".banner--success").text())
			.contains("郵便番号（utf_ken_all.csv）を utf_ken_all.csv から取り込みました（2件");
		assertThat(Jsoup.parse(html).select(".banner--warning")).as("the town master is still the sample").isNotEmpty();
		DatasetSummary summary = summary(Dataset.KEN_ALL);
		assertThat(summary.rows()).isEqualTo(2);
		assertThat(summary.lastImport().source()).isEqualTo("utf_ken_all.csv");
		assertThat(summary.lastImport().importedBy()).isEqualTo("master-admin");
	}

	@Test
	@WithMockUser(username = "master-admin", authorities = "MASTER_ADMIN")
	void aBadUploadShowsTheLineAndChangesNothing() throws Exception {
		String content = AddressFiles.kenAllRow(0) + "01206,\"085\"\n";
		String html = mvc
			.perform(multipart("/admin/addresses").file(file("utf_ken_all.csv", content))
				.param("dataset", "ken_all")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Document page = Jsoup.parse(html);
		assertThat(page.select(".error-summary a[href=#file]").text()).contains("取り込めませんでした。", "2行目: 列の数が15ではありません");
		assertThat(page.select("#file").attr("aria-invalid")).isEqualTo("true");
		assertThat(summary(Dataset.KEN_ALL).sample()).isTrue();
	}

	@Test
	@WithMockUser(username = "master-admin", authorities = "MASTER_ADMIN")
	void anUploadWithoutFileOrDatasetIsRefused() throws Exception {
		String html = mvc.perform(multipart("/admin/addresses").param("dataset", "").with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(html).select(".error-summary li").eachText()).containsExactly("データの種類を選択してください。",
				"取り込むファイルを選択してください。");
	}

	@Test
	@WithMockUser(username = "clerk", authorities = "RECEPTION")
	void anyStaffLooksUpAPostalCode() throws Exception {
		mvc.perform(get("/api/v1/addresses").param("postalCode", "０８５－００６１"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.postalCode").value("0850061"))
			.andExpect(jsonPath("$.addresses", hasSize(2)))
			.andExpect(jsonPath("$.addresses[0].town").value("愛国東"))
			.andExpect(jsonPath("$.addresses[0].townKana").value("アイコクヒガシ"))
			.andExpect(jsonPath("$.addresses[0].lgCode").value("012068"))
			.andExpect(jsonPath("$.addresses[1].town").value("愛国西"));
		mvc.perform(get("/api/v1/addresses").param("postalCode", "085-9999"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.addresses", hasSize(0)));
		mvc.perform(get("/api/v1/addresses/towns").param("lgCode", "012068"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].oazaCho").value("黒金町"));
	}

	@Test
	@WithMockUser(username = "clerk", authorities = "RECEPTION")
	void aMalformedPostalCodeIsAProblem() throws Exception {
		for (String typed : new String[] { "85-0061", "abc" }) {
			mvc.perform(get("/api/v1/addresses").param("postalCode", typed))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.code").value("INVALID_POSTAL_CODE"))
				.andExpect(jsonPath("$.detail").value("郵便番号は7桁の数字で入力してください。"));
		}
		mvc.perform(get("/api/v1/addresses"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_POSTAL_CODE"));
	}

	@Test
	void theApiNeedsASignedInUser() throws Exception {
		mvc.perform(get("/api/v1/addresses").param("postalCode", "0850061")).andExpect(status().isUnauthorized());
	}

	private DatasetSummary summary(Dataset dataset) {
		return importer.summaries().stream().filter(s -> s.dataset() == dataset).findFirst().orElseThrow();
	}

	private static MockMultipartFile file(String name, String content) {
		return new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}

}
