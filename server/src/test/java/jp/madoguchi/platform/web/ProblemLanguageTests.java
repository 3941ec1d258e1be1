package jp.madoguchi.platform.web;

import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * API problems speak the language of the caller's {@code Accept-Language}: Japanese by
 * default, English when asked, with the same {@code code}; a page language cookie does
 * not change what an API answers. Both for refusals answered by Spring MVC and for those
 * a security filter answers before it.
 */
class ProblemLanguageTests extends PageTestSupport {

	private static final String NOTIFICATION = "/api/v1/notifications/" + UUID.randomUUID();

	@Test
	void unauthenticatedApiCallsGetJapaneseByDefault() throws Exception {
		MvcResult result = perform(get("/api/v1/me"));

		assertThat(result.getResponse().getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED.value());
		assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(body(result)).contains("\"code\":\"UNAUTHENTICATED\"").contains("\"detail\":\"ログインが必要です。\"");
	}

	@Test
	void unauthenticatedApiCallsGetEnglishWhenTheyAskForIt() throws Exception {
		MvcResult result = perform(get("/api/v1/me").header("Accept-Language", "en-US,en;q=0.9"));

		assertThat(result.getResponse().getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED.value());
		assertThat(body(result)).contains("\"code\":\"UNAUTHENTICATED\"")
			.contains("\"detail\":\"You need to sign in.\"");
	}

	@Test
	void refusalsOfTheApiGetTheLanguageOfAcceptLanguage() throws Exception {
		MvcResult japanese = perform(get(NOTIFICATION).with(staff("NOTIFICATION_EDIT")));
		MvcResult english = perform(get(NOTIFICATION).header("Accept-Language", "en").with(staff("NOTIFICATION_EDIT")));

		assertThat(japanese.getResponse().getStatus()).isEqualTo(HttpStatus.NOT_FOUND.value());
		assertThat(body(japanese)).contains("\"code\":\"NOTIFICATION_NOT_FOUND\"")
			.contains("\"detail\":\"届出が見つかりません。\"");
		assertThat(english.getResponse().getStatus()).isEqualTo(HttpStatus.NOT_FOUND.value());
		assertThat(body(english)).contains("\"code\":\"NOTIFICATION_NOT_FOUND\"")
			.contains("\"detail\":\"No such notification.\"");
	}

	@Test
	void thePageLanguageCookieDoesNotChangeApiAnswers() throws Exception {
		MvcResult result = perform(get(NOTIFICATION).cookie(new Cookie(LocaleConfiguration.COOKIE, "en"))
			.param(LocaleConfiguration.PARAMETER, "en")
			.with(staff("NOTIFICATION_EDIT")));

		assertThat(body(result)).contains("\"detail\":\"届出が見つかりません。\"");
		assertThat(result.getResponse().getCookie(LocaleConfiguration.COOKIE)).isNull();
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
