package jp.madoguchi.accounts.security;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jp.madoguchi.accounts.AccountsTestSupport;
import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.ApiTokenService;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.GroupDefinition;
import jp.madoguchi.accounts.domain.NewUser;
import jp.madoguchi.accounts.domain.UserAdministration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static jp.madoguchi.support.ClientAddress.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attacks on the sign-in form (issue 20, "Sign-in"): guessing which user names exist,
 * trying many accounts from one address, the bootstrap password left unchanged, weak
 * password hashes. The first-run setup page is in {@link FirstRunSetupSecurityTests}.
 */
@SpringBootTest(properties = "madoguchi.accounts.address-failures=6")
@AutoConfigureMockMvc
class SignInSecurityTests {

	/** Every password check of the context, counted. */
	static final AtomicInteger passwordChecks = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAdministration users;

	@Autowired
	GroupAdministration groups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokenService tokens;

	@Test
	void unknownWrongDisabledAndLockedAllLookTheSameAndEachChecksAPassword() throws Exception {
		String address = "192.0.2.11";
		String wrongPassword = user();
		String disabled = user();
		jdbc.sql("update accounts.users set enabled = false where username = ?").param(disabled).update();
		String locked = user();
		jdbc.sql("update accounts.users set locked_until = now() + interval '1 hour' where username = ?")
			.param(locked)
			.update();

		String[][] attempts = { { "nobody-" + System.nanoTime(), "some-password-123" },
				{ wrongPassword, "not-the-password-1" }, { disabled, AccountsTestSupport.PASSWORD },
				{ locked, AccountsTestSupport.PASSWORD } };
		for (String[] attempt : attempts) {
			int checksBefore = passwordChecks.get();
			mvc.perform(signIn(attempt[0], attempt[1], address)).andExpect(redirectedUrl("/login?error=refused"));
			assertThat(passwordChecks.get() - checksBefore).as("password hashes checked for %s", attempt[0])
				.isEqualTo(1);
		}
		mvc.perform(get("/login").param("error", "refused"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("ログインできませんでした")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("ロック"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("無効"))));
		// The audit trail keeps the real reasons for the administrator.
		assertThat(jdbc
			.sql("select detail from audit.events where action = 'LOGIN' and subject = ? and outcome = 'FAILURE'")
			.param("user:" + disabled)
			.query(String.class)
			.single()).isEqualTo("disabled");
	}

