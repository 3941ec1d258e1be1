package jp.madoguchi.accounts;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.GroupDefinition;
import jp.madoguchi.accounts.domain.NewUser;
import jp.madoguchi.accounts.domain.UserAdministration;

import jakarta.servlet.http.Cookie;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Makes uniquely named users and groups, since tests share one database. */
public final class AccountsTestSupport {

	public static final String PASSWORD = "initial-password-1";

	private static final AtomicInteger counter = new AtomicInteger();

	private AccountsTestSupport() {
	}

	public static String unique(String prefix) {
		return prefix + System.nanoTime() % 1_000_000_000 + "-" + counter.incrementAndGet();
	}

	/** Signs the user in with {@link #PASSWORD}; the cookie of the new session. */
	public static Cookie signIn(MockMvc mvc, String username) throws Exception {
		MvcResult result = mvc
			.perform(post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		return sessionCookie(result);
	}

	/**
	 * Sessions live in the database (Spring Session), so the cookie is what identifies
	 * one.
	 */
	public static Cookie sessionCookie(MvcResult result) {
		Cookie cookie = result.getResponse().getCookie("MADOGUCHI_SESSION");
		assertThat(cookie)
			.as("session cookie among %s, Set-Cookie %s", java.util.Arrays.toString(result.getResponse().getCookies()),
					result.getResponse().getHeaders("Set-Cookie"))
			.isNotNull();
		return cookie;
	}

	/** A user with the given permissions who has already chosen their own password. */
	public static String userWith(UserAdministration users, GroupAdministration groups, JdbcClient jdbc,
			Set<Permission> permissions) {
		String group = unique("group-");
		groups.createGroup(new GroupDefinition(group, "", permissions));
		String username = unique("user-");
		users.createUser(new NewUser(username, "テスト 職員", PASSWORD, List.of(group)));
		jdbc.sql("update accounts.users set must_change_password = false where username = ?").param(username).update();
		return username;
	}

}
