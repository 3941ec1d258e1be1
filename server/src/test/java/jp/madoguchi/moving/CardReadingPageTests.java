package jp.madoguchi.moving;

import java.nio.charset.StandardCharsets;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With a card agent configured, the notification screen offers カード読取 per person, hands
 * the page the agent's URL and token, and the CSP lets the page reach the agent's origin
 * only.
 */
@SpringBootTest(properties = { "madoguchi.card-agent.url=http://127.0.0.1:9443/",
		"madoguchi.card-agent.token=page-test-token-0123456789" })
class CardReadingPageTests {

	@Autowired
	WebApplicationContext context;

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

}
