package jp.madoguchi.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 3's target: saving a notification with validation answers within 20 ms at p95.
 * Measured end to end as a client sees it: the packaged server
 * ({@code server/target/madoguchi-server.jar}, build it first) on a real PostgreSQL, one
 * {@code POST /api/v1/notifications} of a family of four per operation — JSON, security,
 * findings (font check included), encryption, storage and audit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class NotificationSaveBenchmark {

	static final String TOKEN = "mdg_" + "0123456789abcdef".repeat(4);

	EmbeddedPostgres postgres;

	Process server;

	HttpClient http;

	URI notifications;

	String body;

	@Setup(Level.Trial)
	public void start() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path data = Files.createTempDirectory("madoguchi-bench");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", System.getProperty("madoguchi.jar", "server/target/madoguchi-server.jar"),
				"--server.port=" + port, "--madoguchi.data-dir=" + data)
			.redirectErrorStream(true)
			.redirectOutput(data.resolve("server.log").toFile());
		builder.environment().put("SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", "postgres"));
		builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
		builder.environment().put("MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD", "bench-first-secret-1");
		server = builder.start();
		http = HttpClient.newHttpClient();
		URI health = URI.create("http://localhost:" + port + "/actuator/health");
		for (int i = 0; i < 600; i++) {
			try {
				if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
					.statusCode() == 200) {
					break;
				}
			}
			catch (java.io.IOException notYet) {
				Thread.sleep(200);
			}
		}
		// A token for the bootstrap administrator, stored as the server stores tokens:
		// hashed.
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				PreparedStatement insert = connection.prepareStatement("""
						insert into accounts.api_tokens (name, user_id, token_hash, token_prefix, created_by)
						select 'bench', id, ?, ?, 'bench' from accounts.users where username = 'admin'""")) {
			insert.setString(1, HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.UTF_8))));
			insert.setString(2, TOKEN.substring(0, 12));
			// The first administrator is created just after the server reports healthy.
			for (int attempt = 0; attempt < 100 && insert.executeUpdate() == 0; attempt++) {
				Thread.sleep(200);
			}
		}
		notifications = URI.create("http://localhost:" + port + "/api/v1/notifications");
		LocalDate today = LocalDate.now();
		body = """
				{"type":"MOVE_IN","variant":"DOMESTIC","movedOn":"%s","filedOn":"%s",
				 "newAddress":{"postalCode":"0850000","prefecture":"北海道","city":"釧路市","town":"黒金町","block":"7丁目5番地"},
				 "previousAddress":{"prefecture":"北海道","city":"札幌市中央区","town":"北一条西","block":"2丁目"},
				 "household":{"newHousehold":true},
				 "persons":[
				  {"familyName":"辻\uDB40\uDD02","givenName":"太郎","familyNameKana":"ツジ","givenNameKana":"タロウ","birthDate":"1980-04-01","sex":"MALE","relationship":"世帯主","myNumber":"123456789018","facts":{"healthInsurance":"NHI"}},
				  {"familyName":"辻\uDB40\uDD02","givenName":"花子","familyNameKana":"ツジ","givenNameKana":"ハナコ","birthDate":"1982-06-03","sex":"FEMALE","relationship":"妻"},
				  {"familyName":"辻\uDB40\uDD02","givenName":"一郎","familyNameKana":"ツジ","givenNameKana":"イチロウ","birthDate":"2017-05-05","sex":"MALE","relationship":"子"},
				  {"familyName":"辻\uDB40\uDD02","givenName":"桜","familyNameKana":"ツジ","givenNameKana":"サクラ","birthDate":"2023-03-03","sex":"FEMALE","relationship":"子"}],
				 "filer":{"kind":"SELF","name":"辻 太郎","phone":"0154-00-0000","powerOfAttorney":false},
				 "identityDocuments":["MY_NUMBER_CARD"]}"""
			.formatted(today.minusDays(3), today);
	}

	@Benchmark
	public int saveAFamilyOfFour() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(notifications)
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return response.body().length();
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		server.destroy();
		server.waitFor(60, TimeUnit.SECONDS);
		postgres.close();
	}

}
