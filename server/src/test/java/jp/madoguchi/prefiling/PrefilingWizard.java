package jp.madoguchi.prefiling;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.Zbar;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Drives the pre-application wizard ({@code /public/prefiling}) in Chromium as a resident
 * fills it, and reads its QR codes back as the counter does: zbarimg, then the counter's
 * decode API. Shared by the wizard's own tests and the resident journey.
 */
public final class PrefilingWizard {

	private PrefilingWizard() {
	}

	/**
	 * Fills an address: postal code, prefecture, city, town, block, building ("" = left
	 * empty).
	 */
	public static void fillAddress(WebDriver page, String prefix, String... values) {
		String[] parts = { "postalCode", "prefecture", "city", "town", "block", "building" };
		for (int i = 0; i < parts.length; i++) {
			if (!values[i].isEmpty()) {
				page.findElement(By.id(prefix + "." + parts[i])).sendKeys(values[i]);
			}
		}
	}

	/**
	 * Fills person {@code index}; the family name goes in through the DOM because
	 * chromedriver types only BMP characters (no variation selectors).
	 */
	public static void fillPerson(Chromium browser, int index, String family, String given, String familyKana,
			String givenKana, String born, String sex, String relationship) {
		WebDriver page = browser.driver();
		String prefix = "persons" + index + ".";
		browser.type(browser.visible("#persons" + index + "\\.familyName"), family);
		page.findElement(By.id(prefix + "givenName")).sendKeys(given);
		page.findElement(By.id(prefix + "familyNameKana")).sendKeys(familyKana);
		page.findElement(By.id(prefix + "givenNameKana")).sendKeys(givenKana);
		browser.type(page.findElement(By.id(prefix + "birthDate")), born);
		browser.type(page.findElement(By.id(prefix + "sex")), sex);
		browser.type(page.findElement(By.id(prefix + "relationship")), relationship);
		browser.type(page.findElement(By.id(prefix + "healthInsurance")), "NHI");
	}

	/** What zbarimg reads from every QR code the last step shows, in the order shown. */
	public static List<String> readCodes(Chromium browser) throws Exception {
		browser.visible("[data-codes] img.prefiling__qr");
		List<String> read = new ArrayList<>();
		for (WebElement image : browser.driver().findElements(By.cssSelector("[data-codes] img.prefiling__qr"))) {
			read.addAll(Zbar.readDataUrl(image.getDomProperty("src")));
		}
		return read;
	}

	/**
	 * The counter's decoding of a scanned payload (one code, or every part one per line).
	 */
	public static NotificationContent decode(WebApplicationContext context, JsonMapper json, String payload)
			throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		String body = mvc
			.perform(post("/api/v1/prefilings/decode").with(PrefilingApiTests.RECEPTIONIST)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsBytes(Map.of("payload", payload))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return json.readValue(body, NotificationContent.class);
	}

}
