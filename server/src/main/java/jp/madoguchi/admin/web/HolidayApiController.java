package jp.madoguchi.admin.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.admin.domain.Holidays.Holiday;
import jp.madoguchi.admin.domain.HolidayService;
import jp.madoguchi.admin.domain.HolidayService.HolidayImport;
import jp.madoguchi.admin.domain.HolidayService.ImportedHoliday;
import jp.madoguchi.platform.CsvTable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

	/**
	 * 休日・閉庁日 from a CSV file ({@code 日付,名称}; dates as 2026-12-28 or 2026/12/28), all or
	 * none; refusals name the line (docs/manual/移行リハーサル手順書.md).
	 */
	@PostMapping(path = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	HolidayImport importCsv(@RequestBody byte[] body, Authentication caller) {
		List<ImportedHoliday> rows = new ArrayList<>();
		for (CsvTable.Row row : CsvTable.read(body, HEADER)) {
			rows.add(new ImportedHoliday(row.line(), day(row), row.get(1)));
		}
		return holidays.importHolidays(rows, caller.getName());
	}

	static final List<String> HEADER = List.of("日付", "名称");

	private static LocalDate day(CsvTable.Row row) {
		String text = row.get(0);
		try {
			return LocalDate.parse(text.replace('/', '-'), DAY);
		}
		catch (DateTimeParseException ex) {
			throw CsvTable.atLine(row.line(), "日付 " + CsvTable.shown(text) + " を読めません。2026-12-28 の形で書いてください。");
		}
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-M-d");

	@DeleteMapping("/{day}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		holidays.remove(day);
	}

}
