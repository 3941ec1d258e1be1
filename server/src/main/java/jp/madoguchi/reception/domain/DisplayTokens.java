package jp.madoguchi.reception.domain;

import jp.madoguchi.platform.CurrentActor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tokens of call-display terminals. A display is a screen in the waiting hall with no
 * staff signed in. An administrator issues a one-time pairing code for one queue; the
 * screen opens {@code /display/pair} and exchanges the code once for a secret kept in an
 * HttpOnly cookie ({@value #COOKIE}), so nothing that opens a display is ever in a URL
 * (logs, history, referrers). The secret shows only ticket numbers and counters (no
 * personal data), is stored as a SHA-256 hash, and can be revoked.
 */
@Service
@Transactional
public class DisplayTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The display's cookie: HttpOnly, SameSite=Strict, path /display. */
	public static final String COOKIE = "MADOGUCHI_DISPLAY";

	/** What pairing gives the screen: its queue and the cookie's secret. */
	public record Paired(String queue, String secret) {
	}

	private final IssuedDisplayTokens tokens;

	private final AuditTrail audit;

	private final Clock clock;

	DisplayTokens(IssuedDisplayTokens tokens, AuditTrail audit, Clock clock) {
		this.tokens = tokens;
		this.audit = audit;
		this.clock = clock;
	}

	public record DisplayToken(UUID id, String queue, String name, Instant createdAt, String createdBy,
			@Nullable Instant revokedAt) {
	}

	/**
	 * Issues a one-time pairing code for one queue's display; answered once, kept hashed.
	 */
	public String issue(String queue, String name) {
		String secret = secret();
		UUID id = UUID.randomUUID();
		tokens.add(id, queue, name, hash(secret), clock.instant(), CurrentActor.name());
		audit.record(AuditEntry.success("DISPLAY_TOKEN_ISSUED", "display-token:" + id, "queue=" + queue));
		return secret;
	}

	/**
	 * Exchanges a pairing code for the display's secret, once: the code stops working the
	 * moment it is used. Empty for an unknown, used or revoked code.
	 */
	public java.util.Optional<Paired> pair(@Nullable String code) {
		if (code == null || code.isBlank() || code.length() > 200) {
			return java.util.Optional.empty();
		}
		String secret = secret();
		String queue = tokens.pair(hash(code.strip()), hash(secret), clock.instant());
		if (queue == null) {
			audit.record(AuditEntry.failure("DISPLAY_PAIRED", null, "unknown or used code"));
			return java.util.Optional.empty();
		}
		audit.record(AuditEntry.success("DISPLAY_PAIRED", null, "queue=" + queue));
		return java.util.Optional.of(new Paired(queue, secret));
	}

	private static String secret() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	public void revoke(UUID id) {
		tokens.revoke(id, clock.instant());
		audit.record(AuditEntry.success("DISPLAY_TOKEN_REVOKED", "display-token:" + id));
	}

	@Transactional(readOnly = true)
	public List<DisplayToken> list() {
		return tokens.list();
	}

	/** Whether {@code token} is the secret of a live, paired display of {@code queue}. */
	@Transactional(readOnly = true)
	public boolean permits(@Nullable String queue, @Nullable String token) {
		if (queue == null || token == null || token.isBlank() || token.length() > 200) {
			return false;
		}
		return tokens.live(hash(token.strip()), queue);
	}

	private static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
