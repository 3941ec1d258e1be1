package jp.madoguchi.platform.logging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import jakarta.servlet.http.Cookie;
import jp.madoguchi.accounts.AccountsTestSupport;
import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.support.Households;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The log files (issue 22): they exist owner-only, roll over into compressed archives,
 * hold none of the personal data or secrets of a counter journey, and a log directory
 * that cannot be written to leaves the service serving while the health page says so.
 */
@AutoConfigureMockMvc
@SpringBootTest(properties = { LogFilesTests.DIRECTORY_PROPERTY, "madoguchi.logs.max-file-size=8KB" })
class LogFilesTests {

	static final String DIRECTORY = "target/log-files-tests/logs";

	static final String DIRECTORY_PROPERTY = "madoguchi.logs.directory=" + DIRECTORY;

	static final String MY_NUMBER = "123456789018";

	@Autowired
	UserAdministration users;

	@Autowired
	GroupAdministration groups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MockMvc mvc;

	Path directory = Path.of(DIRECTORY).toAbsolutePath();

	@Test
	void theThreeLogsAreOwnerOnlyFromTheFirstByte() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
		for (String name : List.of(LogFiles.APPLICATION_FILE, LogFiles.ACCESS_FILE, LogFiles.AUDIT_EXPORT_FILE)) {
			Path file = directory.resolve(name);
			assertThat(file).exists();
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(name)
				.isEqualTo("rw-------");
		}
		assertThat(Files.readString(directory.resolve(LogFiles.ACCESS_FILE))).contains("GET /actuator/health 200");
	}

	@Test
	void aNewLogFileIsCreatedOwnerOnlyThoughTheUmaskWouldOpenIt() throws Exception {
		// FileOutputStream, which logback uses, creates files 644 under the usual umask
		// 022; the appender creates them 600 before logback opens them.
		Path fresh = Files.createTempDirectory("log-mode").resolve("fresh.log");
		PrivateRollingFileAppender appender = new PrivateRollingFileAppender();
		appender.openFile(fresh.toString());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
		Path plain = fresh.resolveSibling("plain.log");
		new java.io.FileOutputStream(plain.toFile()).close();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain))).isNotEqualTo("rw-------");
	}

	@Test
	void aCounterJourneyLeavesNoPersonalDataOrSecretInAnyLogFileAndTheLogsRoll() throws Exception {
		String suffix = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
		String family = "記録" + suffix;
		String given = "秘子";
		String familyKana = "キロクヒミツ";
		String givenKana = "ヒミコ";
		String clerk = AccountsTestSupport.userWith(users, groups, jdbc, Set.of(Permission.NOTIFICATION_EDIT,
				Permission.NOTIFICATION_ACCEPT, Permission.MY_NUMBER_VIEW, Permission.USER_ADMIN));
		Cookie session = AccountsTestSupport.signIn(mvc, clerk);
		// a failed sign-in with a password that must not be logged
		String wrongPassword = "wrong-secret-" + suffix;
		mvc.perform(post("/login").param("username", clerk).param("password", wrongPassword).with(csrf()));

		NotificationContent content = Households.moveIn(LocalDate.now().minusDays(1), LocalDate.now(),
				Households.person(family, given, familyKana, givenKana, LocalDate.of(1971, 3, 9), "世帯主")
					.withMyNumber(MY_NUMBER));
		String created = mvc
			.perform(post("/api/v1/notifications").cookie(session)
				.with(csrf().asHeader())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(content)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String id = json.readTree(created).get("id").asString();
		mvc.perform(get("/api/v1/notifications/" + id).cookie(session))
			.andExpect(jsonPath("$.persons[0].myNumber").value(MY_NUMBER));
		mvc.perform(post("/api/v1/notifications/search").cookie(session)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("name", family)))).andExpect(status().isOk());
		mvc.perform(get("/notifications/" + id + "/edit").param("revealMyNumbers", "true").cookie(session));
		String tokenBody = mvc
			.perform(post("/api/v1/admin/api-tokens").cookie(session)
				.with(csrf().asHeader())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"log test\",\"user\":\"" + clerk + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = tokenBody.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		mvc.perform(get("/api/v1/notifications/" + id).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/notifications/" + id + "/accept").cookie(session).with(csrf().asHeader()))
			.andExpect(status().isOk());
		// a bad request that echoes input in a problem: the log must not copy it
		mvc.perform(post("/api/v1/notifications").cookie(session)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"persons\":[{\"familyName\":\"" + family + "\",\"myNumber\":\"" + MY_NUMBER + "\"}]}"));

		// enough requests to pass the 8 KB size at least once, so that the access log
		// rolls
		for (int i = 0; i < 400 && !rolled(); i++) {
			mvc.perform(get("/actuator/health"));
			if (i % 50 == 49) {
				Thread.sleep(100);
			}
		}
		assertThat(rolled()).as("a compressed archive of the access log").isTrue();

		String everything = readAll();
		assertThat(everything).contains("/api/v1/notifications/" + id).contains(clerk);
		for (String secret : List.of(family, given, familyKana, givenKana, MY_NUMBER, "9018",
				AccountsTestSupport.PASSWORD, wrongPassword, token, "1971-03-09", session.getValue())) {
			assertThat(everything).as("logs hold %s", secret).doesNotContain(secret);
		}
	}

	@Test
	void anUnwritableLogDirectoryLeavesTheServiceServingAndTheHealthPageSaysSo() throws Exception {
		Path moved = directory.resolveSibling("logs-moved");
		Files.move(directory, moved);
		// a file where the directory was: nothing can be created in it, even by root
		Files.writeString(directory, "not a directory");
		try {
			mvc.perform(get("/actuator/health")).andExpect(status().isOk());
			mvc.perform(get("/api/v1/admin/health").with(user("operator").authorities(() -> "MONITORING")))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.logs.writable").value(false))
				.andExpect(jsonPath("$.logs.problem").isNotEmpty());
			mvc.perform(get("/admin/health").with(user("operator").authorities(() -> "MONITORING")))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
					.string(org.hamcrest.Matchers.containsString("ログファイルのディレクトリ")));
			mvc.perform(get("/actuator/prometheus").with(user("operator").authorities(() -> "MONITORING")))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
					.string(org.hamcrest.Matchers.containsString("madoguchi_log_directory_writable 0.0")));
		}
		finally {
			Files.delete(directory);
			Files.move(moved, directory);
		}
		mvc.perform(get("/api/v1/admin/health").with(user("operator").authorities(() -> "MONITORING")))
			.andExpect(jsonPath("$.logs.writable").value(true));
	}

	private boolean rolled() throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.anyMatch(f -> f.getFileName().toString().startsWith(LogFiles.ACCESS_FILE)
					&& f.getFileName().toString().endsWith(".gz"));
		}
	}

	/**
	 * One file, opened if compressed: logback compresses on a thread of its own, so an
	 * archive just rolled may still be being written; it is read again until whole.
	 */
	private static String read(Path file) throws IOException, InterruptedException {
		for (int attempt = 0;; attempt++) {
			try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
					: Files.newInputStream(file)) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (java.io.EOFException ex) {
				if (attempt >= 100) {
					throw ex;
				}
				Thread.sleep(100);
			}
		}
	}

	/** Every log file, the compressed ones opened. */
	private String readAll() throws IOException, InterruptedException {
		List<String> texts = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.toList()) {
				if (!Files.isRegularFile(file)) {
					continue;
				}
				try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
						: Files.newInputStream(file)) {
					texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
		}
		return String.join("\n", texts);
	}

}
