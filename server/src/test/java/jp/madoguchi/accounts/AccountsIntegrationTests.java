package jp.madoguchi.accounts;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.UserAdministration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Accounts through the real filter chain and the real database: sign-in, lockout, forced
 * password change, permissions, API tokens, CSRF, problem details and the audit trail.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAdministration users;

	@Autowired
	GroupAdministration groups;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signsInWithTheRightPasswordAndAuditsIt() throws Exception {
		String user = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.RECEPTION));
		mvc.perform(post("/login").param("username", user).param("password", AccountsTestSupport.PASSWORD).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/"));
		assertThat(auditCount("LOGIN", user, "SUCCESS")).isEqualTo(1);
		assertThat(jdbc.sql("select max_inactive_interval from platform.spring_session where principal_name = ?")
			.param(user)
			.query(Integer.class)
			.single()).as("idle timeout in seconds").isEqualTo(1800);
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
		String user = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.RECEPTION));
		for (int attempt = 1; attempt <= 4; attempt++) {
			mvc.perform(
					post("/login").param("username", user).param("password", "wrong-password-" + attempt).with(csrf()))
				.andExpect(redirectedUrl("/login?error=refused"));
		}
		mvc.perform(post("/login").param("username", user).param("password", "wrong-password-5").with(csrf()))
			.andExpect(redirectedUrl("/login?error=refused"));
		// Locked: refused with the same message as a wrong password (no user
		// enumeration).
		mvc.perform(post("/login").param("username", user).param("password", AccountsTestSupport.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error=refused"));
		assertThat(
				jdbc.sql("select locked_until > now() + interval '14 minutes' from accounts.users where username = ?")
					.param(user)
					.query(Boolean.class)
					.single())
			.isTrue();
		assertThat(auditCount("ACCOUNT_LOCKED", user, "SUCCESS")).isEqualTo(1);
		assertThat(auditCount("LOGIN", user, "FAILURE")).isEqualTo(6);

		users.unlock(user);
		mvc.perform(post("/login").param("username", user).param("password", AccountsTestSupport.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void groupsAndUsersFromCsvFilesGetOneTimePasswordsAndARefusalNamesItsLine() throws Exception {
		String admin = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.USER_ADMIN));
		String group = AccountsTestSupport.unique("csv-group-");
		String clerk = AccountsTestSupport.unique("csv-clerk-");
		String robot = AccountsTestSupport.unique("csv-robot-");
		Cookie adminSession = signIn(admin);
		mvc.perform(post("/api/v1/admin/groups/import").cookie(adminSession)
			.with(csrf().asHeader())
			.contentType("text/csv")
			.content(("グループ名,説明,権限\n" + group + ",市民課 窓口,RECEPTION　PRINT\n" + group + "-x,誤り,NO_SUCH\n")
				.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("CSV_INVALID"))
			.andExpect(jsonPath("$.line").value(3));
		mvc.perform(post("/api/v1/admin/groups/import").cookie(adminSession)
			.with(csrf().asHeader())
			.contentType("text/csv")
			.content(("グループ名,説明,権限\n" + group + ",市民課 窓口,RECEPTION　PRINT\n").getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$[0].permissions.length()").value(2));
		String file = "ユーザー名,氏名,グループ,サービスアカウント\n" + clerk + ",窓口 花子," + group + ",\n" + robot + ",発券機連携," + group
				+ ",はい\n";
		mvc.perform(post("/api/v1/admin/users/import").cookie(adminSession)
			.with(csrf().asHeader())
			.contentType("text/csv")
			.content((file + "x-" + clerk + ",名前,no-such-group,\n").getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.line").value(4))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("4 行目: ")));
		assertThat(jdbc.sql("select count(*) from accounts.users where username = ?")
			.param(clerk)
			.query(Long.class)
			.single()).as("all or none").isZero();
		MvcResult created = mvc
			.perform(post("/api/v1/admin/users/import").cookie(adminSession)
				.with(csrf().asHeader())
				.contentType("text/csv")
				.content(file.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$[1].serviceAccount").value(true))
			.andReturn();
		String password = com.jayway.jsonpath.JsonPath
			.read(created.getResponse().getContentAsString(StandardCharsets.UTF_8), "$[0].initialPassword");
		mvc.perform(post("/login").param("username", clerk).param("password", password).with(csrf()))
			.andExpect(redirectedUrl("/account/password"));
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'USER_CREATED' and subject like ? and actor = ?")
			.param("%" + robot)
			.param(admin)
			.query(Long.class)
			.single()).as("each user audited as an administrator's creation").isEqualTo(1);
	}

	@Test
	void loginPageShowsOneMessageForEveryRefusalInJapanese() throws Exception {
		mvc.perform(get("/login").param("error", "refused"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("ログインできませんでした")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-code=\"refused\"")));
	}

	@Test
	void aNewUserMustChangeThePasswordBeforeAnythingElse() throws Exception {
		String admin = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.USER_ADMIN));
		String group = AccountsTestSupport.unique("group-");
		String user = AccountsTestSupport.unique("new-");
		Cookie adminSession = signIn(admin);
		mvc.perform(post("/api/v1/admin/groups").cookie(adminSession)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + group + "\",\"permissions\":[\"RECEPTION\"]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.permissions[0]").value("RECEPTION"));
		mvc.perform(post("/api/v1/admin/users").cookie(adminSession)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user
					+ "\",\"displayName\":\"窓口 花子\",\"password\":\"first-password-12\",\"groups\":[\"" + group
					+ "\"]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.mustChangePassword").value(true))
			.andExpect(jsonPath("$.permissions[0]").value("RECEPTION"));

		MvcResult login = mvc
			.perform(post("/login").param("username", user).param("password", "first-password-12").with(csrf()))
			.andExpect(redirectedUrl("/account/password"))
			.andReturn();
		Cookie session = sessionCookie(login);
		mvc.perform(get("/account").cookie(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/api/v1/me").cookie(session))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("PASSWORD_CHANGE_REQUIRED"));

		mvc.perform(post("/account/password").cookie(session)
			.with(csrf())
			.param("currentPassword", "first-password-12")
			.param("newPassword", "my-own-password-34")
			.param("newPasswordConfirmation", "my-own-password-34"))
			.andExpect(redirectedUrl("/account?passwordChanged"));
		mvc.perform(get("/api/v1/me").cookie(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(user))
			.andExpect(jsonPath("$.permissions[0]").value("RECEPTION"));
	}

	@Test
	void aUserIsRefusedWhatTheirGroupsLackAndTheDenialIsAudited() throws Exception {
		String user = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.RECEPTION));
		Cookie session = signIn(user);
		mvc.perform(get("/api/v1/admin/users").cookie(session))
			.andExpect(status().isForbidden())
			.andExpect(header().string("Content-Type",
					org.hamcrest.Matchers.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)))
			.andExpect(jsonPath("$.code").value("FORBIDDEN"));
		mvc.perform(get("/admin/groups").cookie(session)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit/verify").cookie(session)).andExpect(status().isForbidden());
		assertThat(auditCount("ACCESS_DENIED", null, "DENIED", user)).isGreaterThanOrEqualTo(3);
	}

	@Test
	void adminPagesShowEffectivePermissions() throws Exception {
		String admin = AccountsTestSupport.userWith(users, groups, jdbc,
				EnumSet.of(Permission.USER_ADMIN, Permission.PRINT));
		Cookie session = signIn(admin);
		mvc.perform(get("/admin/users/" + admin).cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-permission=\"PRINT\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("申請書の印刷")));
		mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/admin/groups").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/admin/groups/new").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/admin/api-tokens").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());
	}

	@Test
	void apiTokensActWithTheirUsersPermissionsUntilRevoked() throws Exception {
		String admin = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.USER_ADMIN));
		String token = tokenFor(signIn(admin), admin);

		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(admin));
		// No CSRF token needed for a program; no session is created.
		String group = AccountsTestSupport.unique("group-");
		MvcResult created = mvc
			.perform(post("/api/v1/admin/groups").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + group + "\",\"permissions\":[\"PRINT\"]}"))
			.andExpect(status().isCreated())
			.andReturn();
		assertThat(created.getRequest().getSession(false)).isNull();
		assertThat(jdbc.sql("select last_used_at is not null from accounts.api_tokens where token_prefix = ?")
			.param(token.substring(0, 12))
			.query(Boolean.class)
			.single()).isTrue();

		long id = jdbc.sql("select id from accounts.api_tokens where token_prefix = ?")
			.param(token.substring(0, 12))
			.query(Long.class)
			.single();
		mvc.perform(delete("/api/v1/admin/api-tokens/" + id).header("Authorization", "Bearer " + token))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("INVALID_TOKEN"));
		assertThat(jdbc.sql("select count(*) from audit.events where action = 'API_TOKEN_REVOKED' and subject = ?")
			.param("api-token:" + id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aTokenCannotDoWhatItsUserMayNot() throws Exception {
		String admin = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.USER_ADMIN));
		String clerk = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.RECEPTION));
		jdbc.sql("update accounts.users set service_account = true where username = ?").param(clerk).update();
		String token = tokenFor(signIn(admin), clerk);
		mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$.permissions.length()").value(1));
	}

	@Test
	void unsafeRequestsFromASessionNeedTheCsrfToken() throws Exception {
		String admin = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.USER_ADMIN));
		mvc.perform(post("/api/v1/admin/groups").cookie(signIn(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"csrf\",\"permissions\":[]}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("CSRF_TOKEN_INVALID"));
	}

	@Test
	void badInputGetsProblemDetailsWithStableCodes() throws Exception {
		String admin = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.USER_ADMIN));
		Cookie session = signIn(admin);
		mvc.perform(post("/api/v1/admin/users").cookie(session)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"shortpw\",\"displayName\":\"短い\",\"password\":\"short\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("PASSWORD_POLICY_VIOLATED"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("12文字以上")));
		mvc.perform(post("/api/v1/admin/users").cookie(session)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + admin + "\",\"displayName\":\"重複\",\"password\":\"long-enough-password\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("USERNAME_TAKEN"));
		mvc.perform(post("/api/v1/admin/groups").cookie(session)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"permissions\":[\"FLY\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("UNKNOWN_PERMISSION"));
		mvc.perform(post("/api/v1/admin/groups").cookie(session)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
		mvc.perform(post("/api/v1/admin/groups").cookie(session)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"permissions\":[]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		// MockMvc does not dispatch to /error; the jar-level test checks the 404 problem
		// body.
		mvc.perform(get("/api/v1/no-such-thing").cookie(session)).andExpect(status().isNotFound());
	}

	@Test
	void strangersGet401OnTheApiAndTheLoginPageOnPages() throws Exception {
		mvc.perform(get("/api/v1/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
		mvc.perform(get("/admin/users")).andExpect(status().is3xxRedirection());
	}

	@Test
	void everyResponseCarriesTheStrictSecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("script-src 'self'"),
							org.hamcrest.Matchers.containsString("style-src 'self'"),
							org.hamcrest.Matchers.containsString("frame-ancestors 'none'"),
							org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline")))))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
	}

	@Test
	void pagesCarryTheCsrfMetaTagsAndNoInlineScript() throws Exception {
		String user = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.RECEPTION));
		String html = mvc.perform(get("/account").cookie(signIn(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("<meta name=\"_csrf\"", "<meta name=\"_csrf_header\"");
		assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>").doesNotContain(" style=\"");
	}

	private Cookie signIn(String username) throws Exception {
		return AccountsTestSupport.signIn(mvc, username);
	}

	private static Cookie sessionCookie(MvcResult result) {
		return AccountsTestSupport.sessionCookie(result);
	}

	private String tokenFor(Cookie adminSession, String user) throws Exception {
		String body = mvc
			.perform(post("/api/v1/admin/api-tokens").cookie(adminSession)
				.with(csrf().asHeader())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"連携テスト\",\"user\":\"" + user + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.token").value(org.hamcrest.Matchers.startsWith("mdg_")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
	}

	private long auditCount(String action, String subjectUser, String outcome) {
		return jdbc.sql("select count(*) from audit.events where action = ? and subject = ? and outcome = ?")
			.param(action)
			.param("user:" + subjectUser)
			.param(outcome)
			.query(Long.class)
			.single();
	}

	private long auditCount(String action, String subject, String outcome, String actor) {
		return jdbc.sql("select count(*) from audit.events where action = ? and outcome = ? and actor = ?")
			.param(action)
			.param(outcome)
			.param(actor)
			.query(Long.class)
			.single();
	}

}
