package jp.madoguchi.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Suspicious access of the last hours (by default 24): personal data read outside counter
 * hours, bulk reads by one user, repeated failed sign-ins from one address — the patterns
 * of the PIA report. The administrator's home and the health page show them; the metric
 * {@code madoguchi_suspicious_access{pattern}} counts them.
 */
public interface AccessAlerts {

	/** The current notices, oldest first; recomputed at most once a minute. */
	List<Notice> notices();

	/** Recomputes now. */
	List<Notice> refresh();

	/**
	 * @param pattern {@code AFTER_HOURS}, {@code BULK_READS} or {@code SIGN_IN_BURSTS}
	 * @param actor the user, if the pattern is about one
	 * @param ip the client address, if the pattern is about one
	 * @param count how many audit events
	 * @param link the audit search listing them
	 */
	record Notice(String pattern, @Nullable String actor, @Nullable String ip, @Nullable String subject, Instant first,
			Instant last, long count, String link) {

	}

}
