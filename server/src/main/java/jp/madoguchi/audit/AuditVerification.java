package jp.madoguchi.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking the whole hash chain.
 *
 * @param valid whether every stored event is unaltered and none is missing
 * @param checked how many stored events were examined (up to and including the first
 * broken one)
 * @param firstBrokenEventId the first event that was altered or removed, or whose link to
 * its predecessor does not hold; null when valid
 * @param breakKind what is wrong with that event; null when valid
 */
public record AuditVerification(boolean valid, long checked, @Nullable Long firstBrokenEventId,
		@Nullable BreakKind breakKind) {

	public static AuditVerification intact(long checked) {
		return new AuditVerification(true, checked, null, null);
	}

	public static AuditVerification broken(long checked, long eventId, BreakKind kind) {
		return new AuditVerification(false, checked, eventId, kind);
	}

	/** How the chain is broken at the first broken event. */
	public enum BreakKind {

		/** The event's content no longer matches its hash: it was altered. */
		ALTERED,
		/** The event does not carry its predecessor's hash: the chain was rewritten. */
		LINK_BROKEN,
		/**
		 * No event is stored under this id although later events or the chain head need
		 * it: it was removed.
		 */
		MISSING,
		/**
		 * The newest event is not the one the chain head records, or events exist beyond
		 * the head.
		 */
		HEAD_MISMATCH,
		/**
		 * The chain no longer holds the head exported outside the database: events were
		 * removed from its end, or rewritten, and the head was rewritten to match.
		 */
		EXPORT_MISMATCH

	}

}
