package jp.madoguchi.statistics.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import jp.madoguchi.platform.ProblemException;

/** What every statistic shares: the period rule, Tokyo time and the hour keys. */
final class StatisticsPeriod {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	/** A year and a day: a whole fiscal year fits, a leap year too. */
	static final int MAX_DAYS = 366;

	private StatisticsPeriod() {
	}

	/**
	 * The period rule every statistic shares: in order, at most {@value #MAX_DAYS} days.
	 */
	static void check(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw ProblemException.invalid("INVALID_PERIOD");
		}
		if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw ProblemException.invalid("PERIOD_TOO_LONG", String.valueOf(MAX_DAYS));
		}
	}

	static String hourKey(int hour) {
		return String.format("%02d", hour);
	}

}
