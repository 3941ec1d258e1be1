package jp.madoguchi.forms;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The 受付票 of a reception prints the ticket number the reception desk issued. */
@SpringBootTest
class ReceptionTicketTests {

	static final RequestPostProcessor DESK = user("desk-forms").authorities(() -> "RECEPTION");

	static final RequestPostProcessor CLERK = user("clerk-ticket").authorities(() -> "NOTIFICATION_EDIT");

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	MockMvc mvc;

	@TempDir
	Path dir;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	JsonNode reception(String body) throws Exception {
		return json.readTree(mvc
			.perform(post("/api/v1/receptions").with(DESK)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	String ticketText(String receptionId) throws Exception {
		byte[] pdf = mvc.perform(get("/api/v1/receptions/" + receptionId + "/ticket.pdf").with(DESK))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return FormRendererTests.run("pdftotext", "-enc", "UTF-8",
				Files.write(dir.resolve(receptionId + ".pdf"), pdf).toString(), "-");
	}

	@Test
	void theTicketOfAReceptionForANotificationPrintsItsNumberAndTheFilersName() throws Exception {
		String notificationId = FormApiTests.createNotification(mvc, CLERK, FormApiTests.familyMovingIn());
		// the insurance queue numbers from 2001: never mistaken for a notification
		// reference
		JsonNode reception = reception("{\"queue\":\"insurance\",\"notificationId\":\"" + notificationId + "\"}");
		String ticket = reception.get("ticketNumber").asString();
		assertThat(Integer.parseInt(ticket)).isGreaterThanOrEqualTo(2001);

		String text = ticketText(reception.get("id").asString());
		assertThat(text).contains("受付票", ticket, "辻\uDB40\uDD02 太郎", "転入届");
		assertThat(text).doesNotContain(notificationId.substring(0, 8).toUpperCase(java.util.Locale.ROOT));
	}

	@Test
	void theTicketOfAReceptionWithoutANotificationPrintsItsNumberAndTheGivenName() throws Exception {
		JsonNode reception = reception("{\"queue\":\"child\",\"name\":\"髙橋 花子\"}");
		String text = ticketText(reception.get("id").asString());
		assertThat(text).contains(reception.get("ticketNumber").asString(), "髙橋 花子");
	}

	/**
	 * Issue 23: the 受付票 carries a QR code of the ticket's page on the resident's phone:
	 * the public site with a signed reference to day and number, no name.
	 */
	@Test
	void theTicketCarriesAQrCodeOfItsPhonePage() throws Exception {
		JsonNode reception = reception("{\"queue\":\"child\",\"name\":\"髙橋 花子\"}");
		byte[] pdf = mvc.perform(get("/api/v1/receptions/" + reception.get("id").asString() + "/ticket.pdf").with(DESK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String url;
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(document)
				.renderImageWithDPI(0, 200, org.apache.pdfbox.rendering.ImageType.GRAY);
			// the top right corner, 45 mm square at 200 dpi: where the code is stamped
			int side = Math.min(354, Math.min(page.getWidth(), page.getHeight()));
			java.awt.image.BufferedImage corner = page.getSubimage(page.getWidth() - side, 0, side, side);
			int[] pixels = corner.getRGB(0, 0, side, side, null, 0, side);
			url = new com.google.zxing.qrcode.QRCodeReader()
				.decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
						new com.google.zxing.RGBLuminanceSource(side, side, pixels))),
						java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))
				.getText();
		}
		String number = reception.get("ticketNumber").asString();
		assertThat(url).matches("https?://[^/]+/public/ticket/\\d{8}-" + number + "-[a-z0-9_-]+-[A-Za-z0-9_-]{22}")
			.doesNotContain("髙橋");
		mvc.perform(get(url.substring(url.indexOf("/public/"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(">" + number + "<")));
	}

	@Test
	void anUnknownReceptionIsNotFoundAndOnlyTheDeskMayPrintTickets() throws Exception {
		mvc.perform(get("/api/v1/receptions/00000000-0000-4000-8000-00000000dead/ticket.pdf").with(DESK))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("RECEPTION_NOT_FOUND"));
		String id = reception("{\"queue\":\"moving\"}").get("id").asString();
		mvc.perform(get("/api/v1/receptions/" + id + "/ticket.pdf").with(CLERK)).andExpect(status().isForbidden());
	}

	@Test
	void theSlipPageLinksToTheTicketPdf() throws Exception {
		String id = reception("{\"queue\":\"moving\"}").get("id").asString();
		String page = mvc.perform(get("/reception/receptions/" + id + "/slip").with(DESK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(page).select("a#slip-pdf-link").attr("href"))
			.isEqualTo("/api/v1/receptions/" + id + "/ticket.pdf");
	}

}
