package jp.madoguchi.admin.web;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.admin.domain.Holidays.Holiday;
import jp.madoguchi.admin.domain.HolidayService;

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

/** The public holiday master. */
@RestController
@RequestMapping("/api/v1/admin/holidays")
@PreAuthorize("hasAuthority('MASTER_ADMIN')")
class HolidayApiController {

	private final HolidayService holidays;

	HolidayApiController(HolidayService holidays) {
		this.holidays = holidays;
	}

	record NewHoliday(LocalDate day, String name) {
	}

	@GetMapping
	List<Holiday> list(@RequestParam int year) {
		return holidays.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Holiday add(@RequestBody NewHoliday body, Authentication caller) {
		if (body.day() == null || body.name() == null) {
			throw jp.madoguchi.platform.ProblemException.invalid("INVALID_HOLIDAY");
		}
		return holidays.add(body.day(), body.name(), caller.getName());
	}

	@DeleteMapping("/{day}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		holidays.remove(day);
	}

}
