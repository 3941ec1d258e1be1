package jp.madoguchi.reception;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jp.madoguchi.support.PairedTerminals;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * カード読取 on the reception board: the button fills the new reception's name through the
 * terminal's card agent (the same dialog and script as the notification screen), and the
 * reception is stored with the source CARD. Same settings as CardReadingPageTests, so the
 * Spring context is shared.
 */
@SpringBootTest(properties = { "madoguchi.card-agent.url=http://127.0.0.1:9443/",
		"madoguchi.card-agent.token=page-test-token-0123456789" })
class ReceptionCardReadingPageTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	Receptions receptions;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void theBoardOffersCardReadingForTheNewReceptionsName() throws Exception {
		PairedTerminals.Paired paired = PairedTerminals.pair(mvc, json, "http://localhost:29443");
		MockHttpServletResponse response = mvc
			.perform(get("/reception").param("queue", "moving").with(ReceptionPagesTests.CLERK).cookie(paired.cookie()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
		Element form = page.selectFirst("form[action='/reception/receptions']");
		assertThat(form).isNotNull();
		assertThat(form.select("input[type=hidden][name=source]").attr("value")).isEqualTo("SCRATCH");
		Element button = form.selectFirst("button[data-card-read][data-card-fill=reception]");
		assertThat(button).isNotNull();
		assertThat(button.attr("type")).isEqualTo("button");
		assertThat(button.text()).isEqualTo("カード読取");
		Element dialog = page.selectFirst("dialog#card-dialog");
		assertThat(dialog).isNotNull();
		assertThat(dialog.attr("data-agent-url")).isEqualTo("http://localhost:29443");
		assertThat(dialog.attr("data-agent-token")).isEqualTo(paired.token());
		assertThat(dialog.attr("data-msg-remaining")).contains("{0}");
		// Only a name is needed here: no offer to read the My Number.
		assertThat(dialog.select("#card-with-my-number")).isEmpty();
		assertThat(page.select("script[src$='/js/card-reader.js']")).hasSize(1);
		assertThat(response.getHeader("Content-Security-Policy")).contains(" http://localhost:29443;")
			.doesNotContain("unsafe-inline");
	}

	@Test
	void aReceptionFromACardIsStoredAsSuch() throws Exception {
		String slip = mvc
			.perform(post("/reception/receptions").with(ReceptionPagesTests.CLERK)
				.with(csrf())
				.param("queue", "moving")
				.param("name", "渡邊　一郎")
				.param("source", "CARD"))
			.andExpect(redirectedUrlPattern("/reception/receptions/*/slip"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		ReceptionView reception = receptions.find(UUID.fromString(slip.split("/")[3])).orElseThrow();
		assertThat(reception.source()).isEqualTo(ReceptionSource.CARD);
		assertThat(reception.name()).isEqualTo("渡邊　一郎");

		String typed = mvc
			.perform(post("/reception/receptions").with(ReceptionPagesTests.CLERK)
				.with(csrf())
				.param("queue", "moving")
				.param("name", "斎藤 花子")
				.param("source", "SCRATCH"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(receptions.find(UUID.fromString(typed.split("/")[3])).orElseThrow().source())
			.isEqualTo(ReceptionSource.SCRATCH);
	}

	@Test
	void aFormCannotClaimASourceTheSystemSets() throws Exception {
		mvc.perform(post("/reception/receptions").with(ReceptionPagesTests.CLERK)
			.with(csrf())
			.param("queue", "moving")
			.param("name", "渡邊　一郎")
			.param("source", "PREFILING"))
			.andExpect(redirectedUrlPattern("/reception?queue=moving*"))
			.andExpect(flash().attribute("refused", "受付の入力元が正しくありません。画面を開き直してください。"));
	}

}
