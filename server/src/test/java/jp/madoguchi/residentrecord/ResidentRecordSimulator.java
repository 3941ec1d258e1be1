package jp.madoguchi.residentrecord;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jp.madoguchi.residentrecord.domain.lookup.SnapshotFileLookup;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small stand-in for the city's resident-record system, for tests and demos (never part
 * of the product). It takes deliveries at {@code POST /deliveries}, honouring
 * {@code Idempotency-Key} (a key it already stored is answered 200 again and not stored
 * twice), can fail or hang on the next N requests, and answers lookups at
 * {@code GET /residents?name=&birthDate=&householdId=&address=} (or
 * {@code ?residentId=…}, or {@code ?memberOf=…}: every member of these households) and
 * {@code GET /sent-ahead?name=&birthDate=&plannedVisitDate=} (or {@code ?noticeId=…})
 * from snapshot files.
 *
 * <p>
 * Standalone: run {@link #main} from the test classpath, e.g. {@code --port 9090
 * --fail-first 3 --residents residents.jsonl}.
 */
public final class ResidentRecordSimulator implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The document versions the simulated system reads: 1.2 and 1.4 only added items, so
	 * a receiver of 1.4 still reads the documents of earlier versions delivered before
	 * it.
	 */
	static final java.util.Set<String> ACCEPTED_VERSIONS = java.util.Set.of("1.1", "1.2", "1.3", "1.4");

	private final HttpServer server;

	/** Stored documents by idempotency key: what the resident-record system "has". */
	private final Map<String, JsonNode> stored = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> attemptsByKey = new ConcurrentHashMap<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private final AtomicInteger hangsLeft = new AtomicInteger();

	/** The query of each {@code GET /residents}, in the order received. */
	private final List<String> residentQueries = new java.util.concurrent.CopyOnWriteArrayList<>();

	private volatile Duration hangFor = Duration.ofSeconds(5);

	/**
	 * Where the link key is, as the vendor would be given it; null: signatures unchecked.
	 */
	private volatile @org.jspecify.annotations.Nullable Path linkKeys;

	private final AtomicInteger unsigned = new AtomicInteger();

	/**
	 * The lookups answer from snapshot files, as the city's export would (same matching).
	 */
	private final List<SnapshotFileLookup> snapshots = new ArrayList<>();

	private ResidentRecordSimulator(HttpServer server) {
		this.server = server;
	}

	public static ResidentRecordSimulator start(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		ResidentRecordSimulator simulator = new ResidentRecordSimulator(server);
		server.createContext("/deliveries", simulator.signed(simulator::delivery));
		server.createContext("/residents", simulator.signed(simulator::residents));
		server.createContext("/sent-ahead", simulator.signed(simulator::sentAhead));
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
		return simulator;
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

	/**
	 * From now on, only requests signed with the link key in {@code keys} are answered;
	 * others get 401 (what a receiver of Madoguchi's link does).
	 */
	public ResidentRecordSimulator requireSignatures(Path keys) {
		this.linkKeys = keys;
		return this;
	}

	/** A signer with the key this simulator checks. */
	public jp.madoguchi.platform.LinkSigner signer() throws IOException {
		Path keys = linkKeys;
		if (keys == null) {
			throw new IllegalStateException("requireSignatures first");
		}
		return jp.madoguchi.platform.LinkSigner.inKeyDirectory(keys,
				jp.madoguchi.residentrecord.domain.LinkSigners.FILE, java.time.Clock.systemUTC());
	}

	/** Signs as the product does, and makes this simulator check it. */
	public jp.madoguchi.platform.LinkSigner signing() throws IOException {
		return requireSignatures(java.nio.file.Files.createTempDirectory("madoguchi-link-keys-")).signer();
	}

	/** Requests refused for a missing or wrong signature. */
	public int unsigned() {
		return unsigned.get();
	}

	private com.sun.net.httpserver.HttpHandler signed(com.sun.net.httpserver.HttpHandler handler) {
		return (exchange) -> {
			Path keys = linkKeys;
			if (keys == null) {
				handler.handle(exchange);
				return;
			}
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			byte[] key = java.util.Base64.getDecoder()
				.decode(java.nio.file.Files
					.readString(keys.resolve("resident-record-link.key"), java.nio.charset.StandardCharsets.US_ASCII)
					.trim());
			boolean valid = jp.madoguchi.platform.LinkSigner.verify(key,
					exchange.getRequestHeaders().getFirst(jp.madoguchi.platform.LinkSigner.HEADER),
					exchange.getRequestMethod(), jp.madoguchi.platform.LinkSigner.target(exchange.getRequestURI()),
					body, java.time.Instant.now());
			if (!valid) {
				unsigned.incrementAndGet();
				try (exchange) {
					respond(exchange, 401, "{\"error\":\"signature\"}");
				}
				return;
			}
			exchange.setStreams(new java.io.ByteArrayInputStream(body), exchange.getResponseBody());
			handler.handle(exchange);
		};
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

	/**
	 * Residents and data sent ahead to answer from: a snapshot file
	 * (docs/resident-record.md).
	 */
	public void addResidents(Path jsonLines) {
		snapshots.add(new SnapshotFileLookup(jsonLines, JSON));
	}

	/** How many documents for this notification were stored (exactly-once: 1). */
	public long storedFor(String notificationId) {
		return stored.values().stream().filter(d -> notificationId.equals(d.get("notificationId").asString())).count();
	}

	/** The queries of the {@code GET /residents} requests received so far. */
	public List<String> residentQueries() {
		return List.copyOf(residentQueries);
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
			if (!ACCEPTED_VERSIONS.contains(document.path("formatVersion").asString(""))) {
				respond(exchange, 422, "{\"error\":\"unknown formatVersion\"}");
				return;
			}
			boolean first = stored.putIfAbsent(key, document) == null;
			respond(exchange, first ? 201 : 200, "{\"received\":\"" + key + "\",\"duplicate\":" + !first + "}");
		}
	}

	private void residents(HttpExchange exchange) throws IOException {
		try (exchange) {
			residentQueries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
			Map<String, List<String>> query = query(exchange.getRequestURI());
			List<Resident> found = new ArrayList<>();
			for (SnapshotFileLookup snapshot : snapshots) {
				if (query.containsKey("residentId")) {
					found.addAll(snapshot.findByIds(query.get("residentId")));
				}
				else if (query.containsKey("memberOf")) {
					snapshot.findHouseholds(query.get("memberOf")).values().forEach(found::addAll);
				}
				else {
					found.addAll(snapshot.find(new ResidentQuery(first(query, "name"), date(first(query, "birthDate")),
							first(query, "householdId"), first(query, "address"))));
				}
			}
			respond(exchange, 200, JSON.writeValueAsString(found));
		}
	}

	private void sentAhead(HttpExchange exchange) throws IOException {
		try (exchange) {
			Map<String, List<String>> query = query(exchange.getRequestURI());
			List<SentAhead> found = new ArrayList<>();
			for (SnapshotFileLookup snapshot : snapshots) {
				if (query.containsKey("noticeId")) {
					found.addAll(snapshot.findSentAheadByIds(query.get("noticeId")));
				}
				else {
					found.addAll(snapshot.findSentAhead(new SentAheadQuery(first(query, "name"),
							date(first(query, "birthDate")), date(first(query, "plannedVisitDate")))));
				}
			}
			respond(exchange, 200, JSON.writeValueAsString(found));
		}
	}

	private static @Nullable String first(Map<String, List<String>> query, String name) {
		List<String> values = query.get(name);
		return (values == null) ? null : values.get(0);
	}

	private static @Nullable LocalDate date(@Nullable String value) {
		return (value == null) ? null : LocalDate.parse(value);
	}

	private static Map<String, List<String>> query(URI uri) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		String raw = uri.getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
					if (!value.isEmpty()) {
						query.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(value);
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
		if (arguments.contains("--link-keys")) {
			simulator.requireSignatures(Path.of(arguments.get(arguments.indexOf("--link-keys") + 1)));
		}
		if (arguments.contains("--residents")) {
			simulator.addResidents(Path.of(arguments.get(arguments.indexOf("--residents") + 1)));
		}
		System.out.println("Resident-record simulator at " + simulator.uri("/") + " (deliveries: POST /deliveries)");
		Thread.currentThread().join();
	}

}
