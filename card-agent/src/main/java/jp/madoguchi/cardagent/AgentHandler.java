package jp.madoguchi.cardagent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import jp.madoguchi.card.CardError;
import jp.madoguchi.card.CardReadException;
import jp.madoguchi.card.Pins;
import jp.madoguchi.card.ResidenceCardReader;

/**
 * The HTTP API of docs/design/http-api.md "Card agent". Every request needs the pairing
 * token; a browser request must come from the allowed origin, including the CORS
 * preflight with Private Network Access (a public or intranet page calling 127.0.0.1).
 * Logs carry the path and the outcome code only: never a PIN, a name or a number.
 */
final class AgentHandler implements HttpHandler {

	private static final Logger LOG = Logger.getLogger(AgentHandler.class.getName());

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_BODY = 1024;

	private final CardAgent.Settings settings;

	private final CardService cards;

	private final byte[] token;

	AgentHandler(CardAgent.Settings settings, CardService cards) {
		this.settings = settings;
		this.cards = cards;
		this.token = settings.pairingToken().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String method = exchange.getRequestMethod();
		try (exchange) {
			handle(exchange, method, path);
		}
	}

	private void handle(HttpExchange exchange, String method, String path) throws IOException {
		try {
			if (!loopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
				// DNS rebinding: a page of evil.example whose name now resolves to
				// 127.0.0.1 is same-origin with its own requests, so no Origin header
				// gives it away; the Host header still names evil.example.
				problem(exchange, 421, "FORBIDDEN_HOST", Messages.FORBIDDEN_HOST, Map.of());
				return;
			}
			String origin = exchange.getRequestHeaders().getFirst("Origin");
			if (origin != null && !origin.equals(this.settings.allowedOrigin())) {
				// No CORS headers: the browser hides the answer from the foreign page as
				// well.
				problem(exchange, 403, "FORBIDDEN_ORIGIN", Messages.FORBIDDEN_ORIGIN, Map.of());
				return;
			}
			if (origin != null) {
				Headers headers = exchange.getResponseHeaders();
				headers.set("Access-Control-Allow-Origin", origin);
				headers.set("Vary", "Origin");
			}
			if ("OPTIONS".equals(method)) {
				preflight(exchange);
				return;
			}
			if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
				problem(exchange, 401, "UNAUTHORIZED", Messages.UNAUTHORIZED, Map.of());
				return;
			}
			route(exchange, method, path);
		}
		catch (RuntimeException ex) {
			// Type and path only: an exception message could quote card data.
			LOG.log(Level.WARNING, () -> method + " " + path + " failed: " + ex.getClass().getSimpleName());
			problem(exchange, 500, "AGENT_ERROR", Messages.AGENT_ERROR, Map.of());
		}
	}

	/** The names of the loopback address the agent listens on, with its port. */
	private boolean loopbackHost(String host) {
		if (host == null) {
			return false;
		}
		String port = ":" + this.settings.port();
		return host.equals("127.0.0.1" + port) || host.equals("localhost" + port) || host.equals("[::1]" + port);
	}

	private void route(HttpExchange exchange, String method, String path) throws IOException {
		switch (path) {
			case "/v1/readers" -> {
				if (requireMethod(exchange, method, "GET")) {
					run(exchange, path, (body) -> this.cards.readers());
				}
			}
			case "/v1/my-number-card/basic-info" -> {
				if (requireMethod(exchange, method, "POST")) {
					withPin(exchange, path, "pin", this.cards::myNumberBasicInfo);
				}
			}
			case "/v1/my-number-card/my-number" -> {
				if (requireMethod(exchange, method, "POST")) {
					withPin(exchange, path, "pin", this.cards::myNumber);
				}
			}
			case "/v1/drivers-license/basic-info" -> {
				if (requireMethod(exchange, method, "POST")) {
					withPin(exchange, path, "pin1", this.cards::driversLicenseBasicInfo);
				}
			}
			case "/v1/drivers-license/registered-domicile" -> {
				if (requireMethod(exchange, method, "POST")) {
					withTwoPins(exchange, path);
				}
			}
			case "/v1/residence-card" -> {
				if (requireMethod(exchange, method, "POST")) {
					withCardNumber(exchange, path);
				}
			}
			default -> problem(exchange, 404, "NOT_FOUND", Messages.NOT_FOUND, Map.of());
		}
	}

	/** The licence's 本籍: PIN1 and PIN2, both checked for form before the card. */
	private void withTwoPins(HttpExchange exchange, String path) throws IOException {
		String pin1;
		String pin2;
		try {
			JsonNode body = readBody(exchange);
			pin1 = text(body, "pin1");
			pin2 = text(body, "pin2");
		}
		catch (JacksonException | IllegalArgumentException ex) {
			pin1 = null;
			pin2 = null;
		}
		for (String[] pin : new String[][] { { "pin1", pin1 }, { "pin2", pin2 } }) {
			if (!Pins.isFourDigits(pin[1])) {
				problem(exchange, 400, "PIN_FORMAT", Messages.PIN_FORMAT, Map.of("field", pin[0]));
				return;
			}
		}
		String first = pin1;
		String second = pin2;
		run(exchange, path, (ignored) -> this.cards.driversLicenseRegisteredDomicile(first, second));
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = (body != null) ? body.get(field) : null;
		return (value != null && value.isString()) ? value.asString() : null;
	}

	/**
	 * The residence card and special permanent resident certificate: the card number
	 * printed on the card (typed or scanned by staff) opens it. Checked here first, so a
	 * typo never reaches the card.
	 */
	private void withCardNumber(HttpExchange exchange, String path) throws IOException {
		String number;
		try {
			JsonNode body = readBody(exchange);
			JsonNode value = (body != null) ? body.get("cardNumber") : null;
			number = (value != null && value.isString()) ? value.asString().strip().toUpperCase(Locale.ROOT) : null;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			number = null;
		}
		if (!ResidenceCardReader.isCardNumber(number)) {
			problem(exchange, 400, "CARD_NUMBER_FORMAT", Messages.CARD_NUMBER_FORMAT, Map.of("field", "cardNumber"));
			return;
		}
		String checked = number;
		run(exchange, path, (ignored) -> this.cards.residenceCard(checked));
	}

	private boolean requireMethod(HttpExchange exchange, String method, String allowed) throws IOException {
		if (method.equals(allowed)) {
			return true;
		}
		exchange.getResponseHeaders().set("Allow", allowed + ", OPTIONS");
		problem(exchange, 405, "METHOD_NOT_ALLOWED", Messages.METHOD_NOT_ALLOWED, Map.of());
		return false;
	}

	private void withPin(HttpExchange exchange, String path, String field, Function<String, Object> read)
			throws IOException {
		String pin;
		try {
			JsonNode body = readBody(exchange);
			JsonNode value = (body != null) ? body.get(field) : null;
			pin = (value != null && value.isString()) ? value.asString() : null;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			pin = null;
		}
		if (!Pins.isFourDigits(pin)) {
			// Checked here so that a typo never costs one of the card's three tries.
			problem(exchange, 400, "PIN_FORMAT", Messages.PIN_FORMAT, Map.of("field", field));
			return;
		}
		String checked = pin;
		run(exchange, path, (ignored) -> read.apply(checked));
	}

	private void run(HttpExchange exchange, String path, Function<Void, Object> operation) throws IOException {
		Object result;
		try {
			result = operation.apply(null);
		}
		catch (CardReadException ex) {
			LOG.info(() -> path + " -> " + ex.error() + " (" + ex.getMessage() + ")");
			Map<String, Object> extra = new LinkedHashMap<>();
			ex.remainingTries().ifPresent((tries) -> extra.put("remainingTries", tries));
			problem(exchange, status(ex.error()), ex.error().name(), Messages.of(ex), extra);
			return;
		}
		LOG.info(() -> path + " -> OK");
		send(exchange, 200, "application/json", JSON.writeValueAsBytes(result));
	}

	private static int status(CardError error) {
		return switch (error) {
			case NO_READER -> 503;
			case NO_CARD, CARD_REMOVED -> 409;
			case UNSUPPORTED_CARD, PIN_INCORRECT, WRONG_CARD_NUMBER, CARD_EXPIRED, SIGNATURE_INVALID -> 422;
			case PIN_LOCKED -> 423;
			case CARD_ERROR -> 502;
		};
	}

	private void preflight(HttpExchange exchange) throws IOException {
		Headers request = exchange.getRequestHeaders();
		Headers response = exchange.getResponseHeaders();
		response.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
		response.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
		response.set("Access-Control-Max-Age", "600");
		if ("true".equalsIgnoreCase(request.getFirst("Access-Control-Request-Private-Network"))) {
			// Private Network Access: Chromium asks before a page reaches a loopback
			// address.
			response.set("Access-Control-Allow-Private-Network", "true");
		}
		exchange.sendResponseHeaders(204, -1);
	}

	private boolean authorized(String header) {
		if (header == null || !header.startsWith("Bearer ")) {
			return false;
		}
		byte[] presented = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(presented, this.token);
	}

	private static JsonNode readBody(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readNBytes(MAX_BODY + 1);
			if (body.length > MAX_BODY) {
				throw new IllegalArgumentException("body too large");
			}
			return (body.length == 0) ? null : JSON.readTree(body);
		}
	}

	private static void problem(HttpExchange exchange, int status, String code, String detail,
			Map<String, Object> extra) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", Messages.title(status));
		body.put("status", status);
		body.put("detail", detail);
		body.put("code", code);
		body.putAll(extra);
		send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(body));
	}

	private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
		Headers headers = exchange.getResponseHeaders();
		headers.set("Content-Type", type + "; charset=utf-8");
		// Personal data: never cached by the browser.
		headers.set("Cache-Control", "no-store");
		headers.set("X-Content-Type-Options", "nosniff");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

}
