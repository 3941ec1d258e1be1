package jp.madoguchi.admin.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jp.madoguchi.admin.domain.ClosedDay;
import jp.madoguchi.admin.domain.HolidayService;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.text.ClosedDayRule;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ordinance's closed days (docs/design/http-api.md): the rule, and with a range the
 * closed days in it, read by the staff who read the other masters; the rule changed by
 * MASTER_ADMIN only, audited like the admin page's change.
 */
@RestController
@RequestMapping(ClosedDayApiController.PATH)
class ClosedDayApiController {

	static final String PATH = "/api/v1/masters/closed-days";

	static final String CAN_READ = "hasAnyAuthority('NOTIFICATION_EDIT', 'NOTIFICATION_ACCEPT', 'RECEPTION', 'MASTER_ADMIN')";

	private final HolidayService holidays;

	ClosedDayApiController(HolidayService holidays) {
		this.holidays = holidays;
	}

	/** The rule as the API shows it: year-end days as MM-DD. */
	record RuleBody(@Nullable Boolean saturdaysClosed, @Nullable String yearEndFrom, @Nullable String yearEndTo) {

		static RuleBody of(ClosedDayRule rule) {
			return new RuleBody(rule.saturdaysClosed(), HolidayService.monthDay(rule.yearEndFrom()),
					HolidayService.monthDay(rule.yearEndTo()));
		}

	}

	/** The rule, and the closed days of {@code from}..{@code to} when both are given. */
	record ClosedDays(RuleBody rule, @Nullable List<ClosedDay> closedDays) {
	}

	@GetMapping
	@PreAuthorize(CAN_READ)
	ClosedDays get(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		RuleBody rule = RuleBody.of(holidays.rule());
		if (from == null && to == null) {
			return new ClosedDays(rule, null);
		}
		return new ClosedDays(rule, holidays.closedDaysBetween(day("from", from), day("to", to)));
	}

	@PutMapping
	@PreAuthorize("hasAuthority('MASTER_ADMIN')")
	RuleBody change(@RequestBody RuleBody body, Authentication caller) {
		if (body.saturdaysClosed() == null) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_CLOSED_DAY_RULE",
					Map.of("field", "saturdaysClosed"));
		}
		ClosedDayRule rule = new ClosedDayRule(body.saturdaysClosed(), HolidayService.parseMonthDay(body.yearEndFrom()),
				HolidayService.parseMonthDay(body.yearEndTo()));
		return RuleBody.of(holidays.changeRule(rule, caller.getName()));
	}

	private static LocalDate day(String field, @Nullable String text) {
		try {
			if (text != null) {
				return LocalDate.parse(text.strip());
			}
		}
		catch (DateTimeParseException ex) {
			// answered below, naming the parameter
		}
		throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_CLOSED_DAY_DATE", Map.of("field", field),
				field, (text != null) ? text : "");
	}

}
