package jp.madoguchi.terminals.domain;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.terminals.Terminals.CurrentTerminal;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The terminal master ({@code terminals.terminals}), pairing tokens and paired browsers.
 */
@Service
@Transactional(readOnly = true)
public class TerminalService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TerminalStore store;

	private final AuditTrail audit;

	private final Clock clock;

	TerminalService(TerminalStore store, AuditTrail audit, Clock clock) {
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @param defaultPrinter the printer the terminal prints to when a department has none
	 * of its own; null: none
	 */
	public record Terminal(UUID id, String name, String location, String counter, String cardAgentUrl,
			Instant tokenCreatedAt, @org.jspecify.annotations.Nullable String defaultPrinter) {
	}

	public record TerminalInput(String name, String location, String counter, String cardAgentUrl) {
	}

	/** A terminal just created or given a new token: the only time the token is shown. */
	public record IssuedToken(Terminal terminal, String pairingToken) {
	}

	public List<Terminal> list() {
		return store.list();
	}

	public Terminal get(UUID id) {
		return list().stream()
			.filter((t) -> t.id().equals(id))
			.findFirst()
			.orElseThrow(() -> ProblemException.notFound("TERMINAL_NOT_FOUND"));
	}

	@Transactional
	public IssuedToken create(TerminalInput input, String actor) {
		TerminalInput clean = validate(input);
		UUID id = UUID.randomUUID();
		String token = newToken();
		Instant now = clock.instant();
		try {
			store.add(id, clean, hash(token), now, actor);
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException.conflict("TERMINAL_NAME_TAKEN");
		}
		audit.record(AuditEntry.success("TERMINAL_CREATED", "terminal:" + clean.name()));
		return new IssuedToken(get(id), token);
	}

	/** A new pairing token: browsers paired with the old one must be paired again. */
	@Transactional
	public IssuedToken renewToken(UUID id) {
		Terminal terminal = get(id);
		String token = newToken();
		store.renewToken(id, hash(token), clock.instant());
		audit.record(AuditEntry.success("TERMINAL_TOKEN_RENEWED", "terminal:" + terminal.name()));
		return new IssuedToken(get(id), token);
	}

	/**
	 * Sets or clears (blank) the terminal's default printer. The name is checked when
	 * printing (the forms module owns the printers), so a printer removed later is named
	 * in the refusal rather than silently skipped.
	 * @throws ProblemException 422 {@code INVALID_TERMINAL} for a name that cannot be a
	 * printer's
	 */
	@Transactional
	public Terminal setDefaultPrinter(UUID id, @org.jspecify.annotations.Nullable String printer) {
		Terminal terminal = get(id);
		String name = (printer == null || printer.isBlank()) ? null : printer.strip();
		if (name != null && (name.length() > 50 || !name.matches("[\\p{L}\\p{N}._-]+"))) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_TERMINAL",
					Map.of("field", "defaultPrinter"))
				.because("defaultPrinter");
		}
		store.setDefaultPrinter(id, name);
		audit.record(AuditEntry.success("TERMINAL_PRINTER_SET", "terminal:" + terminal.name(),
				"printer=" + ((name != null) ? name : "-")));
		return get(id);
	}

	@Transactional
	public void delete(UUID id) {
		Terminal terminal = get(id);
		store.delete(id);
		audit.record(AuditEntry.success("TERMINAL_DELETED", "terminal:" + terminal.name()));
	}

	/**
	 * Checks the token an administrator typed on the browser to pair and returns the
	 * cookie value; a wrong token is refused and audited.
	 */
	@Transactional
	public String pair(UUID id, String token) {
		Terminal terminal = get(id);
		if (!matches(id, token.strip())) {
			audit.record(AuditEntry.denied("TERMINAL_PAIRED", "terminal:" + terminal.name(), "wrong pairing token"));
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "PAIRING_TOKEN_INCORRECT",
					Map.of("field", "token"));
		}
		audit.record(AuditEntry.success("TERMINAL_PAIRED", "terminal:" + terminal.name()));
		return id + "." + token.strip();
	}

	/** The terminal a pairing cookie's value names, if its token still matches. */
	public Optional<CurrentTerminal> resolve(String value) {
		int dot = value.indexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		UUID id;
		try {
			id = UUID.fromString(value.substring(0, dot));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		String token = value.substring(dot + 1);
		if (!matches(id, token)) {
			return Optional.empty();
		}
		Terminal t = get(id);
		return Optional.of(new CurrentTerminal(t.id(), t.name(), t.location(), t.counter(), t.cardAgentUrl(), token,
				t.defaultPrinter()));
	}

	private boolean matches(UUID id, String token) {
		Optional<String> stored = store.tokenHash(id);
		return stored.isPresent() && MessageDigest.isEqual(stored.get().getBytes(StandardCharsets.US_ASCII),
				hash(token).getBytes(StandardCharsets.US_ASCII));
	}

	private static TerminalInput validate(TerminalInput input) {
		String name = (input.name() != null) ? input.name().strip() : "";
		if (name.isEmpty() || name.length() > 50) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_TERMINAL", Map.of("field", "name"))
				.because("name");
		}
		String url = (input.cardAgentUrl() != null && !input.cardAgentUrl().isBlank()) ? input.cardAgentUrl().strip()
				: "http://127.0.0.1:9443";
		if (!isLoopbackUrl(url)) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_TERMINAL",
					Map.of("field", "cardAgentUrl"))
				.because("cardAgentUrl");
		}
		return new TerminalInput(name, strip(input.location()), strip(input.counter()), url);
	}

	/**
	 * The card agent listens on loopback only (docs/design/http-api.md "Card agent");
	 * anything else is a mistake.
	 */
	static boolean isLoopbackUrl(String url) {
		try {
			URI uri = URI.create(url);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
					&& ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost())) && uri.getPort() > 0
					&& (uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : "";
	}

	private static String newToken() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
