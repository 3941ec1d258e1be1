package jp.madoguchi.retention.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditRetention;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.retention.DependentsPurged;
import jp.madoguchi.retention.PendingPurges;
import jp.madoguchi.retention.Purgeable;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purges what is past retention. Runs once across instances: the whole run is one
 * transaction holding a PostgreSQL advisory lock (released with the transaction, even if
 * the instance dies), and a scheduled run does nothing if one already ran that day.
 * ShedLock would do the same with one more table and dependency; the advisory lock needs
 * neither.
 */
@Service
public class RetentionService implements PendingPurges {

	/** "madoguch" in ASCII: the advisory lock of the purge, shared by all instances. */
	static final long LOCK_KEY = 0x6d61646f67756368L;

	static final String AUDIT_TARGET = "audit.events";

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private final RetentionStore store;

	private final List<Purgeable> purgeables;

	private final AuditRetention auditRetention;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	/** The dependents reported during the run on this thread, if one is running. */
	private final ThreadLocal<@Nullable Map<String, Long>> collecting = new ThreadLocal<>();

	RetentionService(RetentionStore store, List<Purgeable> purgeables, AuditRetention auditRetention, AuditTrail audit,
			JdbcClient jdbc, Clock clock) {
		this.store = store;
		this.purgeables = purgeables.stream().sorted(Comparator.comparing(Purgeable::target)).toList();
		this.auditRetention = auditRetention;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public enum Trigger {

		SCHEDULED, MANUAL

	}

	/** The cutoffs that apply today under the current settings. */
	public record Cutoffs(LocalDate records, LocalDate audit) {

		Instant auditInstant() {
			return audit.atStartOfDay(TOKYO).toInstant();
		}

	}

	@Transactional(readOnly = true)
	public RetentionSettings settings() {
		return store.settings();
	}

	@Transactional
	public RetentionSettings update(RetentionSettings settings, String actor) {
		if (settings.recordsYears() < 1 || settings.recordsYears() > 100) {
			throw invalid("recordsYears");
		}
		if (settings.auditYears() < 2 || settings.auditYears() > 100) {
			throw invalid("auditYears");
		}
		if (settings.fiscalYearStartMonth() < 1 || settings.fiscalYearStartMonth() > 12) {
			throw invalid("fiscalYearStartMonth");
		}
		RetentionSettings before = store.settings();
		store.save(settings, actor, clock.instant());
		audit
			.record(AuditEntry.success("RETENTION_SETTINGS_CHANGED", "retention:settings", before + " -> " + settings));
		return settings;
	}

	public Cutoffs cutoffs(RetentionSettings settings) {
		LocalDate today = LocalDate.now(clock.withZone(TOKYO));
		return new Cutoffs(FiscalYears.cutoff(today, settings.recordsYears(), settings.fiscalYearStartMonth()),
				FiscalYears.cutoff(today, settings.auditYears(), settings.fiscalYearStartMonth()));
	}

	/** What a run would purge now, per target (the health page's "pending purge"). */
	@Override
	@Transactional(readOnly = true)
	public Map<String, Long> pending() {
		Cutoffs cutoffs = cutoffs(store.settings());
		Map<String, Long> due = new LinkedHashMap<>();
		for (Purgeable purgeable : purgeables) {
			due.put(purgeable.target(), purgeable.countDue(cutoffs.records()));
		}
		due.put(AUDIT_TARGET, auditRetention.countBefore(cutoffs.auditInstant()));
		return due;
	}

	/**
	 * Purges everything past retention and not on hold, audits each target and stores the
	 * run; empty when another instance holds the lock or the day's scheduled run is done.
	 */
	@Transactional
	public Optional<PurgeRun> run(Trigger trigger, @Nullable String actor) {
		Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single();
		LocalDate today = LocalDate.now(clock.withZone(TOKYO));
		if (!Boolean.TRUE.equals(locked) || (trigger == Trigger.SCHEDULED && store.ranScheduledOn(today))) {
			return Optional.empty();
		}
		Instant started = clock.instant();
		Cutoffs cutoffs = cutoffs(store.settings());
		Map<String, Long> counts = new LinkedHashMap<>();
		Map<String, Long> dependents = new LinkedHashMap<>();
		collecting.set(dependents);
		try {
			for (Purgeable purgeable : purgeables) {
				long purged = purgeable.purge(cutoffs.records());
				counts.put(purgeable.target(), purged);
				audited(purgeable.target(), cutoffs.records(), purged, actor);
				// what other modules deleted along with this target's records
				dependents.forEach((target, count) -> {
					counts.merge(target, count, Long::sum);
					audited(target, cutoffs.records(), count, actor);
				});
				dependents.clear();
			}
		}
		finally {
			collecting.remove();
		}
		// last: it takes the audit chain head's lock, which must be the last lock taken
		counts.put(AUDIT_TARGET, auditRetention.purgeBefore(cutoffs.auditInstant()).purged());
		PurgeRun run = new PurgeRun(0, today, started, clock.instant(), trigger.name(), actor, cutoffs.records(),
				cutoffs.audit(), counts);
		long id = store.add(run);
		return Optional.of(new PurgeRun(id, run.runOn(), run.startedAt(), run.finishedAt(), run.trigger(), actor,
				run.recordsCutoff(), run.auditCutoff(), counts));
	}

	/**
	 * Rows other modules deleted with a target's records (synchronously, on the run's
	 * thread); outside a run there is nothing to report.
	 */
	@EventListener
	public void onDependentsPurged(DependentsPurged purged) {
		Map<String, Long> dependents = collecting.get();
		if (dependents != null) {
			dependents.merge(purged.target(), purged.purged(), Long::sum);
		}
	}

	private void audited(String target, LocalDate cutoff, long purged, @Nullable String actor) {
		audit.record(new AuditEntry("RETENTION_PURGED", "retention:" + target, jp.madoguchi.audit.AuditOutcome.SUCCESS,
				"cutoff=" + cutoff + " purged=" + purged, actor(actor)));
	}

	@Transactional(readOnly = true)
	public List<PurgeRun> recentRuns() {
		return store.recent(50);
	}

	private static String actor(@Nullable String actor) {
		return (actor != null) ? actor : "system";
	}

	private static ProblemException invalid(String field) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_RETENTION_SETTINGS",
				Map.of("field", field))
			.because(field);
	}

}
