package jp.madoguchi.retention.domain;

import java.time.LocalDate;

/**
 * Japanese fiscal years (年度): FY N runs from the 1st of the start month (April) of N to
 * the day before that month in N+1. Retention is counted the usual way of 文書の保存期間: from
 * the start of the fiscal year after the one a record dates from.
 */
public final class FiscalYears {

	private FiscalYears() {
	}

	/** The first day of the fiscal year that contains the date. */
	public static LocalDate startOf(LocalDate date, int startMonth) {
		LocalDate start = LocalDate.of(date.getYear(), startMonth, 1);
		return date.isBefore(start) ? start.minusYears(1) : start;
	}

	/**
	 * Records dated before the returned day are past retention on {@code today}: a record
	 * of FY N is kept through FY N+years and purged from the first day of FY N+years+1.
	 */
	public static LocalDate cutoff(LocalDate today, int years, int startMonth) {
		return startOf(today, startMonth).minusYears(years);
	}

}