	@Test
	void oneAddressTryingManyAccountsIsThrottledBeforeAnyPasswordIsChecked() throws Exception {
		String address = "192.0.2.12";
		String victim = user();
		for (int i = 0; i < 6; i++) {
			mvc.perform(signIn("guess-" + i + "-" + System.nanoTime(), "Winter2026!!", address))
				.andExpect(redirectedUrl("/login?error=refused"));
		}
		int checksBefore = passwordChecks.get();
		mvc.perform(signIn(victim, AccountsTestSupport.PASSWORD, address))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login?error=throttled"))
			.andExpect(header().exists("Retry-After"));
		assertThat(passwordChecks.get()).isEqualTo(checksBefore);
		assertThat(jdbc.sql("select count(*) from audit.events where action = 'LOGIN' and subject = ?")
			.param("user:" + victim)
			.query(Long.class)
			.single()).as("no sign-in recorded for the victim").isZero();
		assertThat(jdbc.sql("select count(*) from audit.events where action = 'LOGIN_THROTTLED' and ip = ?")
			.param(address)
			.query(Long.class)
			.single()).isEqualTo(1);
		mvc.perform(get("/login").param("error", "throttled"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-code=\"throttled\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("しばらくログインできません")));

		// Another address is not affected.
		mvc.perform(signIn(victim, AccountsTestSupport.PASSWORD, "192.0.2.13")).andExpect(redirectedUrl("/"));
	}

	@Test
	void theBootstrapAdministratorMustChooseTheirOwnPasswordFirst() throws Exception {
		// SharedTestDatabase creates "admin" from the bootstrap variable, as a server
		// start
		// with MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD does.
		assertThat(jdbc.sql("select must_change_password from accounts.users where username = 'admin'")
			.query(Boolean.class)
			.single()).isTrue();
		var login = mvc.perform(signIn("admin", "shared-test-first-secret", "192.0.2.14"))
			.andExpect(redirectedUrl("/account/password"))
			.andReturn();
		mvc.perform(get("/api/v1/admin/users").cookie(login.getResponse().getCookie("MADOGUCHI_SESSION")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("PASSWORD_CHANGE_REQUIRED"));
	}

	@Test
	void aServiceAccountCannotSignInWithItsPasswordOnlyWithAToken() throws Exception {
		String group = AccountsTestSupport.unique("group-");
		groups.createGroup(new GroupDefinition(group, "", Set.of(Permission.RECEPTION)));
		String service = AccountsTestSupport.unique("svc-");
		users.createUser(new NewUser(service, "連携 受付", AccountsTestSupport.PASSWORD, List.of(group), true));
		jdbc.sql("update accounts.users set must_change_password = false where username = ?").param(service).update();

		var refused = mvc.perform(signIn(service, AccountsTestSupport.PASSWORD, "192.0.2.16"))
			.andExpect(redirectedUrl("/login?error=service-account"))
			.andReturn();
		// No signed-in session came of it: the cookie it may carry opens nothing.
		var cookie = refused.getResponse().getCookie("MADOGUCHI_SESSION");
		if (cookie != null) {
			mvc.perform(get("/api/v1/receptions").cookie(cookie)).andExpect(status().isUnauthorized());
		}
		mvc.perform(get("/login").param("error", "service-account"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-code=\"service-account\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("API トークンを使ってください")));
		assertThat(jdbc
			.sql("select detail from audit.events where action = 'LOGIN' and subject = ? and outcome = 'FAILURE'")
			.param("user:" + service)
			.query(String.class)
			.single()).isEqualTo("service-account");
		assertThat(jdbc
			.sql("select count(*) from audit.events where action = 'LOGIN' and outcome = 'SUCCESS'"
					+ " and subject = ?")
			.param("user:" + service)
			.query(Long.class)
			.single()).isZero();
		// The right password does not count towards the lock: tokens keep working.
		assertThat(jdbc.sql("select failed_logins from accounts.users where username = ?")
			.param(service)
			.query(Integer.class)
			.single()).isZero();
		// A wrong password looks like any other refusal (no hint that it is a service
		// account).
		mvc.perform(signIn(service, "not-the-password-1", "192.0.2.16"))
			.andExpect(redirectedUrl("/login?error=refused"));

		String token = tokens.createToken("受付連携", service, "admin", 30).secret();
		mvc.perform(get("/api/v1/receptions").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
	}

	@Test
	void hashesMeetOwaspsMinimumAndOlderOnesAreUpgradedAtSignIn() throws Exception {
		String fresh = user();
		assertThat(hashOf(fresh)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");

		String older = user();
		String weak = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(AccountsTestSupport.PASSWORD);
		assertThat(weak).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
		jdbc.sql("update accounts.users set password_hash = ? where username = ?").param(weak).param(older).update();
		mvc.perform(signIn(older, AccountsTestSupport.PASSWORD, "192.0.2.15")).andExpect(redirectedUrl("/"));
		assertThat(hashOf(older)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		mvc.perform(signIn(older, AccountsTestSupport.PASSWORD, "192.0.2.15")).andExpect(redirectedUrl("/"));
	}

	private String user() {
		return AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.RECEPTION));
	}

	private String hashOf(String username) {
		return jdbc.sql("select password_hash from accounts.users where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	private static MockHttpServletRequestBuilder signIn(String username, String password, String address) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
	}

	@TestConfiguration
	static class CountingPasswordChecks {

		@Bean
		static BeanPostProcessor countPasswordChecks() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof PasswordEncoder encoder)) {
						return bean;
					}
					return new PasswordEncoder() {
						@Override
						public String encode(CharSequence raw) {
							return encoder.encode(raw);
						}

						@Override
						public boolean matches(CharSequence raw, String encoded) {
							passwordChecks.incrementAndGet();
							return encoder.matches(raw, encoded);
						}

						@Override
						public boolean upgradeEncoding(String encoded) {
							return encoder.upgradeEncoding(encoded);
						}
					};
				}
			};
		}

	}

}
