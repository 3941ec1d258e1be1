package jp.madoguchi.accounts.security;

import jp.madoguchi.SharedTestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static jp.madoguchi.support.ClientAddress.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The first-run setup page on a database without users (issue 20, "Sign-in"): a stranger
 * on the network cannot register the first administrator, neither directly nor through a
 * proxy on the server; the one-time code printed in the log, or a browser on the server
 * itself, can.
 */
@SpringBootTest(properties = { "madoguchi.test.own-database=true", "madoguchi.accounts.address-failures=3" })
@AutoConfigureMockMvc
class FirstRunSetupSecurityTests {

	@DynamicPropertySource
	static void emptyDatabase(DynamicPropertyRegistry registry) {
		String name = "setup_" + System.nanoTime();
		JdbcClient.create(SharedTestDatabase.postgres().getPostgresDatabase()).sql("create database " + name).update();
		registry.add("spring.datasource.url", () -> SharedTestDatabase.postgres().getJdbcUrl("postgres", name));
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	SetupAccess access;

	@Autowired
	JdbcClient jdbc;

	@Test
	void onlyTheServerItselfOrTheHolderOfTheCodeRegistersTheFirstAdministrator() throws Exception {
		mvc.perform(get("/setup").with(from("203.0.113.9")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"setupCode\"")));
		mvc.perform(setup("203.0.113.9", null))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("初期設定コードが正しくありません")));
		// A proxy on the server makes every visitor look local: forwarded requests need
		// the code too.
		mvc.perform(setup("127.0.0.1", "WRONG-CODE-0000").header("X-Forwarded-For", "203.0.113.10"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("初期設定コードが正しくありません")));
		assertThat(users()).isZero();

		// Guessing the code is throttled like guessing passwords.
		mvc.perform(setup("203.0.113.9", "AAAA-BBBB-CCCC"));
		mvc.perform(setup("203.0.113.9", "DDDD-EEEE-FFFF"));
		mvc.perform(setup("203.0.113.9", access.code())).andExpect(redirectedUrl("/setup?error=throttled"));
		assertThat(users()).isZero();

		mvc.perform(setup("203.0.113.20", access.code().toLowerCase(java.util.Locale.ROOT)))
			.andExpect(redirectedUrl("/login?setup"));
		assertThat(users()).isEqualTo(1);
		assertThat(jdbc.sql("select must_change_password from accounts.users where username = 'admin'")
			.query(Boolean.class)
			.single()).as("chosen by the person on the setup page").isFalse();
	}

	@Test
	void theSetupCodeIsNotNeededOnTheServerItself() throws Exception {
		mvc.perform(get("/setup").with(from("127.0.0.1")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("setupCode"))));
		mvc.perform(get("/setup").with(from("::1")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("setupCode"))));
	}

	private long users() {
		return jdbc.sql("select count(*) from accounts.users").query(Long.class).single();
	}

	private static MockHttpServletRequestBuilder setup(String address, String code) {
		MockHttpServletRequestBuilder request = post("/setup").param("password", "first-chosen-secret-1")
			.param("passwordConfirmation", "first-chosen-secret-1")
			.with(csrf())
			.with(from(address));
		return (code != null) ? request.param("setupCode", code) : request;
	}

}
