package jp.madoguchi.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Filters for searching the audit trail; a null member does not filter.
 *
 * @param actor exact user name
 * @param subject exact subject, or a prefix when it ends with {@code *} (e.g.
 * {@code user:*})
 * @param action exact action code
 * @param outcome the result
 * @param from earliest time, inclusive
 * @param to latest time, inclusive
 * @param limit how many events at most, newest first
 */
public record AuditQuery(@Nullable String actor, @Nullable String subject, @Nullable String action,
		@Nullable AuditOutcome outcome, @Nullable Instant from, @Nullable Instant to, int limit) {

	public static final int DEFAULT_LIMIT = 100;

	public static final int MAX_LIMIT = 1000;

	public AuditQuery {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " but was " + limit);
		}
	}

	/** Whether the subject filter is a prefix ({@code type:*}) rather than exact. */
	public boolean subjectIsPrefix() {
		return subject != null && subject.endsWith("*");
	}

	/** The same filters with another limit. */
	public AuditQuery withLimit(int limit) {
		return new AuditQuery(actor, subject, action, outcome, from, to, limit);
	}

}
