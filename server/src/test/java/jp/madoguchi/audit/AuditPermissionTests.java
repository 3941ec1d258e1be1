package jp.madoguchi.audit;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every audit page and endpoint needs {@code AUDIT_VIEW}. */
@AuditIntegration
class AuditPermissionTests {

	static final List<String> PATHS = List.of("/api/v1/audit/verify", "/api/v1/audit/events", "/audit",
			"/audit/events.csv", "/audit/verify");

	MockMvc mvc;

	@BeforeEach
	void setUp(WebApplicationContext context) {
		mvc = SecuredMockMvc.of(context);
	}

	@Test
	@WithMockUser(username = "clerk", authorities = { "RECEPTION", "USER_ADMIN" })
	void staffWithoutAuditViewAreRefused() throws Exception {
		for (String path : PATHS) {
			mvc.perform(get(path)).andExpect(status().isForbidden());
		}
	}

	@Test
	void anonymousRequestsAreNotServed() throws Exception {
		for (String path : PATHS) {
			int status = mvc.perform(get(path)).andReturn().getResponse().getStatus();
			assertThat(status).as(path).isIn(401, 302, 303);
		}
	}

	@Test
	@WithMockUser(username = "auditor", authorities = "AUDIT_VIEW")
	void auditorsAreServed() throws Exception {
		for (String path : PATHS) {
			mvc.perform(get(path)).andExpect(status().isOk());
		}
	}

}
