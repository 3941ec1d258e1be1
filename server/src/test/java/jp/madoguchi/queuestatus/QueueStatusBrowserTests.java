package jp.madoguchi.queuestatus;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jp.madoguchi.queuestatus.domain.StatusPublisher;
import jp.madoguchi.queuestatus.domain.TicketReferences;
import jp.madoguchi.reception.NewReception;
import jp.madoguchi.reception.ReceptionSource;
import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.reception.Receptions;
import jp.madoguchi.reception.domain.Calling;
import jp.madoguchi.support.Axe;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.TestQueues;
import jp.madoguchi.text.ClosedDays;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 23: the phone page and the queue status page in Chromium at 390 px, in the three
 * languages, accessible (axe, WCAG 2.1 AA), and live: a call made while the page is open
 * turns it to "called" without a reload. The shared test database holds other queues
 * numbering from 1, so this also shows the page follows its own ticket, not a namesake.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class QueueStatusBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Autowired
	Receptions receptions;

	@Autowired
	Calling calling;

	@Autowired
	StatusPublisher publisher;

	@Autowired
	TicketReferences references;

	@Autowired
	ClosedDays closedDays;

	@Test
	void thePhonePageFollowsTheTicketLiveAndIsAccessibleAt390Pixels() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		String queue = TestQueues.create(mvc, 1, 4);
		ReceptionView ahead = receptions.open(new NewReception(queue, null, "前の人", null, ReceptionSource.SCRATCH));
		ReceptionView mine = receptions.open(new NewReception(queue, null, "辻󠄂 花子", null, ReceptionSource.SCRATCH));
		publisher.publish();
		String page = "http://localhost:" + port + "/public/ticket/"
				+ references.reference(mine.day(), mine.ticketNumber(), mine.originQueue());

		Axe.Report report = new Axe.Report();
		try (Chromium browser = Chromium.phone()) {
			for (String lang : new String[] { "en", "easy", "ja" }) {
				browser.driver().get(page + "?lang=" + lang);
				browser.visible("[data-my-ticket]");
				assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
					.as("no horizontal scrolling on a phone (%s)", lang)
					.isLessThanOrEqualTo(390);
				report.check(browser, "phone page " + lang);
			}
			assertThat(browser.visible("[data-ahead]").getText()).isEqualTo("1人");
			assertThat(browser.visible("[data-headline]").getText()).contains("まもなく");
			browser.visible("[data-alerts]").click();
			browser.visible("[data-alerts-on]");

			calling.callNext(queue, "1");
			calling.callNext(queue, "1");
			publisher.publish();
			browser.await(d -> "CALLED"
				.equals(browser.script("return document.querySelector('[data-state]').dataset.value")));
			assertThat(browser.visible("[data-headline]").getText()).contains("呼ばれています");
			assertThat(browser.visible("[data-counter]").getText()).isNotEqualTo("—");
			assertThat(browser.script("return document.querySelector('[data-my-ticket]').dataset.alerted"))
				.isEqualTo("called");
			report.check(browser, "phone page called");

			browser.driver().get("http://localhost:" + port + "/public/ticket/20200101-1-a-AAAAAAAAAAAAAAAAAAAAAA");
			assertThat(browser.visible("[data-invalid]").getText()).isNotBlank();
			report.check(browser, "invalid reference");

			browser.driver().get("http://localhost:" + port + "/public/queues?lang=ja");
			browser.visible("[data-queue='" + queue + "']");
			assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
				.isLessThanOrEqualTo(390);
			report.check(browser, "queue status");
		}
		try (Chromium hall = Chromium.screen(1920, 1080)) {
			hall.driver().get("http://localhost:" + port + "/public/queues?screen=hall&lang=ja");
			hall.visible("[data-queue='" + queue + "']");
			report.check(hall, "hall screen");
		}
		report.assertClean();
		assertThat(ahead.ticketNumber()).isLessThan(mine.ticketNumber());
	}

	/**
	 * Issue 23 item 4: the booking pages (choose, slots, booked, cancel, cancelled) in
	 * Chromium at 390 px in 日本語 and English: no horizontal scrolling, accessible (axe).
	 */
	@Test
	void theBookingPagesAreAccessibleAt390PixelsInJapaneseAndEnglish() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		String queue = "bx" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(
				post("/api/v1/admin/queues").with(user("admin-bookings").authorities(() -> "MASTER_ADMIN"))
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"" + queue + "\",\"name\":\"予約の画面\",\"nameEn\":\"Booking pages\","
							+ "\"counters\":[\"1\"],\"slotMinutes\":30,\"slotCapacity\":2}"))
			.andExpect(status().isCreated());
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1);
		while (closedDays.isClosed(day)) {
			day = day.plusDays(1);
		}
		String base = "http://localhost:" + port;

		Axe.Report report = new Axe.Report();
		try (Chromium browser = Chromium.phone()) {
			for (String lang : new String[] { "ja", "en" }) {
				browser.driver().get(base + "/public/bookings?lang=" + lang);
				choose(browser, "input[name='queue'][value='" + queue + "']");
				browser.script("document.getElementById('day').value = arguments[0]", day.toString());
				fits(browser, lang);
				report.check(browser, "booking start " + lang);
				browser.visible("main form button[type='submit']").click();

				browser.await(d -> !d.findElements(By.cssSelector("input[name='time'][value='10:00']")).isEmpty());
				fits(browser, lang);
				report.check(browser, "booking slots " + lang);
				choose(browser, "input[name='time'][value='10:00']");
				browser.visible("main form button[type='submit']").click();

				String code = browser.visible("[data-booking-code]").getText();
				assertThat(code).matches("[2-9A-Z]{4}-[2-9A-Z]{4}");
				assertThat(browser.driver().findElement(By.tagName("h1")).getText())
					.isEqualTo(lang.equals("en") ? "Your visit is booked" : "予約しました");
				fits(browser, lang);
				report.check(browser, "booked " + lang);

				browser.driver().get(base + "/public/bookings/cancel?lang=" + lang);
				fits(browser, lang);
				report.check(browser, "booking cancel " + lang);
				browser.type(browser.visible("#code"), code);
				browser.visible("main form button[type='submit']").click();
				browser.visible("[data-cancelled]");
				fits(browser, lang);
				report.check(browser, "booking cancelled " + lang);
			}
		}
		report.assertClean();
	}

	/** Chooses a radio button by its label, as a resident taps it. */
	private static void choose(Chromium browser, String input) {
		browser.await(d -> !d.findElements(By.cssSelector(input)).isEmpty());
		String id = browser.driver().findElement(By.cssSelector(input)).getAttribute("id");
		browser.visible("label[for='" + id + "']").click();
	}

	private static void fits(Chromium browser, String lang) {
		assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
			.as("no horizontal scrolling on a phone (%s)", lang)
			.isLessThanOrEqualTo(390);
	}

}
