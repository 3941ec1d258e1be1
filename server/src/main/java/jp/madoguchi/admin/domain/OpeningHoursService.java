package jp.madoguchi.admin.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.text.CounterHours;
import jp.madoguchi.text.CounterHours.Span;
import jp.madoguchi.text.OpeningHours;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counter's opening hours per weekday (the master {@code admin.opening_hours}): what
 * the PIA report and the access alerts count as counter hours. Closed days stay the
 * closed-day master's ({@link HolidayService}): a closed day is outside hours all day.
 */
@Service
@Transactional(readOnly = true)
public class OpeningHoursService implements OpeningHours {

	private final OpeningHoursMaster master;

	private final AuditTrail audit;

	OpeningHoursService(OpeningHoursMaster master, AuditTrail audit) {
		this.master = master;
		this.audit = audit;
	}

	@Override
	public CounterHours hours() {
		return master.hours();
	}

	/** Replaces the hours of every weekday; a weekday not given is not opened. */
	@Transactional
	public CounterHours change(CounterHours hours, String actor) {
		master.replace(hours, actor);
		audit.record(AuditEntry.success("OPENING_HOURS_CHANGED", "opening-hours",
				hours.days()
					.entrySet()
					.stream()
					.map((day) -> day.getKey().name().substring(0, 3) + "=" + day.getValue().opens() + "-"
							+ day.getValue().closes())
					.collect(Collectors.joining(" "))));
		return hours;
	}

	/**
	 * The hours from the form or the API: per weekday both times (HH:MM) or neither (not
	 * opened); 422 INVALID_OPENING_HOURS naming the weekday otherwise.
	 */
	public static CounterHours parse(Map<DayOfWeek, String[]> times) {
		Map<DayOfWeek, Span> days = new EnumMap<>(DayOfWeek.class);
		for (Map.Entry<DayOfWeek, String[]> day : times.entrySet()) {
			String opens = blankToNull(day.getValue()[0]);
			String closes = blankToNull(day.getValue()[1]);
			if (opens == null && closes == null) {
				continue;
			}
			LocalTime from = time(day.getKey(), opens);
			LocalTime to = time(day.getKey(), closes);
			if (!from.isBefore(to)) {
				throw invalid(day.getKey());
			}
			days.put(day.getKey(), new Span(from, to));
		}
		return new CounterHours(days);
	}

	private static LocalTime time(DayOfWeek day, @Nullable String text) {
		if (text != null && text.matches("\\d{2}:\\d{2}")) {
			try {
				return LocalTime.parse(text);
			}
			catch (DateTimeParseException ex) {
				// answered below
			}
		}
		throw invalid(day);
	}

	private static ProblemException invalid(DayOfWeek day) {
		return ProblemException.invalid("INVALID_OPENING_HOURS").because(day.name());
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
