package jp.madoguchi.admin.web;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.admin.domain.HolidayService;
import jp.madoguchi.admin.domain.SpecialOpening;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Special openings (特別開庁日, docs/design/http-api.md): days the counters open with hours of
 * their own, such as Sundays of the moving season. MASTER_ADMIN, audited.
 */
@RestController
@RequestMapping("/api/v1/admin/holidays/special-openings")
@PreAuthorize("hasAuthority('MASTER_ADMIN')")
class SpecialOpeningApiController {

	private final HolidayService holidays;

	SpecialOpeningApiController(HolidayService holidays) {
		this.holidays = holidays;
	}

	/** As the API shows and takes it: times as HH:MM. */
	record Body(@Nullable LocalDate day, @Nullable String opens, @Nullable String closes, @Nullable String note) {

		static Body of(SpecialOpening opening) {
			return new Body(opening.day(), opening.hours().opens().toString(), opening.hours().closes().toString(),
					opening.note());
		}

	}

	@GetMapping
	List<Body> list(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return holidays.specialOpenings(from, to).stream().map(Body::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Body add(@RequestBody Body body, Authentication caller) {
		if (body.day() == null) {
			throw ProblemException.invalid("INVALID_SPECIAL_OPENING").because("day");
		}
		return Body
			.of(holidays.addSpecialOpening(body.day(), body.opens(), body.closes(), body.note(), caller.getName()));
	}

	@DeleteMapping("/{day}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		holidays.removeSpecialOpening(day);
	}

}
