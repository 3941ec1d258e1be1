package jp.madoguchi.admin.domain;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.CsvTable;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.text.ClosedDayRule;
import jp.madoguchi.text.ClosedDays;
import jp.madoguchi.text.CounterHours;
import jp.madoguchi.text.NationalHolidays;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holiday master ({@code admin.holidays}), the ordinance's rule of closed days
 * ({@code admin.closed_day_rule}) and the business days they leave. A year whose list was
 * not loaded yet counts the national holidays from the law's rules
 * ({@link NationalHolidays}), so a deadline in it still skips them.
 */
@Service
@Transactional(readOnly = true)
public class HolidayService implements Holidays, ClosedDays {

	/** Far enough for any deadline; stops a loop over a broken master. */
	private static final int MAX_DAYS = 366 * 2;

	/** The longest year-end range an ordinance may close. */
	static final int MAX_YEAR_END_DAYS = 31;

	/** The longest range {@link #closedDaysBetween} lists. */
	static final int MAX_LISTED_DAYS = 366;

	private final HolidayStore store;

	private final AuditTrail audit;

	HolidayService(HolidayStore store, AuditTrail audit) {
		this.store = store;
		this.audit = audit;
	}

	@Override
	public boolean isHoliday(LocalDate day) {
		return store.exists(day);
	}

	@Override
	public boolean isClosed(LocalDate day) {
		boolean holiday = store.listsYear(day.getYear()) ? isHoliday(day) : NationalHolidays.isHoliday(day);
		return rule().closes(day, holiday);
	}

	@Override
	public Optional<CounterHours.Span> specialOpening(LocalDate day) {
		return store.specialOpening(day).map(SpecialOpening::hours);
	}

	/** The special openings from {@code from} to {@code to}, both included. */
	public List<SpecialOpening> specialOpenings(LocalDate from, LocalDate to) {
		return store.specialOpenings(from, to);
	}

	/**
	 * Opens the counters on a day with its own hours; times as HH:MM, the first before
	 * the second (422 INVALID_SPECIAL_OPENING naming the field), one per day (409
	 * SPECIAL_OPENING_EXISTS). Audited.
	 */
	@Transactional
	public SpecialOpening addSpecialOpening(LocalDate day, @Nullable String opens, @Nullable String closes,
			@Nullable String note, String actor) {
		LocalTime from = specialOpeningTime("opens", opens);
		LocalTime to = specialOpeningTime("closes", closes);
		if (!from.isBefore(to)) {
			throw ProblemException.invalid("INVALID_SPECIAL_OPENING").because("closes");
		}
		String clean = (note != null) ? note.strip() : "";
		if (clean.length() > SpecialOpening.NOTE_MAX_LENGTH) {
			throw ProblemException.invalid("INVALID_SPECIAL_OPENING").because("note");
		}
		SpecialOpening opening = new SpecialOpening(day, new CounterHours.Span(from, to), clean);
		try {
			store.addSpecialOpening(opening, actor);
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException.conflict("SPECIAL_OPENING_EXISTS", day.toString());
		}
		audit.record(AuditEntry.success("SPECIAL_OPENING_ADDED", "special-opening:" + day, from + "-" + to));
		return opening;
	}

	/** 404 SPECIAL_OPENING_NOT_FOUND when the day has none. Audited. */
	@Transactional
	public void removeSpecialOpening(LocalDate day) {
		if (!store.removeSpecialOpening(day)) {
			throw ProblemException.notFound("SPECIAL_OPENING_NOT_FOUND");
		}
		audit.record(AuditEntry.success("SPECIAL_OPENING_REMOVED", "special-opening:" + day, ""));
	}

	private static LocalTime specialOpeningTime(String field, @Nullable String text) {
		if (text != null && text.strip().matches("\\d{2}:\\d{2}")) {
			try {
				return LocalTime.parse(text.strip());
			}
			catch (DateTimeParseException ex) {
				// answered below
			}
		}
		throw ProblemException.invalid("INVALID_SPECIAL_OPENING").because(field);
	}

	@Override
	public boolean isBusinessDay(LocalDate day) {
		return !isClosed(day);
	}

	/** What the city's ordinance closes besides national holidays and Sundays. */
	public ClosedDayRule rule() {
		return store.rule();
	}

	/**
	 * Changes the rule; a year-end range longer than {@value #MAX_YEAR_END_DAYS} days is
	 * refused (an ordinance closes a week or so; a typo such as 12-01..11-30 would close
	 * the office all year).
	 */
	@Transactional
	public ClosedDayRule changeRule(ClosedDayRule rule, String actor) {
		if (yearEndDays(rule) > MAX_YEAR_END_DAYS) {
			throw ProblemException.invalid("YEAR_END_TOO_LONG", monthDay(rule.yearEndFrom()),
					monthDay(rule.yearEndTo()), MAX_YEAR_END_DAYS);
		}
		store.changeRule(rule, actor);
		audit.record(AuditEntry.success("CLOSED_DAY_RULE_CHANGED", "closed-day-rule",
				"saturdays=" + rule.saturdaysClosed() + " yearEnd=" + rule.yearEndFrom() + ".." + rule.yearEndTo()));
		return rule;
	}

