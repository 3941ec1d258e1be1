package jp.madoguchi.audit.domain;

import java.util.List;
import java.util.function.Consumer;

import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditQuery;

/** The stored chain: {@code audit.events} and {@code audit.chain_head}. */
public interface AuditEventRepository {

	/**
	 * The chain head, locked until the current transaction ends, so that appends
	 * serialize.
	 */
	ChainHead lockHead();

	/** The chain head as the current transaction sees it, without locking. */
	ChainHead head();

	/** Stores the event and moves the chain head to it. Needs the lock on the head. */
	void append(AuditEvent event);

	/** The newest purge anchor, {@link ChainAnchor#GENESIS} if nothing was purged. */
	ChainAnchor anchor();

	/** The newest event that occurred before the cutoff, if any. */
	java.util.Optional<AuditEvent> lastBefore(java.time.Instant cutoff);

	/** How many stored events occurred before the cutoff. */
	long countBefore(java.time.Instant cutoff);

	/**
	 * Stores the anchor and deletes the events up to it (the database checks both);
	 * returns how many were deleted.
	 */
	long purgeThrough(AuditEvent last);

	/**
	 * Events that occurred in {@code [from, to)} with an id greater than {@code afterId},
	 * in id order, at most {@code size}.
	 */
	List<AuditEvent> between(java.time.Instant from, java.time.Instant to, long afterId, int size);

	/**
	 * Every event that occurred in {@code [from, to)}, oldest first, read in pages of
	 * {@code AuditQuery.MAX_LIMIT}, so a period of years needs no more memory than one
	 * page; returns how many there were.
	 */
	default long forEachBetween(java.time.Instant from, java.time.Instant to, Consumer<AuditEvent> action) {
		long after = 0;
		long count = 0;
		List<AuditEvent> page;
		do {
			page = between(from, to, after, AuditQuery.MAX_LIMIT);
			for (AuditEvent event : page) {
				action.accept(event);
				after = event.id();
				count++;
			}
		}
		while (page.size() == AuditQuery.MAX_LIMIT);
		return count;
	}

	/** Events with an id greater than {@code afterId}, in id order. */
	List<AuditEvent> after(long afterId, int size);

	/**
	 * Events matching the query with an id lower than {@code beforeId}, newest first, at
	 * most {@code query.limit()}.
	 */
	List<AuditEvent> search(AuditQuery query, long beforeId);

	/**
	 * Every event matching the query's filters (ignoring its limit), newest first, read
	 * in pages; returns how many there were.
	 */
	default long forEach(AuditQuery query, Consumer<AuditEvent> action) {
		AuditQuery paged = query.withLimit(AuditQuery.MAX_LIMIT);
		long before = Long.MAX_VALUE;
		long count = 0;
		List<AuditEvent> page;
		do {
			page = search(paged, before);
			for (AuditEvent event : page) {
				action.accept(event);
				before = event.id();
				count++;
			}
		}
		while (page.size() == paged.limit());
		return count;
	}

}
