package jp.madoguchi.accounts;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.UserAdministration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The attack after the URL rules moved into the modules: staff with one permission try
 * another module's administrator URLs, and an administrator tries the audit trail. Paths
 * with no handler behind them ({@code nothing-here}) show that the module's URL rule, not
 * only the controller's {@code @PreAuthorize}, refuses. Every refusal is audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ModuleAccessRulesTests {

	static final String HOLD = "{\"held\":true,\"reason\":\"試験\"}";

	/** MASTER_ADMIN's URLs, at least one per module that has any. */
	static final List<Attempt> MASTER_ADMIN_URLS = List.of(
			// admin
			Attempt.get("/admin/holidays"), Attempt.get("/api/v1/admin/terminals"),
			Attempt.get("/api/v1/admin/retention"), Attempt.get("/admin/retention/nothing-here"),
			// address
			Attempt.get("/admin/addresses"), Attempt.get("/admin/addresses/nothing-here"),
			// guidance
			Attempt.get("/guidance/admin"),
			new Attempt(HttpMethod.PUT, "/api/v1/guidance/procedures/nothing-here/x", "{}"),
			new Attempt(HttpMethod.POST, "/api/v1/guidance/rules/validate", "{}"),
			// resident record
			Attempt.get("/admin/resident-record"), Attempt.get("/api/v1/resident-record/deliveries"),
			Attempt.get("/admin/resident-record/nothing-here"),
			// forms
			Attempt.get("/forms/admin/templates"), Attempt.get("/api/v1/forms/templates"),
			Attempt.get("/forms/admin/nothing-here"),
			// reception: the legal hold sits under the clerk's own /api/v1/receptions/**
			Attempt.get("/reception/admin"), Attempt.get("/api/v1/admin/queues"),
			Attempt.get("/api/v1/admin/display-tokens/nothing-here"),
			new Attempt(HttpMethod.PUT, "/api/v1/receptions/" + UUID.randomUUID() + "/legal-hold", HOLD),
			// moving (no URL rule: the controller's @PreAuthorize alone)
			new Attempt(HttpMethod.PUT, "/api/v1/notifications/" + UUID.randomUUID() + "/legal-hold", HOLD));

	static final List<Attempt> AUDIT_URLS = List.of(Attempt.get("/audit"), Attempt.get("/audit/verify"),
			Attempt.get("/audit/nothing-here"), Attempt.get("/api/v1/audit/verify"),
			Attempt.get("/api/v1/audit/events"), Attempt.get("/api/v1/audit/nothing-here"));

	record Attempt(HttpMethod method, String path, String body) {

		static Attempt get(String path) {
			return new Attempt(HttpMethod.GET, path, "");
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAdministration users;

	@Autowired
	GroupAdministration groups;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReceptionClerkIsRefusedEveryModulesAdministratorUrls() throws Exception {
		String clerk = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.RECEPTION));
		Cookie session = signIn(clerk);
		mvc.perform(get("/api/v1/queues").cookie(session)).andExpect(status().isOk());
		for (Attempt attempt : MASTER_ADMIN_URLS) {
			assertThat(statusOf(attempt, session)).as(attempt.method() + " " + attempt.path()).isEqualTo(403);
		}
		assertThat(deniedAuditEvents(clerk)).isEqualTo(MASTER_ADMIN_URLS.size());
	}

	@Test
	void anAdministratorIsRefusedTheAuditTrail() throws Exception {
		String admin = AccountsTestSupport.userWith(users, groups, jdbc,
				Set.of(Permission.MASTER_ADMIN, Permission.USER_ADMIN));
		Cookie session = signIn(admin);
		mvc.perform(get("/api/v1/admin/queues").cookie(session)).andExpect(status().isOk());
		for (Attempt attempt : AUDIT_URLS) {
			assertThat(statusOf(attempt, session)).as(attempt.method() + " " + attempt.path()).isEqualTo(403);
		}
		assertThat(deniedAuditEvents(admin)).isEqualTo(AUDIT_URLS.size());
	}

	private int statusOf(Attempt attempt, Cookie session) throws Exception {
		MockHttpServletRequestBuilder request = request(attempt.method(), attempt.path()).cookie(session)
			.with(csrf().asHeader());
		if (!attempt.body().isEmpty()) {
			request.contentType(MediaType.APPLICATION_JSON).content(attempt.body());
		}
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private long deniedAuditEvents(String actor) {
		return jdbc
			.sql("select count(*) from audit.events where action = 'ACCESS_DENIED' and outcome = 'DENIED'"
					+ " and actor = ?")
			.param(actor)
			.query(Long.class)
			.single();
	}

	private Cookie signIn(String username) throws Exception {
		MvcResult result = mvc.perform(
				post("/login").param("username", username).param("password", AccountsTestSupport.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		Cookie cookie = result.getResponse().getCookie("MADOGUCHI_SESSION");
		assertThat(cookie).isNotNull();
		return cookie;
	}

}
