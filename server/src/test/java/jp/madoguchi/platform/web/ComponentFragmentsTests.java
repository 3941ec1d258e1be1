package jp.madoguchi.platform.web;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The component fragments under {@code templates/fragments/components/}, rendered on one
 * test page ({@code templates/test/components.html}) bound to a form with and without
 * errors.
 */
class ComponentFragmentsTests extends PageTestSupport {

	private Document withErrors() throws Exception {
		return page(get("/test/components").param("errors", "true").with(staff()));
	}

	private Document withoutErrors() throws Exception {
		return page(get("/test/components").with(staff()));
	}

	@Test
	void errorSummaryListsEveryErrorAndLinksToTheFields() throws Exception {
		Element summary = withErrors().selectFirst("main .error-summary");

		assertThat(summary).isNotNull();
		assertThat(summary.attr("tabindex")).isEqualTo("-1");
		assertThat(summary.hasAttr("data-error-summary")).isTrue();
		assertThat(summary.selectFirst("h2").text()).isEqualTo("入力内容にエラーがあります");
		assertThat(summary.attr("aria-labelledby")).isEqualTo(summary.selectFirst("h2").id());
		assertThat(summary.selectFirst("p").text()).isEqualTo("3件の項目を確認してください。");
		assertThat(summary.select("li").eachText()).containsExactly("同じ職員が既に登録されています", "ログイン名は半角英数字で入力してください",
				"権限を1つ以上選んでください");
		assertThat(summary.select("li a").eachAttr("href")).containsExactly("#loginName", "#permissions");
	}

	@Test
	void errorSummaryTargetsExist() throws Exception {
		Document page = withErrors();
		for (String href : page.select(".error-summary a").eachAttr("href")) {
			assertThat(page.getElementById(href.substring(1))).as(href).isNotNull();
		}
	}

	@Test
	void noErrorSummaryWithoutErrors() throws Exception {
		Document page = withoutErrors();

		assertThat(page.select(".error-summary, .field--error, [aria-invalid], .field__error")).isEmpty();
	}

	@Test
	void textFieldHasLabelHintAndErrorsWiredUp() throws Exception {
		Document page = withErrors();
		Element input = page.getElementById("loginName");
		Element field = input.closest(".field");

		assertThat(field.hasClass("field--error")).isTrue();
		assertThat(page.select("label[for=loginName]").text()).isEqualTo("ログイン名 ※必須");
		assertThat(input.attr("name")).isEqualTo("loginName");
		assertThat(input.attr("type")).isEqualTo("text");
		assertThat(input.val()).isEqualTo("tanaka taro");
		assertThat(input.attr("aria-describedby")).isEqualTo("loginName-hint loginName-error");
		assertThat(input.attr("aria-invalid")).isEqualTo("true");
		assertThat(input.attr("aria-required")).isEqualTo("true");
		assertThat(input.attr("autocomplete")).isEqualTo("username");
		assertThat(input.hasClass("input--medium")).isTrue();
		assertThat(input.hasAttr("required")).as("no browser validation bubbles").isFalse();
		assertThat(page.getElementById("loginName-hint").text()).isEqualTo("半角英数字");
		assertThat(page.getElementById("loginName-error").text()).isEqualTo("エラー: ログイン名は半角英数字で入力してください");
	}

	@Test
	void fieldsWithoutHintOrErrorsHaveNoDanglingReferences() throws Exception {
		Element password = withErrors().getElementById("password");

		assertThat(password.attr("type")).isEqualTo("password");
		assertThat(password.val()).as("passwords are never sent back").isEmpty();
		assertThat(password.hasAttr("aria-describedby")).isFalse();
		assertThat(password.hasAttr("aria-invalid")).isFalse();
		assertThat(password.hasAttr("aria-required")).isFalse();
		assertThat(password.hasAttr("autocomplete")).isFalse();
		assertThat(password.closest(".field").select(".field__required")).isEmpty();
	}

