package jp.madoguchi.audit;

/**
 * The one small API through which every module records an audit event. The actor,
 * terminal and IP address come from the current request and security context unless the
 * entry names them.
 * <p>
 * A {@link AuditOutcome#SUCCESS success} recorded inside a read-write transaction commits
 * or rolls back with it: record it next to the change it describes. A
 * {@link AuditOutcome#FAILURE failure} or {@link AuditOutcome#DENIED denial}, and any
 * entry recorded inside a read-only transaction, is stored at once and independently,
 * because the attempt happened even if the caller then throws and rolls back. Outside a
 * transaction every entry is stored in a transaction of its own.
 */
public interface AuditTrail {

	void record(AuditEntry entry);

}
