package jp.madoguchi.retention.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code retention.retention_settings} and the purge run reports. */
public interface RetentionStore {

	RetentionSettings settings();

	void save(RetentionSettings settings, String actor, Instant at);

	boolean ranScheduledOn(LocalDate day);

	/** Stores the run with its counts and returns its id. */
	long add(PurgeRun run);

	/** The latest runs, newest first, with their counts. */
	List<PurgeRun> recent(int limit);

}
