package jp.madoguchi.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (Deque's accessibility engine, the {@code axe.min.js} that the
 * {@code com.deque.html.axe-core:selenium} test jar ships) run in the page that Chromium
 * shows, at WCAG 2.0/2.1 A and AA: JIS X 8341-3:2016 level AA is WCAG 2.0 AA, and 2.1
 * adds what phones need (reflow, orientation, target size of the AA rules).
 *
 * <p>
 * The script goes in through WebDriver, which evaluates it in the page as DevTools does,
 * outside the page's Content-Security-Policy: our strict CSP (no inline script) stays as
 * it is in production while axe runs.
 *
 * <pre>
 * Axe.assertClean(browser, "login");
 * </pre>
 */
public final class Axe {

	/** The rule sets checked: WCAG 2.0 and 2.1, levels A and AA. */
	public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final String SOURCE = load();

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
				.then((result) => done(result.violations.map((v) => ({
					id: v.id, impact: v.impact || '', help: v.help,
					nodes: v.nodes.map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' '))
				}))))
				.catch((error) => done('axe failed: ' + error));
			""";

	private Axe() {
	}

	/** One broken rule on one page, with the elements that break it. */
	public record Violation(String rule, String impact, String help, List<String> nodes) {

		@Override
		public String toString() {
			return rule + " (" + impact + "): " + help + "\n      " + String.join("\n      ", nodes);
		}

	}

	/** Runs axe on what the page shows now. */
	@SuppressWarnings("unchecked")
	public static List<Violation> check(Chromium browser) {
		JavascriptExecutor page = (JavascriptExecutor) browser.driver();
		browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object'"))) {
			page.executeScript(SOURCE);
		}
		Object result = page.executeAsyncScript(RUN, TAGS);
		if (!(result instanceof List)) {
			throw new IllegalStateException(String.valueOf(result));
		}
		List<Violation> violations = new ArrayList<>();
		for (Map<String, Object> v : (List<Map<String, Object>>) result) {
			violations.add(new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
					(List<String>) v.get("nodes")));
		}
		return violations;
	}

	/**
	 * Fails, listing rule, impact, help and the elements, when the page breaks any rule.
	 */
	public static void assertClean(Chromium browser, String page) {
		List<Violation> violations = check(browser);
		assertThat(violations).as(() -> describe(Map.of(page, violations))).isEmpty();
	}

	/**
	 * Collects the violations of many pages, so that one run lists all of them rather
	 * than stopping at the first page.
	 */
	public static final class Report {

		private final Map<String, List<Violation>> pages = new LinkedHashMap<>();

		/** Checks the page now shown, under the given name. */
		public Report check(Chromium browser, String page) {
			List<Violation> violations = Axe.check(browser);
			this.pages.put(page, violations);
			return this;
		}

		/** The names of the pages checked, in order. */
		public List<String> pages() {
			return List.copyOf(this.pages.keySet());
		}

		public void assertClean() {
			this.pages.forEach((page, violations) -> System.out.println("axe: " + page + ": " + violations.size()
					+ " violation(s) " + violations.stream().map(Violation::rule).toList()));
			Map<String, List<Violation>> failing = new LinkedHashMap<>();
			this.pages.forEach((page, violations) -> {
				if (!violations.isEmpty()) {
					failing.put(page, violations);
				}
			});
			assertThat(failing).as(() -> describe(failing)).isEmpty();
		}

	}

	static String describe(Map<String, List<Violation>> pages) {
		StringBuilder text = new StringBuilder("axe-core violations (WCAG 2.1 AA):");
		pages.forEach((page, violations) -> {
			if (!violations.isEmpty()) {
				text.append("\n  ").append(page).append(':');
				violations.forEach((v) -> text.append("\n    ").append(v));
			}
		});
		return text.toString();
	}

	private static String load() {
		try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException(
						"axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
