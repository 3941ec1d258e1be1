package jp.madoguchi.audit;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What happened, to which record, with which result.
 *
 * @param action stable upper-case code, e.g. {@code LOGIN}, {@code USER_CREATED},
 * {@code NOTIFICATION_VIEWED}
 * @param subject the record concerned, as {@code type:id} (e.g. {@code user:tanaka}), or
 * null
 * @param outcome whether the action succeeded, failed or was denied
 * @param detail short free text without personal data beyond what identifies the subject
 * @param actor who acted; null means the signed-in user of the current request
 */
public record AuditEntry(String action, @Nullable String subject, AuditOutcome outcome, @Nullable String detail,
		@Nullable String actor) {

	public AuditEntry {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(outcome, "outcome");
	}

	public static AuditEntry success(String action, @Nullable String subject) {
		return new AuditEntry(action, subject, AuditOutcome.SUCCESS, null, null);
	}

	public static AuditEntry success(String action, @Nullable String subject, @Nullable String detail) {
		return new AuditEntry(action, subject, AuditOutcome.SUCCESS, detail, null);
	}

	public static AuditEntry failure(String action, @Nullable String subject, @Nullable String detail) {
		return new AuditEntry(action, subject, AuditOutcome.FAILURE, detail, null);
	}

	public static AuditEntry denied(String action, @Nullable String subject, @Nullable String detail) {
		return new AuditEntry(action, subject, AuditOutcome.DENIED, detail, null);
	}

	/**
	 * The same entry, attributed to an explicit actor (e.g. the user name typed at
	 * login).
	 */
	public AuditEntry by(@Nullable String actor) {
		return new AuditEntry(action, subject, outcome, detail, actor);
	}

}
