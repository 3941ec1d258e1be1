package jp.madoguchi.it;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static jp.madoguchi.it.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The "done when", end to end: the packaged jar against an external PostgreSQL,
 * the first administrator from the bootstrap variable, tokens, groups, users, refusals,
 * the lock, and an audit trail that notices tampering.
 */
class ServerJarIT {

	static final String ADMIN_PASSWORD = "first-start-secret-77";

	@TempDir
	Path work;

	@Test
	void runsAgainstAnExternalPostgresqlAndKeepsItsPromises() throws Exception {
		try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
			String url = external.getJdbcUrl("postgres", "postgres");
			Map<String, String> environment = Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME",
					"postgres", "SPRING_DATASOURCE_PASSWORD", "", "MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
			try (RunningServer server = RunningServer.start(work, environment,
					"--madoguchi.data-dir=" + work.resolve("data"))) {
				assertThat(Files.exists(work.resolve("data/postgres"))).as("no embedded database started").isFalse();
				assertThat(server.client().get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
				RunningServer.Client admin = server.client();
				assertThat(admin.signInAsAdmin(ADMIN_PASSWORD)).endsWith("/");
				admin.get("/account");

				HttpResponse<String> tokenResponse = admin.postJson("/api/v1/admin/api-tokens",
						"{\"name\":\"CI\",\"user\":\"admin\"}");
				assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(201);
				String token = json(tokenResponse).get("token").asString();

				HttpResponse<String> group = admin.postJson("/api/v1/admin/groups",
						"{\"name\":\"窓口係\",\"permissions\":[\"RECEPTION\"]}", token);
				assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
				HttpResponse<String> user = admin.postJson("/api/v1/admin/users",
						"{\"username\":\"clerk\",\"displayName\":\"窓口 花子\",\"password\":\"initial-password-9\",\"groups\":[\"窓口係\"]}",
						token);
				assertThat(user.statusCode()).as(user.body()).isEqualTo(201);

				RunningServer.Client clerk = server.client();
				assertThat(clerk.signIn("clerk", "initial-password-9")).endsWith("/account/password");
				clerk.get("/account/password");
				HttpResponse<String> changed = clerk.postForm("/account/password",
						Map.of("currentPassword", "initial-password-9", "newPassword", "counter-own-secret-1",
								"newPasswordConfirmation", "counter-own-secret-1"));
				assertThat(changed.headers().firstValue("Location").orElse("")).contains("/account?passwordChanged");
				assertThat(json(clerk.get("/api/v1/me")).get("permissions").toString()).isEqualTo("[\"RECEPTION\"]");
				HttpResponse<String> refused = clerk.get("/api/v1/admin/users");
				assertThat(refused.statusCode()).isEqualTo(403);
				assertThat(json(refused).get("code").asString()).isEqualTo("FORBIDDEN");
				assertThat(clerk.get("/admin/users").statusCode()).isEqualTo(403);

				RunningServer.Client guesser = server.client();
				for (int attempt = 1; attempt <= 4; attempt++) {
					assertThat(guesser.signIn("clerk", "wrong-password-" + attempt)).endsWith("error=refused");
				}
				assertThat(guesser.signIn("clerk", "wrong-password-5")).endsWith("error=refused");
				assertThat(guesser.signIn("clerk", "counter-own-secret-1")).endsWith("error=refused");

				HttpResponse<String> missing = admin.get("/api/v1/no-such-thing", token);
				assertThat(missing.statusCode()).isEqualTo(404);
				assertThat(json(missing).get("code").asString()).isEqualTo("NOT_FOUND");
				assertThat(missing.body()).doesNotContain("Exception", "at jp.");

				JsonNode valid = json(admin.get("/api/v1/audit/verify", token));
				assertThat(valid.get("valid").asBoolean()).as(valid.toString()).isTrue();
				assertThat(valid.get("checked").asLong()).isGreaterThan(10);

				long altered = tamperWithALoginEvent(external);
				JsonNode broken = json(admin.get("/api/v1/audit/verify", token));
				assertThat(broken.get("valid").asBoolean()).isFalse();
				assertThat(broken.get("firstBrokenEventId").asLong()).isEqualTo(altered);
			}
		}
	}

