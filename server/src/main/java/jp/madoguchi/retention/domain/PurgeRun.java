package jp.madoguchi.retention.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The report of one purge run: when, why, the cutoffs and the count per target. */
public record PurgeRun(long id, LocalDate runOn, Instant startedAt, Instant finishedAt, String trigger,
		@Nullable String actor, LocalDate recordsCutoff, LocalDate auditCutoff, Map<String, Long> counts) {

	public long total() {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

}
