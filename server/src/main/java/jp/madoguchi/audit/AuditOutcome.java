package jp.madoguchi.audit;

/** The result of an audited action. */
public enum AuditOutcome {

	SUCCESS, FAILURE, DENIED

}