	/** An insider with database rights rewrites history: the chain must tell. */
	private static long tamperWithALoginEvent(EmbeddedPostgres database) throws Exception {
		try (Connection connection = database.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("set session_replication_role = replica");
			var rs = statement.executeQuery(
					"select min(id) from audit.events where action = 'LOGIN' and outcome = 'FAILURE' and actor = 'clerk'");
			rs.next();
			long id = rs.getLong(1);
			assertThat(statement.executeUpdate("update audit.events set outcome = 'SUCCESS' where id = " + id))
				.isEqualTo(1);
			return id;
		}
	}

	@Test
	void runsItsOwnPostgresqlThatKeepsDataAcrossRestartsAndStopsCleanly() throws Exception {
		Path data = work.resolve("data");
		long firstStart;
		long memory;
		try (RunningServer server = RunningServer.start(work,
				Map.of("MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD), "--madoguchi.data-dir=" + data)) {
			firstStart = server.startMillis;
			memory = server.residentMemoryMib();
			assertThat(server.client().signInAsAdmin(ADMIN_PASSWORD)).endsWith("/");
			assertThat(Files.exists(data.resolve("postgres/PG_VERSION"))).isTrue();
			server.stop();
			assertThat(Files.exists(data.resolve("postgres/postmaster.pid"))).as("PostgreSQL shut down cleanly")
				.isFalse();
			assertThat(server.output()).doesNotContain("ERROR");
		}
		// Second start: no bootstrap variable; the administrator is still there.
		try (RunningServer server = RunningServer.start(work, Map.of(), "--madoguchi.data-dir=" + data)) {
			assertThat(server.client().signInAsAdmin(ADMIN_PASSWORD)).endsWith("/");
			System.out.printf("[measure] first start %d ms (initdb included), restart %d ms, RSS after start %d MiB%n",
					firstStart, server.startMillis, memory);
		}
	}

	@Test
	void withoutBootstrapPasswordTheFirstRequestShowsTheSetupPage() throws Exception {
		try (RunningServer server = RunningServer.start(work, Map.of(), "--madoguchi.data-dir=" + work.resolve("d"))) {
			RunningServer.Client browser = server.client();
			assertThat(browser.get("/").headers().firstValue("Location").orElse("")).endsWith("/setup");
			assertThat(browser.signIn("admin", "anything-at-all-123")).doesNotEndWith("/");
			browser.get("/setup");
			HttpResponse<String> setup = browser.postForm("/setup",
					Map.of("password", "chosen-at-setup-42", "passwordConfirmation", "chosen-at-setup-42"));
			assertThat(setup.headers().firstValue("Location").orElse("")).contains("/login?setup");
			assertThat(server.client().signIn("admin", "chosen-at-setup-42")).endsWith("/");
			// The page is gone once an administrator exists.
			assertThat(browser.get("/setup").headers().firstValue("Location").orElse("")).endsWith("/login");
		}
	}

	/**
	 * An operator who sets a password the policy refuses reads why, in Japanese, and what
	 * to do; no stack trace, and no administrator is created.
	 */
	@Test
	void aRefusedBootstrapPasswordStopsTheStartWithOneClearMessage() {
		assertThatThrownBy(
				() -> RunningServer.start(work, Map.of("MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD", "admin-password-2026"),
						"--madoguchi.data-dir=" + work.resolve("refused")))
			.hasMessageContaining("Server exited")
			.hasMessageContaining("環境変数 MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD のパスワードは使えません")
			.hasMessageContaining("/setup")
			.hasMessageNotContaining("\tat jp.madoguchi")
			.hasMessageNotContaining("Application run failed");
	}

	@Test
	void thePublicRoleNeedsNoDatabase() throws Exception {
		Path data = work.resolve("public-data");
		try (RunningServer server = RunningServer.start(work, Map.of(), "--madoguchi.role=public",
				"--madoguchi.data-dir=" + data)) {
			assertThat(Files.exists(data.resolve("postgres"))).isFalse();
			HttpResponse<String> login = server.client().get("/login");
			assertThat(login.statusCode()).isEqualTo(404);
			assertThat(login.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
		}
	}

}
