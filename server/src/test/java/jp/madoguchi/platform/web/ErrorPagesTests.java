package jp.madoguchi.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Error pages as the servlet container shows them: an ERROR dispatch to Spring Boot's
 * error controller with the status and the failed path as request attributes.
 */
class ErrorPagesTests extends PageTestSupport {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			401 | ログインが必要です
			403 | この画面を表示する権限がありません
			404 | ページが見つかりません
			405 | この操作は受け付けられません
			409 | ほかの操作と重なりました
			422 | 入力内容を処理できませんでした
			400 | リクエストを処理できませんでした
			418 | リクエストを処理できませんでした
			500 | システムでエラーが発生しました
			503 | システムでエラーが発生しました
			""")
	void showsAJapanesePagePerStatus(int status, String heading) throws Exception {
		Document page = page(errorDispatch(status, "/admin/users/42"));

		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ja");
		assertThat(page.title()).isEqualTo(heading + " | 窓口");
		assertThat(page.select("main h1").text()).isEqualTo(heading);
		assertThat(page.selectFirst("main .error-page__code").text()).isEqualTo("エラーコード " + status);
		assertThat(page.select("main .lead").text()).isNotBlank();
		assertThat(page.select("main .button-group a").attr("href")).isEqualTo(status == 401 ? "/login" : "/");
		assertThat(page.select(".language-switch")).as("no language link that would repeat the failed request")
			.isEmpty();
	}

	@Test
	void systemErrorsGiveAReferenceAndNothingOfTheException() throws Exception {
		Document page = page(errorDispatch(500, "/admin/users")
			.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("password=hunter2 leaked"))
			.requestAttr(RequestDispatcher.ERROR_MESSAGE, "password=hunter2 leaked"));

		assertThat(page.select("main h1").text()).isEqualTo("システムでエラーが発生しました");
		assertThat(page.select(".error-page__reference dd").eachText()).satisfies((values) -> {
			assertThat(values.get(0)).isEqualTo("500");
			assertThat(values.get(1)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\+09:00");
		});
		assertThat(page.html()).doesNotContain("hunter2", "IllegalStateException", "at jp.", "Exception");
	}

	@Test
	void clientErrorsShowNoReference() throws Exception {
		assertThat(page(errorDispatch(404, "/nothing")).select(".error-page__reference")).isEmpty();
	}

	@Test
	void errorPagesSpeakEnglishToo() throws Exception {
		Document page = page(errorDispatch(403, "/audit").header("Accept-Language", "en"));

		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(page.select("main h1").text()).isEqualTo("You do not have permission to see this page");
	}

	@Test
	void theLastResortErrorViewRenders() throws Exception {
		Document page = page(get("/test/error-view").with(staff()));

		assertThat(page.select("main h1").text()).isEqualTo("エラーが発生しました");
		assertThat(page.selectFirst("main .error-page__code").text()).isEqualTo("エラーコード 999");
		assertThat(page.select(".error-page__reference dd").eachText()).contains("/somewhere");
	}

	private static MockHttpServletRequestBuilder errorDispatch(int status, String path) {
		return get("/error").with((request) -> {
			request.setDispatcherType(DispatcherType.ERROR);
			return request;
		})
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, path)
			.accept(MediaType.TEXT_HTML)
			.with(staff("USER_ADMIN"));
	}

}
