package jp.madoguchi.audit.domain;

import java.util.List;

import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditVerification;
import jp.madoguchi.audit.AuditVerification.BreakKind;

/**
 * Walks the chain in id order, a page at a time, and stops at the first event that is
 * altered, missing or wrongly linked. Ids are gapless by construction (the chain head
 * hands them out under a lock, and a rolled-back append rolls back the head too), so a
 * gap is a removal. Events behind a purge anchor (retention) are not expected.
 */
final class ChainVerifier {

	private ChainVerifier() {
	}

	/** Reads stored events with an id greater than {@code afterId}, in id order. */
	@FunctionalInterface
	public interface EventPages {

		List<AuditEvent> after(long afterId, int size);

	}

	public static AuditVerification verify(ChainHead head, EventPages pages, int pageSize, ChainKey key) {
		return verify(ChainAnchor.GENESIS, head, pages, pageSize, key);
	}

	/**
	 * Verifies the events after the anchor: the first must carry the anchor's hash as its
	 * predecessor, exactly as if the purged events were still there.
	 */
	public static AuditVerification verify(ChainAnchor anchor, ChainHead head, EventPages pages, int pageSize,
			ChainKey key) {
		long expectedId = anchor.throughId() + 1;
		String previousHash = anchor.throughHash();
		long checked = 0;
		List<AuditEvent> page;
		do {
			page = pages.after(expectedId - 1, pageSize);
			for (AuditEvent event : page) {
				if (event.id() != expectedId) {
					return AuditVerification.broken(checked, expectedId, BreakKind.MISSING);
				}
				checked++;
				if (!key.hashOf(event).equals(event.hash())) {
					return AuditVerification.broken(checked, event.id(), BreakKind.ALTERED);
				}
				if (!event.prevHash().equals(previousHash)) {
					return AuditVerification.broken(checked, event.id(), BreakKind.LINK_BROKEN);
				}
				if (event.id() > head.lastId()) {
					return AuditVerification.broken(checked, event.id(), BreakKind.HEAD_MISMATCH);
				}
				previousHash = event.hash();
				expectedId++;
			}
		}
		while (page.size() == pageSize);
		if (head.lastId() >= expectedId) {
			// the newest events are gone: only the head still remembers them
			return AuditVerification.broken(checked, expectedId, BreakKind.MISSING);
		}
		if (!head.lastHash().equals(previousHash)) {
			return AuditVerification.broken(checked, head.lastId(), BreakKind.HEAD_MISMATCH);
		}
		return AuditVerification.intact(checked);
	}

	/**
	 * Holds an intact chain against the head exported outside the database: the exported
	 * event must still be there with the same hash, unless retention purged it since.
	 */
	public static AuditVerification compare(AuditVerification chain, ChainHeadExport.ExportedHead exported,
			ChainAnchor anchor, ChainHead head, EventPages pages) {
		if (!chain.valid() || exported.lastId() <= anchor.throughId()) {
			return chain;
		}
		if (exported.lastId() > head.lastId()) {
			return AuditVerification.broken(chain.checked(), exported.lastId(), BreakKind.EXPORT_MISMATCH);
		}
		List<AuditEvent> event = pages.after(exported.lastId() - 1, 1);
		if (event.isEmpty() || event.get(0).id() != exported.lastId()
				|| !event.get(0).hash().equals(exported.lastHash())) {
			return AuditVerification.broken(chain.checked(), exported.lastId(), BreakKind.EXPORT_MISMATCH);
		}
		return chain;
	}

}
