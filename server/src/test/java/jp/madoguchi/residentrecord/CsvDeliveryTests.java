package jp.madoguchi.residentrecord;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jp.madoguchi.support.FileOutbox;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static jp.madoguchi.residentrecord.FileDeliveryTests.await;
import static jp.madoguchi.residentrecord.Notifications.CLERK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The CSV variant end to end: Shift_JIS file in the outbox, the name's variation selector
 * replaced as staff chose, and the choice listed for staff.
 */
@SpringBootTest(properties = { "madoguchi.resident-record.mode=file", "madoguchi.resident-record.file.format=csv",
		"madoguchi.resident-record.poll-interval=100ms" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@FileOutbox
class CsvDeliveryTests {

	@Value(FileOutbox.FOLDER)
	Path outbox;

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aShiftJisCsvIsWrittenAndTheLostVariationSelectorIsShownToStaff() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		String id = Notifications.create(mvc, json, Notifications.moveIn("太郎"));
		// the CSV keeps no variation sequences: staff choose 辻 before accepting (issue
		// 17)
		mvc.perform(put("/api/v1/notifications/" + id + "/character-choices").with(CLERK)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"choices":[{"field":"/persons/0/familyName","original":"%s","replacement":"辻"},
					            {"field":"/filer/name","original":"%s","replacement":"辻"}]}"""
				.formatted(Notifications.TSUJI, Notifications.TSUJI)))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/notifications/" + id + "/accept").with(CLERK).with(csrf()))
			.andExpect(status().isOk());
		Path file = outbox.resolve(id + ".csv");
		await(() -> Files.exists(file), "CSV written");
		String csv = new String(Files.readAllBytes(file), Charset.forName("windows-31j"));
		assertThat(csv).startsWith("\"連携ID\",\"届出ID\"").contains("\"辻\",\"太郎\",\"ツジ\",\"タロウ\"");
		await(() -> notes(id) != null, "notes recorded");
		assertThat(notes(id)).contains("1人目の氏: 「" + Notifications.TSUJI + "」→「辻」（clerk-rr）");
		String panel = mvc.perform(get("/resident-record/notifications/" + id).with(CLERK).header("HX-Request", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(panel).contains("1人目の氏");
	}

	private String notes(String notificationId) {
		return jdbc.sql("select notes from residentrecord.deliveries where notification_id = ?")
			.param(UUID.fromString(notificationId))
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
