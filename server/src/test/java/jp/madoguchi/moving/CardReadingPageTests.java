package jp.madoguchi.moving;

import java.nio.charset.StandardCharsets;

import jp.madoguchi.support.PairedTerminals;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With a card agent configured, the notification screen offers カード読取 per person, hands
 * the page the agent's URL and token, and the CSP lets the page reach the agent's origin
 * only. A browser paired as a terminal uses that terminal's agent and token instead of
 * the configured ones.
 */
@SpringBootTest(properties = { "madoguchi.card-agent.url=http://127.0.0.1:9443/",
		"madoguchi.card-agent.token=page-test-token-0123456789" })
class CardReadingPageTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void theNewNotificationOffersCardReadingThroughTheAgent() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/notifications/new").with(NotificationPagesTests.CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("button[data-card-read][data-person=0]").text()).isEqualTo("カード読取");
		Element dialog = page.selectFirst("dialog#card-dialog");
		assertThat(dialog).isNotNull();
		assertThat(dialog.attr("data-agent-url")).isEqualTo("http://127.0.0.1:9443");
		assertThat(dialog.attr("data-agent-token")).isEqualTo("page-test-token-0123456789");
		assertThat(dialog.attr("data-msg-remaining")).contains("{0}");
		assertThat(dialog.select("input#card-pin").attr("type")).isEqualTo("password");
		assertThat(page.select("script[src$='/js/card-reader.js']")).hasSize(1);
		assertThat(response.getHeader("Content-Security-Policy")).contains("connect-src 'self' http://127.0.0.1:9443;")
			.doesNotContain("unsafe-inline");
	}

	@Test
	void aPairedBrowserCallsItsTerminalsAgentWithItsToken() throws Exception {
		PairedTerminals.Paired paired = PairedTerminals.pair(mvc, json, "http://127.0.0.1:19443/");

		MockHttpServletResponse response = mvc
			.perform(get("/notifications/new").with(NotificationPagesTests.CLERK).cookie(paired.cookie()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		Element dialog = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8))
			.selectFirst("dialog#card-dialog");
		assertThat(dialog).isNotNull();
		assertThat(dialog.attr("data-agent-url")).isEqualTo("http://127.0.0.1:19443");
		assertThat(dialog.attr("data-agent-token")).isEqualTo(paired.token())
			.isNotEqualTo("page-test-token-0123456789");
		assertThat(response.getHeader("Content-Security-Policy"))
			.contains("connect-src 'self' http://127.0.0.1:9443 http://127.0.0.1:19443;");

		// Only the page that offers card reading may reach the terminal's agent.
		assertThat(mvc.perform(get("/notifications").with(NotificationPagesTests.CLERK).cookie(paired.cookie()))
			.andReturn()
			.getResponse()
			.getHeader("Content-Security-Policy")).contains("connect-src 'self' http://127.0.0.1:9443;");

		// A cookie whose token no longer matches falls back to the configured agent.
		jakarta.servlet.http.Cookie stale = new jakarta.servlet.http.Cookie(paired.cookie().getName(),
				paired.cookie().getValue() + "x");
		MockHttpServletResponse unpaired = mvc
			.perform(get("/notifications/new").with(NotificationPagesTests.CLERK).cookie(stale))
			.andReturn()
			.getResponse();
		assertThat(Jsoup.parse(unpaired.getContentAsString(StandardCharsets.UTF_8))
			.selectFirst("dialog#card-dialog")
			.attr("data-agent-token")).isEqualTo("page-test-token-0123456789");
		assertThat(unpaired.getHeader("Content-Security-Policy")).doesNotContain("19443");
	}

}
