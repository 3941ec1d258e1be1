package jp.madoguchi.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A stored audit event: an {@link AuditEntry} as it was appended to the chain.
 *
 * @param id position in the chain, starting at 1, without gaps
 * @param occurredAt when the action was recorded, to the microsecond
 * @param actor who acted; null for the system itself (scheduled jobs, start-up)
 * @param terminal the counter terminal the request came from, if known
 * @param ip the client address of the request, if any
 * @param action stable upper-case code
 * @param subject the record concerned, as {@code type:id}
 * @param outcome the result
 * @param detail short free text
 * @param prevHash SHA-256 (hex) of the preceding event, 64 zeros for the first
 * @param hash SHA-256 (hex) of this event's canonical encoding
 */
public record AuditEvent(long id, Instant occurredAt, @Nullable String actor, @Nullable String terminal,
		@Nullable String ip, String action, @Nullable String subject, AuditOutcome outcome, @Nullable String detail,
		String prevHash, String hash) {

}
