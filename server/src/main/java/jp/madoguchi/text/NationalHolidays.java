package jp.madoguchi.text;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 国民の祝日 computed from 国民の祝日に関する法律 as it stands since 2020, for a process without the
 * holiday master (the public site) and for years the master does not list yet. Exact for
 * 2020 to 2099: the equinox days use the usual approximation of the astronomical dates
 * (which the Cabinet Office fixes each February), and 2020/2021 carry the days the
 * Olympic special measures moved. Names follow the Cabinet Office list, where a
 * substitute holiday (振替休日, §3 ②) and the day between two holidays (§3 ③) are both "休日".
 */
public final class NationalHolidays {

	private static final Map<Integer, NavigableMap<LocalDate, String>> YEARS = new ConcurrentHashMap<>();

	private NationalHolidays() {
	}

	public static boolean isHoliday(LocalDate day) {
		return of(day.getYear()).containsKey(day);
	}

	/** The holidays of the year with their names, in date order. */
	public static NavigableMap<LocalDate, String> of(int year) {
		return YEARS.computeIfAbsent(year, NationalHolidays::compute);
	}

	private static NavigableMap<LocalDate, String> compute(int year) {
		TreeMap<LocalDate, String> days = new TreeMap<>();
		days.put(LocalDate.of(year, 1, 1), "元日");
		days.put(monday(year, Month.JANUARY, 2), "成人の日");
		days.put(LocalDate.of(year, 2, 11), "建国記念の日");
		days.put(LocalDate.of(year, 2, 23), "天皇誕生日");
		days.put(LocalDate.of(year, 3, equinox(year, 20.8431)), "春分の日");
		days.put(LocalDate.of(year, 4, 29), "昭和の日");
		days.put(LocalDate.of(year, 5, 3), "憲法記念日");
		days.put(LocalDate.of(year, 5, 4), "みどりの日");
		days.put(LocalDate.of(year, 5, 5), "こどもの日");
		if (year == 2020) {
			days.put(LocalDate.of(year, 7, 23), "海の日");
			days.put(LocalDate.of(year, 7, 24), "スポーツの日");
			days.put(LocalDate.of(year, 8, 10), "山の日");
		}
		else if (year == 2021) {
			days.put(LocalDate.of(year, 7, 22), "海の日");
			days.put(LocalDate.of(year, 7, 23), "スポーツの日");
			days.put(LocalDate.of(year, 8, 8), "山の日");
		}
		else {
			days.put(monday(year, Month.JULY, 3), "海の日");
			days.put(LocalDate.of(year, 8, 11), "山の日");
			days.put(monday(year, Month.OCTOBER, 2), "スポーツの日");
		}
		days.put(monday(year, Month.SEPTEMBER, 3), "敬老の日");
		days.put(LocalDate.of(year, 9, equinox(year, 23.2488)), "秋分の日");
		days.put(LocalDate.of(year, 11, 3), "文化の日");
		days.put(LocalDate.of(year, 11, 23), "勤労感謝の日");
		// §3 ③: a day between two holidays (the law's own ones) is a holiday too.
		TreeMap<LocalDate, String> between = new TreeMap<>();
		for (LocalDate day : days.keySet()) {
			LocalDate next = day.plusDays(1);
			if (!days.containsKey(next) && days.containsKey(next.plusDays(1))
					&& next.getDayOfWeek() != DayOfWeek.SUNDAY) {
				between.put(next, "休日");
			}
		}
		days.putAll(between);
		// §3 ②: a holiday on a Sunday moves to the nearest following day that is none.
		TreeMap<LocalDate, String> substitutes = new TreeMap<>();
		for (LocalDate day : days.keySet()) {
			if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
				LocalDate substitute = day.plusDays(1);
				while (days.containsKey(substitute)) {
					substitute = substitute.plusDays(1);
				}
				substitutes.put(substitute, "休日");
			}
		}
		days.putAll(substitutes);
		return Collections.unmodifiableNavigableMap(days);
	}

	private static LocalDate monday(int year, Month month, int nth) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(nth, DayOfWeek.MONDAY));
	}

	/** The equinox day of March or September, by the usual formula for 1980–2099. */
	private static int equinox(int year, double base) {
		int since = year - 1980;
		return (int) Math.floor(base + 0.242194 * since - Math.floor(since / 4.0));
	}

}
