package jp.madoguchi.retention;

import java.util.Map;

/** What the retention purge would delete if it ran now (the health page shows it). */
public interface PendingPurges {

	/**
	 * Per target ({@code <module>.<records>}, e.g. {@code moving.notifications}, and
	 * {@code audit.events}), how many records are past retention and not on legal hold.
	 */
	Map<String, Long> pending();

}
