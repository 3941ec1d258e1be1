package jp.madoguchi.retention;

import java.time.LocalDate;

/**
 * Implemented by every module that keeps personal data (a Spring bean in that module), so
 * that the retention job of this module can purge it without reading other modules'
 * tables. See docs/retention.md.
 * <p>
 * The module decides which date of a record retention counts from (a filing date, the day
 * of a reception) and honours its own legal-hold flag. Both methods run inside the
 * retention job's transaction, on its thread.
 * <p>
 * When other modules keep rows that belong to the purged records (print jobs of a
 * notification), {@link #purge} publishes an event of its own module naming what it
 * deleted, e.g. {@code moving.NotificationsPurged}. Those modules handle it in a plain,
 * synchronous {@code @EventListener}: their deletions run in the same transaction, so
 * they commit or roll back with the purge, and a legal hold on the record keeps its
 * dependents too. A listener reports what it deleted by publishing
 * {@link DependentsPurged}; the run counts and audits that like a target. The event must
 * not be handled after commit ({@code @TransactionalEventListener},
 * {@code @ApplicationModuleListener}): a crash in between would leave the dependents
 * behind forever, as nothing would name them again.
 */
public interface Purgeable {

	/**
	 * Stable name of what is purged, {@code <module>.<records>}, e.g.
	 * {@code moving.notifications}.
	 */
	String target();

	/** How many records date from before the cutoff and are not on legal hold. */
	long countDue(LocalDate cutoff);

	/** Deletes those records (with their dependent rows) and returns how many. */
	long purge(LocalDate cutoff);

}
