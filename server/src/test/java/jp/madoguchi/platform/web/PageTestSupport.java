package jp.madoguchi.platform.web;

import java.util.Arrays;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * Renders real pages through the whole application (templates, message bundles, security
 * dialect, the layout) and parses them, so tests assert on elements and attributes. One
 * Spring context for every page test: they share this class's configuration.
 */
// On an empty database every page would redirect to the first-run setup page; an
// administrator from the bootstrap variable avoids that (a no-op when users exist).
@SpringBootTest
@Import(TestViewsController.class)
abstract class PageTestSupport {

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@BeforeEach
	void setUpMockMvc() {
		// Built here rather than with @AutoConfigureMockMvc so that the security filter
		// chain
		// and the test user are applied the same way whatever the security configuration
		// is.
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	static RequestPostProcessor staff(String... authorities) {
		return user("tanaka").authorities(Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList());
	}

	MvcResult perform(RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn();
	}

	Document page(RequestBuilder request) throws Exception {
		MvcResult result = perform(request);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

}
