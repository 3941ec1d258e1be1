package jp.madoguchi.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Today's typical wait by hour, per queue: what residents can expect on a day like today.
 * Made from the same measurements as the dashboard (wait = call − entry into the queue).
 */
public interface TypicalWaits {

	/** How many weeks back the same weekday is looked at. */
	int WEEKS = 8;

	/** The fewest measured waits an hour needs to be shown. */
	int MIN_MEASUREMENTS = 3;

	/**
	 * For each queue code: the hours (Tokyo time) of {@code day}'s weekday with their
	 * median wait in whole minutes, over that weekday in the {@value #WEEKS} weeks before
	 * {@code day}; hours with fewer than {@value #MIN_MEASUREMENTS} waits are left out.
	 */
	Map<String, List<HourlyWait>> byQueue(LocalDate day);

	/** One hour's typical wait. */
	record HourlyWait(int hour, int minutes) {
	}

}
