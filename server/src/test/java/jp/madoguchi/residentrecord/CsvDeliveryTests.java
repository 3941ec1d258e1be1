package jp.madoguchi.residentrecord;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.context.WebApplicationContext;

import static jp.madoguchi.residentrecord.FileDeliveryTests.await;
import static jp.madoguchi.residentrecord.Notifications.CLERK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The CSV variant end to end: Shift_JIS file in the outbox, the name's variation selector
 * degenerated, and staff told which item lost what.
 */
@SpringBootTest(properties = { "madoguchi.resident-record.mode=file", "madoguchi.resident-record.file.format=csv",
		"madoguchi.resident-record.poll-interval=100ms" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CsvDeliveryTests {

	static final Path OUTBOX = FileDeliveryTests.createOutbox();

	@DynamicPropertySource
	static void outbox(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.resident-record.file.outbox", OUTBOX::toString);
	}

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@AfterAll
	static void removeOutbox() {
		FileSystemUtils.deleteRecursively(OUTBOX.toFile());
	}

	@Test
	void aShiftJisCsvIsWrittenAndTheLostVariationSelectorIsShownToStaff() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		String id = Notifications.createAndAccept(mvc, json, "太郎");
		Path file = OUTBOX.resolve(id + ".csv");
		await(() -> Files.exists(file), "CSV written");
		String csv = new String(Files.readAllBytes(file), Charset.forName("windows-31j"));
		assertThat(csv).startsWith("\"連携ID\",\"届出ID\"").contains("\"辻\",\"太郎\",\"ツジ\",\"タロウ\"");
		await(() -> notes(id) != null, "notes recorded");
		assertThat(notes(id)).contains("1人目の氏: 「" + Notifications.TSUJI + "」→「辻」");
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
