package jp.madoguchi.support;

import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/** Moving through a page with the keyboard alone, as a test of WCAG 2.1.1 and 2.4.7. */
public final class Keyboard {

	private Keyboard() {
	}

	/**
	 * Presses Tab until the element matching the selector has the focus (at most 80
	 * times), checking that each element passed shows a focus indicator.
	 */
	public static void tabTo(Chromium browser, String css) {
		for (int i = 0; i < 80; i++) {
			new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
			Boolean there = (Boolean) browser.script("return document.activeElement.matches(arguments[0])", css);
			String indicator = (String) browser.script("const s = getComputedStyle(document.activeElement);"
					+ "return s.outlineStyle + ' ' + s.outlineWidth + ' / ' + s.boxShadow;");
			assertThat(indicator).as("focus indicator of " + browser.script("return document.activeElement.outerHTML"))
				.doesNotStartWith("none");
			if (Boolean.TRUE.equals(there)) {
				return;
			}
		}
		throw new AssertionError("Tab never reached " + css);
	}

	/** Presses Enter on whatever has the focus. */
	public static void enter(Chromium browser) {
		new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
	}

}