	@Test
	void selectFieldOffersTheOptionsAndKeepsTheChoice() throws Exception {
		Document page = withoutErrors();
		Element select = page.getElementById("group");

		assertThat(page.select("label[for=group]").text()).isEqualTo("グループ");
		assertThat(select.select("option").eachAttr("value")).containsExactly("", "counter", "admin");
		assertThat(select.select("option[selected]").text()).isEqualTo("窓口");
		assertThat(select.parent().hasClass("select-wrap")).isTrue();
	}

	@Test
	void checkboxGroupIsAFieldsetWithLabelledChoices() throws Exception {
		Document page = withErrors();
		Element fieldset = page.selectFirst("fieldset#permissions");

		assertThat(fieldset.selectFirst("legend").text()).isEqualTo("権限 ※必須");
		assertThat(fieldset.attr("aria-describedby")).isEqualTo("permissions-error");
		assertThat(fieldset.attr("aria-invalid")).isEqualTo("true");
		assertThat(fieldset.select("input[type=checkbox]").eachAttr("value")).containsExactly("RECEPTION", "PRINT",
				"AUDIT_VIEW");
		assertThat(fieldset.select("input[checked]").eachAttr("value")).containsExactly("RECEPTION", "PRINT");
		for (Element box : fieldset.select("input[type=checkbox]")) {
			assertThat(box.attr("name")).isEqualTo("permissions");
			assertThat(fieldset.select("label[for=" + box.id() + "]")).as(box.id()).hasSize(1);
		}
		Element audit = fieldset.selectFirst("input[value=AUDIT_VIEW]");
		assertThat(page.getElementById(audit.attr("aria-describedby")).text()).isEqualTo("操作履歴を検索できます");
		assertThat(page.getElementById("permissions-error").text()).contains("権限を1つ以上選んでください");
	}

	@Test
	void singleCheckboxIsLabelled() throws Exception {
		Document page = withoutErrors();
		Element box = page.getElementById("locked");

		assertThat(box.attr("type")).isEqualTo("checkbox");
		assertThat(page.select("label[for=locked]").text()).isEqualTo("ロックする");
	}

	@Test
	void buttonsCarryTheirVariant() throws Exception {
		Document page = withoutErrors();

		assertThat(page.getElementById("save").className()).isEqualTo("button button--primary");
		assertThat(page.getElementById("save").attr("type")).isEqualTo("submit");
		assertThat(page.getElementById("delete").className()).isEqualTo("button button--danger");
		assertThat(page.getElementById("delete").attr("value")).isEqualTo("delete");
		assertThat(page.getElementById("off").hasAttr("disabled")).isTrue();
		assertThat(page.getElementById("save").hasAttr("disabled")).isFalse();
		Element link = page.selectFirst("form a.button");
		assertThat(link.className()).isEqualTo("button button--tertiary");
		assertThat(link.attr("href")).isEqualTo("/admin/users");
	}

	@Test
	void bannersSayTheirKindInWordsNotOnlyInColour() throws Exception {
		Document page = withoutErrors();

		assertThat(page.select("#banners .banner").eachAttr("class")).containsExactly(
				"banner banner--icon banner--info", "banner banner--icon banner--success",
				"banner banner--icon banner--warning", "banner banner--icon banner--error");
		assertThat(page.select("#banners .banner__title .visually-hidden").eachText()).containsExactly("お知らせ:", "完了:",
				"注意:", "エラー:");
		assertThat(page.select("#banners .banner").eachAttr("role")).containsExactly("status", "alert");
		assertThat(page.select("#banners .banner__icon").eachAttr("aria-hidden")).containsOnly("true");
		assertThat(page.select("#banners h3.banner__title").text()).isEqualTo("エラー: 失敗しました");
		assertThat(page.select("#banners .banner--info .banner__body").text()).isEqualTo("本文");
	}

