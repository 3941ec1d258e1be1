package jp.madoguchi.admin;

import java.time.LocalDate;

/**
 * Implemented by every module that keeps personal data (a Spring bean in that module), so
 * that the retention job of this module can purge it without reading other modules'
 * tables. See docs/retention.md.
 * <p>
 * The module decides which date of a record retention counts from (a filing date, the day
 * a reception ended) and honours its own legal-hold flag. Both methods run inside the
 * retention job's transaction; {@link #purge} deletes and must not publish events that
 * others would need to act on before the commit.
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
