package jp.madoguchi.text;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The city's closed days (地方公共団体の休日, 地方自治法 §4-2 ①②): the days its ordinance closes the
 * office, whatever hours a counter keeps. A period of the law that ends on such a day
 * ends on the next day that is not one (§4-2 ④). The counter's implementation reads the
 * holiday master and the ordinance's rule from the database
 * ({@code admin.HolidayService}); a process without a database uses {@link #standard()}.
 */
public interface ClosedDays {

	/** Far enough for any run of closed days; stops a loop over a broken master. */
	int MAX_CLOSED_RUN = 366;

	boolean isClosed(LocalDate day);

	/**
	 * The hours of a special opening on this day (特別開庁日): a closed day the counters open
	 * all the same (休日開庁, e.g. Sundays of the moving season), or a business day with
	 * hours of its own. It does not make a closed day a business day for the law's
	 * periods: {@link #deadline} still passes over it (地方自治法 §4-2 ④ counts the
	 * ordinance's closed days, not the hours kept).
	 */
	default Optional<CounterHours.Span> specialOpening(LocalDate day) {
		return Optional.empty();
	}

	/** Whether the counters open on this day: not closed, or opened specially. */
	default boolean opensOn(LocalDate day) {
		return specialOpening(day).isPresent() || !isClosed(day);
	}

	/**
	 * The counters' hours on this day: a special opening's, none on another closed day,
	 * else the weekday's.
	 */
	default Optional<CounterHours.Span> hoursOn(LocalDate day, CounterHours weekly) {
		Optional<CounterHours.Span> special = specialOpening(day);
		if (special.isPresent()) {
			return special;
		}
		return isClosed(day) ? Optional.empty() : weekly.on(day.getDayOfWeek());
	}

	/**
	 * The last day a period ending on {@code lastDay} can still be kept: the day itself
	 * if the office is open, else the next day it is (地方自治法 §4-2 ④).
	 */
	default LocalDate deadline(LocalDate lastDay) {
		LocalDate candidate = lastDay;
		for (int i = 0; i < MAX_CLOSED_RUN; i++) {
			if (!isClosed(candidate)) {
				return candidate;
			}
			candidate = candidate.plusDays(1);
		}
		throw new IllegalStateException("No open day within a year after " + lastDay);
	}

	/**
	 * The usual ordinance ({@link ClosedDayRule#STANDARD}) with the national holidays
	 * computed from the law's rules ({@link NationalHolidays}).
	 */
	static ClosedDays standard() {
		return day -> ClosedDayRule.STANDARD.closes(day, NationalHolidays.isHoliday(day));
	}

}
