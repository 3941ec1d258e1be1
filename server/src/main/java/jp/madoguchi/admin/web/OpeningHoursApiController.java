package jp.madoguchi.admin.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.madoguchi.admin.domain.OpeningHoursService;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.text.CounterHours;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The counter's opening hours per weekday (docs/design/http-api.md): read by the staff
 * who read the other masters, replaced by MASTER_ADMIN only (audited as
 * {@code OPENING_HOURS_CHANGED}). A weekday left out is not opened.
 */
@RestController
@RequestMapping(OpeningHoursApiController.PATH)
class OpeningHoursApiController {

	static final String PATH = "/api/v1/masters/opening-hours";

	private final OpeningHoursService hours;

	OpeningHoursApiController(OpeningHoursService hours) {
		this.hours = hours;
	}

	/** One weekday the counter opens: {@code MONDAY}, {@code 08:45}, {@code 17:30}. */
	record Day(@Nullable String weekday, @Nullable String opens, @Nullable String closes) {
	}

	record Hours(List<Day> days) {

		static Hours of(CounterHours hours) {
			List<Day> days = new ArrayList<>();
			hours.days()
				.forEach((day, span) -> days
					.add(new Day(day.name(), span.opens().toString(), span.closes().toString())));
			return new Hours(days);
		}

	}

	@GetMapping
	@PreAuthorize(ClosedDayApiController.CAN_READ)
	Hours get() {
		return Hours.of(hours.hours());
	}

	@PutMapping
	@PreAuthorize("hasAuthority('MASTER_ADMIN')")
	Hours change(@RequestBody Hours body, Authentication caller) {
		Map<DayOfWeek, String[]> times = new EnumMap<>(DayOfWeek.class);
		for (Day day : (body.days() != null) ? body.days() : List.<Day>of()) {
			DayOfWeek weekday = weekday(day.weekday());
			if (times.containsKey(weekday)) {
				throw ProblemException.invalid("INVALID_OPENING_HOURS").because(weekday.name());
			}
			times.put(weekday, new String[] { day.opens(), day.closes() });
		}
		return Hours.of(hours.change(OpeningHoursService.parse(times), caller.getName()));
	}

	private static DayOfWeek weekday(@Nullable String text) {
		try {
			if (text != null) {
				return DayOfWeek.valueOf(text.strip().toUpperCase(Locale.ROOT));
			}
		}
		catch (IllegalArgumentException ex) {
			// answered below
		}
		throw ProblemException.invalid("INVALID_OPENING_HOURS").because("weekday");
	}

}