	@Test
	void tagsAndTagLists() throws Exception {
		Document page = withoutErrors();

		assertThat(page.select("span.tag.tag--error").text()).isEqualTo("ロック中");
		Element list = page.selectFirst("ul.tag-list");
		assertThat(list.attr("aria-label")).isEqualTo("権限");
		assertThat(list.select(".tag--permission").eachText()).containsExactly("職員", "UNKNOWN");
	}

	@Test
	void breadcrumbsEndWithTheCurrentPage() throws Exception {
		Element nav = withoutErrors().selectFirst("nav.breadcrumbs");

		assertThat(nav.attr("aria-label")).isEqualTo("現在位置");
		assertThat(nav.select("a").eachAttr("href")).containsExactly("/", "/admin/users");
		assertThat(nav.select("[aria-current=page]").text()).isEqualTo("tanaka");
	}

	@Test
	void paginationShowsNeighboursEndsAndGaps() throws Exception {
		Document page = withoutErrors();
		Element nav = page.selectFirst("nav.pagination");

		assertThat(nav.select("li").eachText()).containsExactly("前へ", "1", "…", "3", "4", "5", "6", "7", "…", "10",
				"次へ");
		assertThat(nav.selectFirst("[aria-current=page]").text()).isEqualTo("5");
		assertThat(nav.selectFirst("a[rel=next]").attr("href")).isEqualTo("/audit?actor=tanaka&page=6");
		assertThat(page.select("#single-page nav")).as("no pagination for one page").isEmpty();
	}

	@Test
	void sortableHeadersTellTheOrder() throws Exception {
		Document page = withoutErrors();
		Element sorted = page.selectFirst("th[aria-sort]");

		assertThat(sorted.attr("aria-sort")).isEqualTo("ascending");
		assertThat(sorted.selectFirst("a").attr("href")).isEqualTo("/admin/users?sort=name&dir=desc");
		assertThat(page.select("thead th").get(1).hasAttr("aria-sort")).isFalse();
		assertThat(page.select("thead th").get(1).selectFirst("a").attr("href"))
			.isEqualTo("/admin/users?sort=updated&dir=asc");
	}

	@Test
	void linkCardHasOneLink() throws Exception {
		Element card = withoutErrors().selectFirst(".card-grid > li > .card--link");

		assertThat(card.select("a")).hasSize(1);
		assertThat(card.selectFirst("h2 a").attr("href")).isEqualTo("/admin/users");
		assertThat(card.selectFirst(".card__body").text()).isEqualTo("説明");
	}

	@Test
	void summaryIsEnglishInEnglish() throws Exception {
		Document page = page(
				get("/test/components").param("errors", "true").header("Accept-Language", "en").with(staff()));

		assertThat(page.selectFirst(".error-summary h2").text()).isEqualTo("There is a problem");
		assertThat(page.getElementById("loginName-error").text()).startsWith("Error:");
	}

	@Test
	void variantPickerHasItsButtonDialogAndScript() throws Exception {
		Document page = withoutErrors();
		Element button = page.selectFirst("#picker-field button[data-variant-open]");
		assertThat(button.attr("type")).isEqualTo("button");
		assertThat(button.attr("aria-controls")).isEqualTo("variant-picker");
		assertThat(button.text()).isEqualTo("異体字");
		Element dialog = page.getElementById("variant-picker");
		assertThat(dialog.tagName()).isEqualTo("dialog");
		assertThat(dialog.attr("data-api")).isEqualTo("/api/v1/characters/variations");
		assertThat(dialog.attr("data-text-count")).contains("{0}", "{1}");
		assertThat(page.getElementById(dialog.attr("aria-labelledby")).text()).isEqualTo("異体字を選ぶ");
		assertThat(page.selectFirst("label[for=variant-picker-base]")).isNotNull();
		assertThat(page.select("script[src=/js/variant-picker.js]")).hasSize(1);
	}

}
