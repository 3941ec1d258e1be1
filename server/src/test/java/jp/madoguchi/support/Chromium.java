package jp.madoguchi.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real browser of the tests: Debian's Chromium ({@code /usr/bin/chromium}) driven by
 * its chromedriver ({@code /usr/bin/chromedriver}), headless, with a fresh profile that
 * is deleted on {@link #close()}. Nothing is downloaded (no Selenium Manager): both paths
 * are given. Use in try-with-resources:
 *
 * <pre>
 * try (Chromium browser = Chromium.phone()) {
 *     browser.driver().get(baseUrl + "/public/prefiling");
 * }
 * </pre>
 */
public final class Chromium implements AutoCloseable {

	public static final String BINARY = "/usr/bin/chromium";

	public static final String DRIVER = "/usr/bin/chromedriver";

	private final ChromeDriver driver;

	private final Path profile;

	private Chromium(int width, int height, boolean mobile) {
		try {
			this.profile = Files.createTempDirectory("madoguchi-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=ja");
		// Headless Chromium ignores --lang for Accept-Language; the pages must come in
		// Japanese.
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja"));
		if (mobile) {
			options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
					Map.of("width", width, "height", height, "pixelRatio", 3.0, "touch", true)));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
			.usingAnyFreePort()
			.build();
		ChromeDriver started;
		try {
			started = new ChromeDriver(service, options);
		}
		catch (RuntimeException ex) {
			deleteProfile();
			throw ex;
		}
		this.driver = started;
	}

	/**
	 * A phone: 390×844 CSS pixels (an iPhone 12-15 class screen), touch, pixel ratio 3.
	 */
	public static Chromium phone() {
		return new Chromium(390, 844, true);
	}

	/** A desktop or kiosk screen of the given size. */
	public static Chromium screen(int width, int height) {
		return new Chromium(width, height, false);
	}

	public WebDriver driver() {
		return driver;
	}

	/** Runs JavaScript in the page and returns its result. */
	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	/** Waits (up to 20 s) until the condition returns non-null and non-false. */
	public <T> T await(Function<WebDriver, T> condition) {
		return patience(driver, Duration.ofSeconds(20)).until(condition);
	}

	/**
	 * A wait that looks again when the page is replaced under it: an element found on the
	 * page before a form post goes stale when the answer arrives, which is not a failure.
	 */
	public static WebDriverWait patience(WebDriver driver, Duration timeout) {
		WebDriverWait wait = new WebDriverWait(driver, timeout);
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/** Waits for a visible element. */
	public WebElement visible(String css) {
		return await(d -> d.findElements(By.cssSelector(css))
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElse(null));
	}

	/**
	 * Sets a field as a user would, through the value and an input event: chromedriver
	 * cannot type characters outside the BMP (variation selectors such as U+E0100).
	 */
	public void type(WebElement field, String text) {
		script("arguments[0].value = arguments[1];" + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
				+ "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, text);
	}

	/**
	 * Lets the page download files into the directory (headless Chromium refuses
	 * downloads unless told where they go).
	 */
	public void downloadsTo(Path directory) {
		driver.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", directory.toAbsolutePath().toString()));
	}

	/** Saves what the viewport shows as a PNG (for people to look at, not to compare). */
	public void screenshot(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary directory left behind is harmless.
		}
	}

}
