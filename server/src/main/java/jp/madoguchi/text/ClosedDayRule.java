package jp.madoguchi.text;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * What a city's 休日条例 closes besides national holidays and Sundays: Saturdays (closed in
 * almost every city, even where a counter opens on some Saturdays: opening hours do not
 * make a closed day an open one) and the year-end days, a range that may run over the new
 * year.
 *
 * @param saturdaysClosed whether Saturdays are closed days
 * @param yearEndFrom the first year-end closed day, e.g. 12/29
 * @param yearEndTo the last one, e.g. 1/3 (before {@code yearEndFrom} when the range
 * crosses the new year)
 */
public record ClosedDayRule(boolean saturdaysClosed, MonthDay yearEndFrom, MonthDay yearEndTo) {

	/** Saturdays, Sundays, national holidays and 12/29–1/3: the common ordinance. */
	public static final ClosedDayRule STANDARD = new ClosedDayRule(true, MonthDay.of(12, 29), MonthDay.of(1, 3));

	/** Whether the day is in the year-end range. */
	public boolean isYearEnd(LocalDate day) {
		MonthDay monthDay = MonthDay.from(day);
		if (!yearEndTo.isBefore(yearEndFrom)) {
			return !monthDay.isBefore(yearEndFrom) && !monthDay.isAfter(yearEndTo);
		}
		return !monthDay.isBefore(yearEndFrom) || !monthDay.isAfter(yearEndTo);
	}

	/** Whether the ordinance closes the day, given whether it is a national holiday. */
	public boolean closes(LocalDate day, boolean nationalHoliday) {
		DayOfWeek weekday = day.getDayOfWeek();
		return nationalHoliday || weekday == DayOfWeek.SUNDAY || (saturdaysClosed && weekday == DayOfWeek.SATURDAY)
				|| isYearEnd(day);
	}

}