	/**
	 * The closed days from {@code from} to {@code to} (both included, at most
	 * {@value #MAX_LISTED_DAYS} days) with why each is closed; holidays as
	 * {@link #isClosed} counts them (the master, or the law's rules for a year it does
	 * not list).
	 */
	public List<ClosedDay> closedDaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_LISTED_DAYS) {
			throw ProblemException.invalid("INVALID_CLOSED_DAY_RANGE", from, to, MAX_LISTED_DAYS);
		}
		Map<LocalDate, String> holidayNames = new HashMap<>();
		for (int year = from.getYear(); year <= to.getYear(); year++) {
			if (store.listsYear(year)) {
				store.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
					.forEach(h -> holidayNames.put(h.day(), h.name()));
			}
			else {
				holidayNames.putAll(NationalHolidays.of(year));
			}
		}
		ClosedDayRule rule = rule();
		List<ClosedDay> closed = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			List<ClosedDay.Reason> reasons = new ArrayList<>();
			if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
				reasons.add(ClosedDay.Reason.SUNDAY);
			}
			if (rule.saturdaysClosed() && day.getDayOfWeek() == DayOfWeek.SATURDAY) {
				reasons.add(ClosedDay.Reason.SATURDAY);
			}
			String holiday = holidayNames.get(day);
			if (holiday != null) {
				reasons.add(ClosedDay.Reason.HOLIDAY);
			}
			if (rule.isYearEnd(day)) {
				reasons.add(ClosedDay.Reason.YEAR_END);
			}
			if (!reasons.isEmpty()) {
				closed.add(new ClosedDay(day, reasons, holiday));
			}
		}
		return closed;
	}

	/** MM-DD (the form and the API), e.g. 12-29; 422 INVALID_YEAR_END_DAY otherwise. */
	public static MonthDay parseMonthDay(@Nullable String text) {
		try {
			return MonthDay.parse("--" + ((text != null) ? text.strip() : ""));
		}
		catch (DateTimeException ex) {
			throw ProblemException.invalid("INVALID_YEAR_END_DAY", (text != null) ? text : "");
		}
	}

	/** MM-DD, as the form and the API show it. */
	public static String monthDay(MonthDay day) {
		return day.toString().substring(2);
	}

	/** How many days the year-end range closes, counting over the new year. */
	private static long yearEndDays(ClosedDayRule rule) {
		LocalDate first = rule.yearEndFrom().atYear(2001);
		LocalDate last = rule.yearEndTo().atYear(2001);
		if (last.isBefore(first)) {
			last = last.plusYears(1);
		}
		return ChronoUnit.DAYS.between(first, last) + 1;
	}

	@Override
	public LocalDate businessDayOnOrAfter(LocalDate day) {
		LocalDate candidate = day;
		for (int i = 0; i < MAX_DAYS; i++) {
			if (isBusinessDay(candidate)) {
				return candidate;
			}
			candidate = candidate.plusDays(1);
		}
		throw new IllegalStateException("No business day within two years after " + day);
	}

	@Override
	public LocalDate addBusinessDays(LocalDate day, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative: " + days);
		}
		LocalDate result = businessDayOnOrAfter(day);
		for (int i = 0; i < days; i++) {
			result = businessDayOnOrAfter(result.plusDays(1));
		}
		return result;
	}

	@Override
	public List<Holiday> between(LocalDate from, LocalDate to) {
		return store.between(from, to);
	}

	@Transactional
	public Holiday add(LocalDate day, String name, String actor) {
		String clean = name.strip();
		if (clean.isEmpty() || clean.length() > 50) {
			throw ProblemException.invalid("INVALID_HOLIDAY_NAME");
		}
		try {
			store.add(day, clean, actor);
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException.conflict("HOLIDAY_EXISTS", day.toString());
		}
		audit.record(AuditEntry.success("HOLIDAY_ADDED", "holiday:" + day, clean));
		return new Holiday(day, clean, "ADMIN");
	}

	/** A row of a holiday file: where it is and what it says. */
	public record ImportedHoliday(long line, LocalDate day, String name) {
	}

	/**
	 * What an import did: days added, days that were already there with the same name.
	 */
	public record HolidayImport(int added, int unchanged) {
	}

	/**
	 * Adds the holidays of a file, all or none: a day already in the master under the
	 * same name is left as it is (the file may be imported again), under another name it
	 * is refused with the line, as is a day twice in the file.
	 */
	@Transactional
	public HolidayImport importHolidays(List<ImportedHoliday> rows, String actor) {
		Map<LocalDate, Long> seen = new HashMap<>();
		int added = 0;
		int unchanged = 0;
		for (ImportedHoliday row : rows) {
			Long earlier = seen.putIfAbsent(row.day(), row.line());
			if (earlier != null) {
				throw CsvTable.atLine(row.line(), row.day() + " は " + earlier + " 行目にもあります。");
			}
			String clean = row.name().strip();
			if (clean.isEmpty() || clean.length() > 50) {
				throw CsvTable.atLine(row.line(), "名称は1〜50文字で書いてください。");
			}
			List<Holiday> existing = store.between(row.day(), row.day());
			if (!existing.isEmpty()) {
				if (!existing.get(0).name().equals(clean)) {
					throw CsvTable.atLine(row.line(), row.day() + " はすでに " + CsvTable.shown(existing.get(0).name())
							+ " として登録されています。先に休日マスタで削除してください。");
				}
				unchanged++;
				continue;
			}
			store.add(row.day(), clean, actor);
			added++;
		}
		audit.record(AuditEntry.success("HOLIDAYS_IMPORTED", "holidays",
				"added=" + added + " unchanged=" + unchanged + " by " + actor));
		return new HolidayImport(added, unchanged);
	}

	@Transactional
	public void remove(LocalDate day) {
		if (!store.remove(day)) {
			throw ProblemException.notFound("HOLIDAY_NOT_FOUND", day.toString());
		}
		audit.record(AuditEntry.success("HOLIDAY_REMOVED", "holiday:" + day));
	}

}
