package jp.madoguchi.audit;

import java.util.List;

/**
 * Read side of the audit trail, for auditors' screens and operational checks. Reading
 * through this facade is not itself audited: callers that show the trail to a person
 * record that ({@code AUDIT_SEARCHED}, {@code AUDIT_VERIFIED}, ...) through
 * {@link AuditTrail}.
 */
public interface AuditLog {

	/** Events matching the query, newest first. */
	List<AuditEvent> search(AuditQuery query);

	/**
	 * Checks every stored event against its hash and its predecessor, in id order, and
	 * the newest against the chain head. Reads in pages, so the chain may be of any
	 * length.
	 */
	AuditVerification verify();

}
