package jp.madoguchi.accounts;

import java.util.Set;

import jakarta.servlet.http.Cookie;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.GroupDefinition;
import jp.madoguchi.accounts.domain.UserAdministration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attacks on sessions and API tokens (issue 20, "Sessions and tokens"): an old session of
 * a disabled, regrouped or reset user, a session past its absolute lifetime, a token
 * minted for someone else, an expired token. Each is refused with a problem code and
 * leaves nothing behind; the audit names the token a program used.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionSecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAdministration users;

	@Autowired
	GroupAdministration groups;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDisabledClerksOpenSessionEndsAtOnce() throws Exception {
		String admin = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.USER_ADMIN));
		String clerk = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.RECEPTION));
		Cookie clerkSession = signIn(clerk);
		Cookie clerkPageSession = signIn(clerk);
		mvc.perform(get("/api/v1/me").cookie(clerkSession)).andExpect(status().isOk());

		mvc.perform(patch("/api/v1/admin/users/" + clerk).cookie(signIn(admin))
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"enabled\":false}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(false))
			.andExpect(jsonPath("$.groups.length()").value(1));

		mvc.perform(get("/api/v1/me").cookie(clerkSession))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ログイン")));
		mvc.perform(get("/account").cookie(clerkPageSession)).andExpect(status().is3xxRedirection());
		assertThat(sessionsOf(clerk)).isZero();
		assertThat(auditDetail("USER_UPDATED", clerk)).contains("enabled=true→false", "sessionsEnded=2");
	}

	@Test
	void changingGroupsTheirPermissionsOrThePasswordEndsTheSessions() throws Exception {
		String admin = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.USER_ADMIN));
		String clerk = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.RECEPTION));
		Cookie adminSession = signIn(admin);
		String otherGroup = AccountsTestSupport.unique("group-");
		long otherGroupId = groups.createGroup(new GroupDefinition(otherGroup, "", Set.of(Permission.PRINT))).id();

		Cookie before = signIn(clerk);
		mvc.perform(post("/admin/users/" + clerk).cookie(adminSession)
			.with(csrf())
			.param("displayName", "テスト 職員")
			.param("enabled", "true")
			.param("groups", otherGroup)
			.param("version", String.valueOf(users.user(clerk).version())))
			.andExpect(redirectedUrl("/admin/users/" + clerk));
		mvc.perform(get("/api/v1/me").cookie(before)).andExpect(status().isUnauthorized());

		Cookie afterRegrouping = signIn(clerk);
		mvc.perform(get("/api/v1/me").cookie(afterRegrouping))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.permissions[0]").value("PRINT"));
		mvc.perform(post("/admin/users/" + clerk + "/password").cookie(adminSession)
			.with(csrf())
			.param("password", "reset-by-admin-77")).andExpect(redirectedUrl("/admin/users/" + clerk));
		mvc.perform(get("/api/v1/me").cookie(afterRegrouping)).andExpect(status().isUnauthorized());
		assertThat(auditDetail("USER_PASSWORD_RESET", clerk)).isEqualTo("sessionsEnded=1");

		// A permission taken from the group is gone for its signed-in members at once.
		jdbc.sql("update accounts.users set must_change_password = false where username = ?").param(clerk).update();
		MvcResult again = mvc
			.perform(post("/login").param("username", clerk).param("password", "reset-by-admin-77").with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		Cookie afterReset = AccountsTestSupport.sessionCookie(again);
		mvc.perform(get("/api/v1/me").cookie(afterReset)).andExpect(status().isOk());
		groups.changeGroup(otherGroupId, new GroupDefinition(otherGroup, "", Set.of(Permission.RECEPTION)));
		mvc.perform(get("/api/v1/me").cookie(afterReset)).andExpect(status().isUnauthorized());
	}

	@Test
	void aSessionEndsAtItsAbsoluteLifetimeHoweverActive() throws Exception {
		String clerk = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.RECEPTION));
		Cookie api = signIn(clerk);
		Cookie page = signIn(clerk);
		mvc.perform(get("/api/v1/me").cookie(api)).andExpect(status().isOk());
		// Signed in 10 hours and 1 minute ago (the default lifetime is 10 hours).
		jdbc.sql("""
				update platform.spring_session set creation_time = creation_time - 36060000
				where principal_name = ?""").param(clerk).update();

		mvc.perform(get("/api/v1/me").cookie(api))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("SESSION_EXPIRED"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ログイン")));
		mvc.perform(get("/account").cookie(page)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/login").param("expired", "")).andExpect(status().isOk());
		assertThat(sessionsOf(clerk)).isZero();
	}

	@Test
	void aTokenForAnotherUserIsRefusedUnlessItIsAServiceAccount() throws Exception {
		String admin = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.USER_ADMIN));
		String clerk = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.RECEPTION));
		Cookie session = signIn(admin);

		mvc.perform(post("/api/v1/admin/api-tokens").cookie(session)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"なりすまし\",\"user\":\"" + clerk + "\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("TOKEN_FOR_OTHER_USER"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("サービスアカウント")));
		assertThat(tokensOf(clerk)).isZero();
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'API_TOKEN_CREATED' and outcome = 'DENIED'"
					+ " and subject = ? and actor = ?")
			.param("user:" + clerk)
			.param(admin)
			.query(Long.class)
			.single()).isEqualTo(1);
		// The admin page offers no one else either.
		String page = mvc.perform(get("/admin/api-tokens").cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("value=\"" + admin + "\"").doesNotContain("value=\"" + clerk + "\"");

		String group = AccountsTestSupport.unique("group-");
		groups.createGroup(new GroupDefinition(group, "", Set.of(Permission.RECEPTION)));
		String service = AccountsTestSupport.unique("svc-");
		mvc.perform(post("/api/v1/admin/users").cookie(session)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + service + "\",\"displayName\":\"連携 受付\",\"password\":\"service-password-12\","
					+ "\"groups\":[\"" + group + "\"],\"serviceAccount\":true}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.serviceAccount").value(true));
		mvc.perform(post("/api/v1/admin/api-tokens").cookie(session)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"受付連携\",\"user\":\"" + service + "\",\"validDays\":30}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.user").value(service))
			.andExpect(jsonPath("$.expiresAt").exists());
		assertThat(jdbc.sql("""
				select t.expires_at between now() + interval '29 days' and now() + interval '31 days'
				from accounts.api_tokens t join accounts.users u on u.id = t.user_id where u.username = ?""")
			.param(service)
			.query(Boolean.class)
			.single()).isTrue();

		mvc.perform(post("/api/v1/admin/api-tokens").cookie(session)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"長すぎ\",\"user\":\"" + admin + "\",\"validDays\":1000}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
		assertThat(tokensOf(admin)).isZero();
	}

	@Test
	void anExpiredTokenIsRefusedAndTheAuditNamesTheTokenUsed() throws Exception {
		String admin = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.USER_ADMIN));
		String body = mvc
			.perform(post("/api/v1/admin/api-tokens").cookie(signIn(admin))
				.with(csrf().asHeader())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"自分用\",\"user\":\"" + admin + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));

		String group = AccountsTestSupport.unique("group-");
		mvc.perform(post("/api/v1/admin/groups").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + group + "\",\"permissions\":[]}")).andExpect(status().isCreated());
		assertThat(jdbc
			.sql("select actor || ' ' || terminal from audit.events where action = 'GROUP_CREATED'"
					+ " and detail like ?")
			.param(group + "%")
			.query(String.class)
			.single()).isEqualTo(admin + " api-token:" + id);
		assertThat(jdbc.sql("select count(*) from audit.events where detail like ? or terminal like ?")
			.param("%" + token + "%")
			.param("%" + token + "%")
			.query(Long.class)
			.single()).as("the secret is never written").isZero();

		jdbc.sql("update accounts.api_tokens set expires_at = now() - interval '1 minute' where id = ?")
			.param(id)
			.update();
		String expired = AccountsTestSupport.unique("group-");
		mvc.perform(post("/api/v1/admin/groups").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + expired + "\",\"permissions\":[]}"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("TOKEN_EXPIRED"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("有効期限")));
		assertThat(jdbc.sql("select count(*) from accounts.groups where name = ?")
			.param(expired)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from audit.events where action = 'API_TOKEN_REJECTED' and subject = ?")
			.param("api-token:" + id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void thePatchFollowsTheAdminPagesRules() throws Exception {
		String admin = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.USER_ADMIN));
		String clerk = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.RECEPTION));
		Cookie adminSession = signIn(admin);
		int version = users.user(clerk).version();
		mvc.perform(patch("/api/v1/admin/users/" + clerk).cookie(adminSession)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"groups\":[\"no-such-group\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("GROUP_NOT_FOUND"));
		mvc.perform(patch("/api/v1/admin/users/" + clerk).cookie(adminSession)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"displayName\":\"改名 済み\",\"version\":" + (version + 5) + "}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("STALE_VERSION"));
		mvc.perform(patch("/api/v1/admin/users/" + admin).cookie(signIn(clerk))
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"enabled\":false}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("FORBIDDEN"));
		assertThat(users.user(clerk).version()).isEqualTo(version);
		assertThat(users.user(admin).enabled()).isTrue();

		mvc.perform(patch("/api/v1/admin/users/" + clerk).cookie(adminSession)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"displayName\":\"改名 済み\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.displayName").value("改名 済み"))
			.andExpect(jsonPath("$.enabled").value(true));
		assertThat(auditDetail("USER_UPDATED", clerk)).doesNotContain("sessionsEnded");
	}

	private Cookie signIn(String username) throws Exception {
		return AccountsTestSupport.signIn(mvc, username);
	}

	private long sessionsOf(String username) {
		return jdbc.sql("select count(*) from platform.spring_session where principal_name = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	private long tokensOf(String username) {
		return jdbc.sql("""
				select count(*) from accounts.api_tokens t join accounts.users u on u.id = t.user_id
				where u.username = ?""").param(username).query(Long.class).single();
	}

	private String auditDetail(String action, String username) {
		return jdbc.sql("select detail from audit.events where action = ? and subject = ? order by id desc limit 1")
			.param(action)
			.param("user:" + username)
			.query(String.class)
			.single();
	}

}
