package jp.madoguchi.audit.domain;

import java.time.Instant;

import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditOutcome;
import org.jspecify.annotations.Nullable;

/**
 * The audit chain's secret: events after {@link #keyedAfterId} carry an HMAC under it;
 * events up to it were written before the installation had a key and keep their plain
 * SHA-256. The boundary is kept with the key, outside the database, so that nobody who
 * can only write to the database can pass a new event off as an old, unkeyed one.
 */
public final class ChainKey {

	private final String keyId;

	private final byte[] secret;

	private final long keyedAfterId;

	ChainKey(String keyId, byte[] secret, long keyedAfterId) {
		this.keyId = keyId;
		this.secret = secret.clone();
		this.keyedAfterId = keyedAfterId;
	}

	/** A short name of the key for logs and reports, never the key. */
	public String keyId() {
		return keyId;
	}

	public long keyedAfterId() {
		return keyedAfterId;
	}

	/** The hash the event with these fields must carry. */
	String hash(long id, Instant occurredAt, @Nullable String actor, @Nullable String terminal, @Nullable String ip,
			String action, @Nullable String subject, AuditOutcome outcome, @Nullable String detail, String prevHash) {
		if (id <= keyedAfterId) {
			return ChainHash.of(id, occurredAt, actor, terminal, ip, action, subject, outcome, detail, prevHash);
		}
		return ChainHash.keyed(secret, id, occurredAt, actor, terminal, ip, action, subject, outcome, detail, prevHash);
	}

	/** The hash a stored event must carry. */
	public String hashOf(AuditEvent event) {
		return hash(event.id(), event.occurredAt(), event.actor(), event.terminal(), event.ip(), event.action(),
				event.subject(), event.outcome(), event.detail(), event.prevHash());
	}

}
