package jp.madoguchi.card;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The licence's dates: seven ASCII digits, an era code (1 明治, 2 大正, 3 昭和, 4 平成, 5 令和)
 * then YYMMDD in that era. A small table of its own: the card library is plain Java and
 * does not depend on the server's text module.
 */
public final class JapaneseEra {

	/** First day of each era, indexed by the licence's era code. */
	private static final LocalDate[] STARTS = { null, LocalDate.of(1868, 10, 23), LocalDate.of(1912, 7, 30),
			LocalDate.of(1926, 12, 25), LocalDate.of(1989, 1, 8), LocalDate.of(2019, 5, 1) };

	private JapaneseEra() {
	}

	/**
	 * @throws IllegalArgumentException for a malformed code or a day outside its era
	 * (e.g. 令和1年4月30日)
	 */
	public static LocalDate parse(String code) {
		if (code.length() != 7 || !code.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new IllegalArgumentException("An era date is seven digits");
		}
		int era = code.charAt(0) - '0';
		if (era < 1 || era >= STARTS.length) {
			throw new IllegalArgumentException("Unknown era code " + era);
		}
		int year = Integer.parseInt(code.substring(1, 3));
		if (year < 1) {
			throw new IllegalArgumentException("Era years start at 1");
		}
		LocalDate date;
		try {
			date = LocalDate.of(STARTS[era].getYear() + year - 1, Integer.parseInt(code.substring(3, 5)),
					Integer.parseInt(code.substring(5, 7)));
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("Not a calendar date", ex);
		}
		boolean beforeStart = date.isBefore(STARTS[era]);
		boolean afterEnd = era + 1 < STARTS.length && !date.isBefore(STARTS[era + 1]);
		if (beforeStart || afterEnd) {
			throw new IllegalArgumentException("The day is outside its era");
		}
		return date;
	}

	/** The licence's code for a date (the latest era the date falls in). */
	public static String format(LocalDate date) {
		for (int era = STARTS.length - 1; era >= 1; era--) {
			if (!date.isBefore(STARTS[era])) {
				int year = date.getYear() - STARTS[era].getYear() + 1;
				if (year > 99) {
					throw new IllegalArgumentException("Year " + year + " of the era does not fit two digits");
				}
				return String.format("%d%02d%02d%02d", era, year, date.getMonthValue(), date.getDayOfMonth());
			}
		}
		throw new IllegalArgumentException("Before 明治");
	}

}
