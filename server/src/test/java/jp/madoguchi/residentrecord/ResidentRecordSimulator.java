package jp.madoguchi.residentrecord;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jp.madoguchi.text.SearchKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small stand-in for the city's resident-record system, for tests and demos (never part
 * of the product). It takes deliveries at {@code POST /deliveries}, honouring
 * {@code Idempotency-Key} (a key it already stored is answered 200 again and not stored
 * twice), can fail or hang on the next N requests, and answers lookups at
 * {@code GET /residents?name=&birthDate=&householdId=} from a resident list (JSON lines,
 * the snapshot format).
 *
 * <p>
 * Standalone: run {@link #main} from the test classpath, e.g. {@code --port 9090
 * --fail-first 3 --residents residents.jsonl}.
 */
public final class ResidentRecordSimulator implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	/** Stored documents by idempotency key: what the resident-record system "has". */
	private final Map<String, JsonNode> stored = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> attemptsByKey = new ConcurrentHashMap<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private final AtomicInteger hangsLeft = new AtomicInteger();

	private volatile Duration hangFor = Duration.ofSeconds(5);

	private final List<JsonNode> residents = new ArrayList<>();

	private ResidentRecordSimulator(HttpServer server) {
		this.server = server;
	}

	public static ResidentRecordSimulator start(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		ResidentRecordSimulator simulator = new ResidentRecordSimulator(server);
		server.createContext("/deliveries", simulator::delivery);
		server.createContext("/residents", simulator::residents);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
		return simulator;
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

	/** The next {@code n} delivery requests answer 500. */
	public void failNext(int n) {
		failuresLeft.set(n);
	}

	/**
	 * The next {@code n} delivery requests hang for {@code duration} before answering.
	 */
	public void hangNext(int n, Duration duration) {
		hangFor = duration;
		hangsLeft.set(n);
	}

	public void addResidents(Path jsonLines) throws IOException {
		for (String line : Files.readAllLines(jsonLines, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				residents.add(JSON.readTree(line));
			}
		}
	}

	/** How many documents for this notification were stored (exactly-once: 1). */
	public long storedFor(String notificationId) {
		return stored.values().stream().filter(d -> notificationId.equals(d.get("notificationId").asString())).count();
	}

	public int attempts(String idempotencyKey) {
		AtomicInteger attempts = attemptsByKey.get(idempotencyKey);
		return (attempts == null) ? 0 : attempts.get();
	}

	public Map<String, JsonNode> stored() {
		return Map.copyOf(stored);
	}

	private void delivery(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!exchange.getRequestMethod().equals("POST")) {
				respond(exchange, 405, "{}");
				return;
			}
			String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			if (key == null || key.isBlank()) {
				respond(exchange, 400, "{\"error\":\"Idempotency-Key required\"}");
				return;
			}
			attemptsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
			if (hangsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				sleep(hangFor);
				respond(exchange, 503, "{\"error\":\"slow\"}");
				return;
			}
			if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				respond(exchange, 500, "{\"error\":\"simulated failure\"}");
				return;
			}
			JsonNode document;
			try {
				document = JSON.readTree(body);
			}
			catch (RuntimeException ex) {
				respond(exchange, 422, "{\"error\":\"not JSON\"}");
				return;
			}
			if (!"1.0".equals(document.path("formatVersion").asString(""))) {
				respond(exchange, 422, "{\"error\":\"unknown formatVersion\"}");
				return;
			}
			boolean first = stored.putIfAbsent(key, document) == null;
			respond(exchange, first ? 201 : 200, "{\"received\":\"" + key + "\",\"duplicate\":" + !first + "}");
		}
	}

	private void residents(HttpExchange exchange) throws IOException {
		try (exchange) {
			Map<String, String> query = query(exchange.getRequestURI());
			String name = query.get("name");
			String key = (name != null) ? SearchKeys.fold(name) : null;
			List<JsonNode> found = residents.stream()
				.filter(r -> key == null || nameKey(r, "familyName", "givenName").contains(key)
						|| nameKey(r, "familyNameKana", "givenNameKana").contains(key))
				.filter(r -> query.get("birthDate") == null
						|| query.get("birthDate").equals(r.path("birthDate").asString("")))
				.filter(r -> query.get("householdId") == null
						|| query.get("householdId").equals(r.path("householdId").asString("")))
				.toList();
			respond(exchange, 200, JSON.writeValueAsString(found));
		}
	}

	private static String nameKey(JsonNode resident, String family, String given) {
		return SearchKeys.fold(resident.path(family).asString("") + resident.path(given).asString(""));
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> query = new LinkedHashMap<>();
		String raw = uri.getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
					if (!value.isEmpty()) {
						query.put(pair.substring(0, eq), value);
					}
				}
			}
		}
		return query;
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

	public static void main(String[] args) throws Exception {
		int port = 9090;
		ResidentRecordSimulator simulator = null;
		List<String> arguments = List.of(args);
		if (arguments.contains("--port")) {
			port = Integer.parseInt(arguments.get(arguments.indexOf("--port") + 1));
		}
		simulator = start(port);
		if (arguments.contains("--fail-first")) {
			simulator.failNext(Integer.parseInt(arguments.get(arguments.indexOf("--fail-first") + 1)));
		}
		if (arguments.contains("--residents")) {
			simulator.addResidents(Path.of(arguments.get(arguments.indexOf("--residents") + 1)));
		}
		System.out.println("Resident-record simulator at " + simulator.uri("/") + " (deliveries: POST /deliveries)");
		Thread.currentThread().join();
	}

}
