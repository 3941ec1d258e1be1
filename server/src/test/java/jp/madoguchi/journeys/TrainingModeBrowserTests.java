package jp.madoguchi.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.forms.FormRendererTests;
import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.platform.TrainingMode;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.Households;
import jp.madoguchi.support.Signatures;
import jp.madoguchi.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Issue 24: a training instance ({@code madoguchi.training=true} on a data directory of
 * its own) shows 研修 on every page it serves — public wizard and kiosk, sign-in, the staff
 * screens, the waiting-hall display, the error page — and on every page of a form printed
 * there, which lands as a PDF in {@code <data-dir>/printed}. The link to the resident
 * record says deliveries go nowhere. The context is closed after the class: its training
 * printer and delivery worker must not act on other tests' jobs in the shared database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "madoguchi.training=true", "madoguchi.data-dir=" + TrainingModeBrowserTests.DATA_DIR })
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TrainingModeBrowserTests {

	static final String DATA_DIR = "target/training-browser-data";

	@LocalServerPort
	int port;

	@Autowired
	UserAdministration users;

	@Autowired
	GroupAdministration groups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovingNotifications notifications;

	@Autowired
	MockMvc mvc;

	@Test
	void everyPageAndEveryPrintedFormIsMarkedTraining() throws Exception {
		assertThat(Path.of(DATA_DIR, TrainingMode.MARKER)).isRegularFile();
		NotificationView notification = notifications.createDraft(Households.movingIn(2));
		String staff = StaffAccounts.userWith(users, groups, jdbc, "training", EnumSet.allOf(Permission.class));
		List<String> visited = new ArrayList<>();
		try (Chromium browser = Chromium.screen(1280, 900)) {
			WebDriver page = browser.driver();
			// the public side and the sign-in page, not signed in
			for (String path : List.of("/public/prefiling", "/public/prefiling?lang=en", "/public/kiosk", "/login")) {
				page.get(url(path));
				assertMarked(browser, path);
				visited.add(path);
			}
			StaffAccounts.signIn(page, url(""), staff, StaffAccounts.PASSWORD);
			for (String path : List.of("/", "/notifications", "/notifications/" + notification.id(), "/reception",
					"/display/moving", "/forms/printers", "/forms/notifications/" + notification.id(), "/admin/users",
					"/admin/resident-record", "/audit", "/no-such-page")) {
				page.get(url(path));
				assertMarked(browser, path);
				visited.add(path);
			}
			assertThat(page.getPageSource()).contains("404");

			// the link to the resident record: recorded only
			page.get(url("/admin/resident-record"));
			assertThat(browser.visible("main").getText()).contains("研修モード");

			// print the moving notification on the training printer, once the family has
			// signed
			Signatures.signAll(mvc, user("training-signing").authorities(() -> "NOTIFICATION_EDIT"),
					notification.id().toString());
			page.get(url("/forms/notifications/" + notification.id()));
			WebElement form = page
				.findElement(By.xpath("//form[input[@name='formId' and @value='moving-notification']]"));
			new Select(form.findElement(By.name("printer"))).selectByValue("training");
			form.findElement(By.cssSelector("button[type=submit]")).click();
			browser.visible(".banner--success");
			assertMarked(browser, "after printing");
		}
		assertThat(visited).hasSize(15);

		// the job completed at once, its PDF in the training folder
		List<String> jobs = jdbc.sql(
				"select id::text || ' ' || state from forms.print_jobs where notification_id = ? and printer = 'training'")
			.param(notification.id())
			.query(String.class)
			.list();
		assertThat(jobs).hasSize(1).allMatch((job) -> job.endsWith(" COMPLETED"));
		Path printed = printedPdf(jobs.get(0).split(" ")[0]);
		String text = FormRendererTests.run("pdftotext", "-enc", "UTF-8", printed.toString(), "-");
		assertThat(text).contains("住民異動届");
		List<String> pages = List.of(text.split("\f")).stream().filter((p) -> !p.isBlank()).toList();
		assertThat(pages).isNotEmpty()
			.allSatisfy((pageText) -> assertThat(pageText).contains("研修", "研修用の書類です。届出・証明には使えません。"));
	}

	private static void assertMarked(Chromium browser, String what) {
		WebElement mark = browser.visible("[data-training-mark]");
		assertThat(mark.getText()).as(what).contains("研修");
		assertThat(browser.driver().findElements(By.cssSelector("[data-training-mark]"))).as(what).hasSize(1);
	}

	private static Path printedPdf(String jobId) throws IOException {
		try (Stream<Path> files = Files.list(Path.of(DATA_DIR, "printed"))) {
			List<Path> pdfs = files.filter((f) -> f.getFileName().toString().contains(jobId)).toList();
			assertThat(pdfs).hasSize(1);
			assertThat(pdfs.get(0).getFileName().toString()).endsWith(".pdf").contains("moving-notification");
			return pdfs.get(0);
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
