package jp.madoguchi.it;

import jp.madoguchi.support.FreePorts;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar, started as an operator starts it ({@code java -jar}), and a
 * browser-like client with its own cookies.
 */
final class RunningServer implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	final int port;

	final Path log;

	final long startMillis;

	private final Process process;

	private RunningServer(Process process, int port, Path log, long startMillis) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.startMillis = startMillis;
	}

	static RunningServer start(Path workDir, Map<String, String> environment, String... arguments) throws Exception {
		String jar = System.getProperty("madoguchi.it.jar", "target/madoguchi-server.jar");
		int port = FreePorts.next();
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar", jar, "--server.port=" + port));
		command.addAll(List.of(arguments));
		Files.createDirectories(workDir);
		Path log = Files.createTempFile(workDir, "server-", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		operatorEnvironment(builder, environment);
		long started = System.nanoTime();
		Process process = builder.start();
		RunningServer server = new RunningServer(process, port, log, 0);
		long deadline = System.currentTimeMillis() + 180_000;
		HttpClient probe = HttpClient.newHttpClient();
		while (System.currentTimeMillis() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Server exited: " + Files.readString(log));
			}
			try {
				HttpResponse<String> health = probe.send(
						HttpRequest.newBuilder(server.uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return new RunningServer(process, port, log, (System.nanoTime() - started) / 1_000_000);
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		process.destroyForcibly();
		throw new IllegalStateException("Server did not become healthy: " + Files.readString(log));
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	Client client() {
		return new Client();
	}

	/** Resident memory of the server process in MiB, from /proc. */
	long residentMemoryMib() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
			}
		}
		return -1;
	}

	/**
	 * Stops the server as a service manager would (SIGTERM) and returns its exit code.
	 */
	int stop() throws Exception {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("Server did not stop within 60 s");
		}
		return process.exitValue();
	}

	/**
	 * Kills the server without warning (SIGKILL on Linux): no shutdown hook, no graceful
	 * stop, as in a power cut of the process.
	 */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	String output() throws IOException {
		return Files.readString(log);
	}

	@Override
	public void close() throws Exception {
		if (process.isAlive()) {
			stop();
		}
	}

	/**
	 * The environment of a process an operator starts: none of this machine's
	 * {@code SPRING_*} and {@code MADOGUCHI_*} variables (a developer's database, a
	 * bootstrap password), only those given.
	 */
	static void operatorEnvironment(ProcessBuilder builder, Map<String, String> environment) {
		builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("MADOGUCHI_"));
		builder.environment().putAll(environment);
	}

	static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * A browser-like client: keeps cookies, reads CSRF tokens from forms and meta tags.
	 */
	final class Client {

		private final CookieManager cookies;

		private final HttpClient http;

		private String csrf = "";

		Client() {
			this(new CookieManager());
		}

		private Client(CookieManager cookies) {
			this.cookies = cookies;
			this.http = HttpClient.newBuilder()
				.cookieHandler(cookies)
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
		}

		/**
		 * The same browser sent to another instance, as a load balancer would: same
		 * cookies (the session), same CSRF token.
		 */
		Client at(RunningServer other) {
			Client moved = other.new Client(cookies);
			moved.csrf = csrf;
			return moved;
		}

		/** The value of a cookie this browser holds, empty when it holds none. */
		String cookie(String name) {
			return cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals(name))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElse("");
		}

		HttpResponse<String> get(String path) throws Exception {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			remember(response.body());
			return response;
		}

		HttpResponse<String> get(String path, String bearer) throws Exception {
			return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
			StringBuilder body = new StringBuilder("_csrf=" + encode(csrf));
			fields.forEach((name, value) -> body.append('&').append(encode(name)).append('=').append(encode(value)));
			return http.send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		/**
		 * JSON from the signed-in browser session, with the CSRF header as the pages send
		 * it.
		 */
		HttpResponse<String> postJson(String path, String json) throws Exception {
			return http.send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/json")
				.header("X-CSRF-TOKEN", csrf)
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> postJson(String path, String json, String bearer) throws Exception {
			return http.send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + bearer)
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		/**
		 * Signs in through the login form; returns where the server sends the browser
		 * next.
		 */
		String signIn(String username, String password) throws Exception {
			get("/login");
			HttpResponse<String> response = postForm("/login", Map.of("username", username, "password", password));
			return response.headers().firstValue("Location").orElse("");
		}

		/**
		 * Signs in as the administrator the server created from
		 * {@code MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD}. That password must be changed at
		 * the first sign-in: the administrator then chooses the bootstrap password
		 * followed by {@code -own}, which later sign-ins (after a restart or a restore)
		 * use.
		 */
		String signInAsAdmin(String bootstrapPassword) throws Exception {
			String own = bootstrapPassword + "-own";
			String next = signIn("admin", own);
			if (next.endsWith("/")) {
				return next;
			}
			next = signIn("admin", bootstrapPassword);
			if (!next.endsWith("/account/password")) {
				return next;
			}
			get("/account/password");
			HttpResponse<String> changed = postForm("/account/password",
					Map.of("currentPassword", bootstrapPassword, "newPassword", own, "newPasswordConfirmation", own));
			if (!changed.headers().firstValue("Location").orElse("").contains("passwordChanged")) {
				return "password change refused: " + changed.statusCode();
			}
			get("/account");
			return "/";
		}

		private void remember(String html) {
			Matcher meta = CSRF_META.matcher(html);
			Matcher input = CSRF_INPUT.matcher(html);
			if (meta.find()) {
				csrf = meta.group(1);
			}
			else if (input.find()) {
				csrf = input.group(1);
			}
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
