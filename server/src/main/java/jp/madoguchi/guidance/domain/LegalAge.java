package jp.madoguchi.guidance.domain;

import java.time.LocalDate;
import java.time.Month;

import org.jspecify.annotations.Nullable;

/**
 * Ages and school cohorts as Japanese law counts them (docs/design/domain.md §5). Under
 * 年齢計算ニ関スル法律 a person reaches age N at the end of the day before the N-th birthday: that
 * day is the "day of reaching" (年齢到達日), and from the birthday on the person is N. A child
 * born on 29 February reaches their age at the end of 28 February in common years.
 */
final class LegalAge {

	private LegalAge() {
	}

	/** The first day on which the person is {@code years} old. */
	public static LocalDate birthday(LocalDate born, int years) {
		LocalDate day = born.plusYears(years);
		if (born.getMonth() == Month.FEBRUARY && born.getDayOfMonth() == 29 && day.getDayOfMonth() == 28) {
			return day.plusDays(1);
		}
		return day;
	}

	/** 年齢到達日: the day at whose end the person reaches {@code years}. */
	public static LocalDate reachedOn(LocalDate born, int years) {
		return birthday(born, years).minusDays(1);
	}

	/**
	 * The age on a day (the birthday counts), or null before birth. This is the age of
	 * 後期高齢者医療, which starts on the 75th birthday itself.
	 */
	public static @Nullable Integer age(LocalDate born, LocalDate on) {
		if (on.isBefore(born)) {
			return null;
		}
		int years = on.getYear() - born.getYear();
		return birthday(born, years).isAfter(on) ? years - 1 : years;
	}

	/**
	 * Whether the person has reached {@code years} on the day, counting the day of
	 * reaching itself: 介護保険 第1号被保険者 start on the day before the 65th birthday.
	 */
	public static boolean hasReached(LocalDate born, int years, LocalDate on) {
		return !on.isBefore(reachedOn(born, years));
	}

	/**
	 * The last day of the school year (April–March) in which the person reaches
	 * {@code years}: the first 31 March on or after the day of reaching.
	 */
	public static LocalDate endOfSchoolYearReaching(LocalDate born, int years) {
		LocalDate reached = reachedOn(born, years);
		LocalDate march31 = LocalDate.of(reached.getYear(), Month.MARCH, 31);
		return reached.isAfter(march31) ? march31.plusYears(1) : march31;
	}

	/**
	 * Whether the day is on or after birth and no later than
	 * {@link #endOfSchoolYearReaching}.
	 */
	public static boolean untilEndOfSchoolYearReaching(LocalDate born, int years, LocalDate on) {
		return !on.isBefore(born) && !on.isAfter(endOfSchoolYearReaching(born, years));
	}

	/**
	 * 就学: the first 1 April after the person reached 6 (学校教育法 §17). Born 2020-04-01,
	 * school starts 2026-04-01; born 2020-04-02, it starts 2027-04-01.
	 */
	public static LocalDate schoolStart(LocalDate born) {
		LocalDate sixth = birthday(born, 6);
		LocalDate april1 = LocalDate.of(sixth.getYear(), Month.APRIL, 1);
		return sixth.isAfter(april1) ? april1.plusYears(1) : april1;
	}

	/**
	 * The end of compulsory school: the end of the school year in which 15 is reached.
	 */
	public static LocalDate schoolEnd(LocalDate born) {
		return endOfSchoolYearReaching(born, 15);
	}

	/** 学齢: in compulsory school age on the day. */
	public static boolean schoolAge(LocalDate born, LocalDate on) {
		return !on.isBefore(schoolStart(born)) && !on.isAfter(schoolEnd(born));
	}

	/** Born and not yet of school age. */
	public static boolean preschool(LocalDate born, LocalDate on) {
		return !on.isBefore(born) && on.isBefore(schoolStart(born));
	}

	/** The grade in compulsory school, 1 (小1) to 9 (中3), or null outside school age. */
	public static @Nullable Integer schoolGrade(LocalDate born, LocalDate on) {
		if (!schoolAge(born, on)) {
			return null;
		}
		return schoolYear(on) - schoolYear(schoolStart(born)) + 1;
	}

	/**
	 * 児童手当の支給対象 since October 2024: until the first 31 March on or after reaching 18.
	 */
	public static boolean childAllowanceAge(LocalDate born, LocalDate on) {
		return untilEndOfSchoolYearReaching(born, 18, on);
	}

	/** The school (and fiscal) year a day belongs to, named by the year of its April. */
	public static int schoolYear(LocalDate day) {
		return (day.getMonthValue() >= 4) ? day.getYear() : day.getYear() - 1;
	}

}
