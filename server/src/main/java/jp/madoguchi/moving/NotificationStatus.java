package jp.madoguchi.moving;

/**
 * DRAFT → ACCEPTED (受理) → SENT (delivered to the resident-record system), or CANCELLED.
 */
public enum NotificationStatus {

	DRAFT, ACCEPTED, SENT, CANCELLED

}
