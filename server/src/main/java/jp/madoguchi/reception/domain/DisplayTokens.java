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
 * staff signed in: it opens {@code /display/{queue}?token=…} with a token an
 * administrator issued for that one queue. The token shows only ticket numbers and
 * counters (no personal data), is stored as a SHA-256 hash, and can be revoked.
 */
@Service
@Transactional
public class DisplayTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

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
	 * Issues a token for one queue's display; the secret is answered once, kept hashed.
	 */
	public String issue(String queue, String name) {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String secret = HexFormat.of().formatHex(bytes);
		UUID id = UUID.randomUUID();
		tokens.add(id, queue, name, hash(secret), clock.instant(), CurrentActor.name());
		audit.record(AuditEntry.success("DISPLAY_TOKEN_ISSUED", "display-token:" + id, "queue=" + queue));
		return secret;
	}

	public void revoke(UUID id) {
		tokens.revoke(id, clock.instant());
		audit.record(AuditEntry.success("DISPLAY_TOKEN_REVOKED", "display-token:" + id));
	}

	@Transactional(readOnly = true)
	public List<DisplayToken> list() {
		return tokens.list();
	}

	/** Whether {@code token} is a live display token of {@code queue}. */
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
