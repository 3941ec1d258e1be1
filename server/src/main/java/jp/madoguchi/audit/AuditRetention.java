package jp.madoguchi.audit;

import java.time.Instant;

/**
 * Retention of the audit trail itself, for the administration module's purge job. Only a
 * prefix of the chain can go, and an anchor (id and hash of the last purged event) stays
 * behind, so {@link AuditLog#verify()} keeps checking every remaining event.
 */
public interface AuditRetention {

	/** How many events occurred before the cutoff and would be purged. */
	long countBefore(Instant cutoff);

	/**
	 * Purges the events that occurred before the cutoff and records {@code AUDIT_PURGED}.
	 * Joins the caller's transaction; takes the chain head's lock, so call it last.
	 */
	AuditPurge purgeBefore(Instant cutoff);

	/**
	 * @param purged how many events were removed
	 * @param throughId the last removed event (the new anchor), 0 when none
	 */
	record AuditPurge(long purged, long throughId) {

	}

}
