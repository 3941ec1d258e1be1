package jp.madoguchi.admin.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The holiday master ({@code admin.holidays}) and the business-day rules. */
@Service
@Transactional(readOnly = true)
public class HolidayService implements Holidays {

	private static final MonthDay YEAR_END = MonthDay.of(12, 29);

	private static final MonthDay NEW_YEAR_END = MonthDay.of(1, 3);

	/** Far enough for any deadline; stops a loop over a broken master. */
	private static final int MAX_DAYS = 366 * 2;

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
	public boolean isBusinessDay(LocalDate day) {
		DayOfWeek weekday = day.getDayOfWeek();
		MonthDay monthDay = MonthDay.from(day);
		boolean yearEnd = !monthDay.isBefore(YEAR_END) || !monthDay.isAfter(NEW_YEAR_END);
		return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !yearEnd && !isHoliday(day);
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

	@Transactional
	public void remove(LocalDate day) {
		if (!store.remove(day)) {
			throw ProblemException.notFound("HOLIDAY_NOT_FOUND", day.toString());
		}
		audit.record(AuditEntry.success("HOLIDAY_REMOVED", "holiday:" + day));
	}

}
