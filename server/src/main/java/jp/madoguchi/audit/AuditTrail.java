package jp.madoguchi.audit;

/**
 * The one small API through which every module records an audit event. The actor,
 * terminal and IP address come from the current request and security context unless the
 * entry names them. An event recorded inside a transaction commits or rolls back with it.
 */
public interface AuditTrail {

	void record(AuditEntry entry);

}
