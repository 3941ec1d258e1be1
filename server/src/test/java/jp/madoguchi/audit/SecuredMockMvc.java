package jp.madoguchi.audit;

import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * MockMvc through the real security filter chain, with {@code @WithMockUser} applied.
 * Built by hand because Spring Boot 4 only wires Spring Security into its MockMvc with
 * {@code spring-boot-security-test}.
 */
final class SecuredMockMvc {

	private SecuredMockMvc() {
	}

	static MockMvc of(WebApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
	}

}
