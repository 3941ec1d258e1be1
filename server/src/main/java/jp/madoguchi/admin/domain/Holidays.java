package jp.madoguchi.admin.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Public holidays and the city office's business days, for deadlines (a deadline that
 * falls on a closed day moves to the next business day) and statistics.
 * <p>
 * A business day is not a closed day of the city's ordinance
 * ({@link jp.madoguchi.text.ClosedDays}): a Sunday, a public holiday (the master, seeded
 * from the Cabinet Office list), and as the ordinance's rule says a Saturday and the
 * year-end/new-year days (12/29–1/3 by default).
 */
public interface Holidays {

	boolean isHoliday(LocalDate day);

	boolean isBusinessDay(LocalDate day);

	/** The day itself if it is a business day, else the next one. */
	LocalDate businessDayOnOrAfter(LocalDate day);

	/**
	 * The business day {@code days} business days after the given day (0: the day itself,
	 * moved forward).
	 */
	LocalDate addBusinessDays(LocalDate day, int days);

	/** Holidays between the two days, inclusive, in date order. */
	List<Holiday> between(LocalDate from, LocalDate to);

	record Holiday(LocalDate day, String name, String source) {

	}

}
