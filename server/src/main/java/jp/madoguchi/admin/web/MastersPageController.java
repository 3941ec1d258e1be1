package jp.madoguchi.admin.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import jp.madoguchi.admin.domain.HolidayService;
import jp.madoguchi.admin.domain.OpeningHoursService;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.text.ClosedDayRule;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Screens for the masters this module owns: public holidays, the ordinance's closed days
 * and the counter's opening hours. Refusals come back as an error banner with the
 * service's Japanese message.
 */
@Controller
@PreAuthorize("hasAuthority('MASTER_ADMIN')")
class MastersPageController {

	private final HolidayService holidays;

	private final OpeningHoursService openingHours;

	private final Clock clock;

	MastersPageController(HolidayService holidays, OpeningHoursService openingHours, Clock clock) {
		this.holidays = holidays;
		this.openingHours = openingHours;
		this.clock = clock;
	}

	@GetMapping("/admin/holidays")
	String holidays(@RequestParam(required = false) @Nullable Integer year, Model model) {
		int shown = (year != null) ? year : LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo"))).getYear();
		model.addAttribute("year", shown);
		model.addAttribute("holidays", holidays.between(LocalDate.of(shown, 1, 1), LocalDate.of(shown, 12, 31)));
		ClosedDayRule rule = holidays.rule();
		model.addAttribute("rule", rule);
		model.addAttribute("yearEndFrom", HolidayService.monthDay(rule.yearEndFrom()));
		model.addAttribute("yearEndTo", HolidayService.monthDay(rule.yearEndTo()));
		model.addAttribute("weekdays", DayOfWeek.values());
		model.addAttribute("hours", openingHours.hours());
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo")));
		model.addAttribute("specialOpenings", holidays.specialOpenings(today, today.plusYears(1)));
		return "admin/holidays";
	}

	/**
	 * The opening hours, per weekday {@code opens-MONDAY} and {@code closes-MONDAY}; both
	 * empty: the counter does not open that weekday.
	 */
	@PostMapping("/admin/holidays/hours")
	String changeHours(@RequestParam Map<String, String> form, Authentication caller, RedirectAttributes redirect) {
		Map<DayOfWeek, String[]> times = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			times.put(day, new String[] { form.get("opens-" + day), form.get("closes-" + day) });
		}
		attempt(redirect, "admin.openingHours.saved",
				() -> openingHours.change(OpeningHoursService.parse(times), caller.getName()));
		return "redirect:/admin/holidays#opening-hours";
	}

	@PostMapping("/admin/holidays/rule")
	String changeRule(@RequestParam(defaultValue = "false") boolean saturdaysClosed,
			@RequestParam(defaultValue = "") String yearEndFrom, @RequestParam(defaultValue = "") String yearEndTo,
			Authentication caller, RedirectAttributes redirect) {
		attempt(redirect, "admin.closedDays.saved", () -> holidays.changeRule(new ClosedDayRule(saturdaysClosed,
				HolidayService.parseMonthDay(yearEndFrom), HolidayService.parseMonthDay(yearEndTo)), caller.getName()));
		return "redirect:/admin/holidays";
	}

	@PostMapping("/admin/holidays")
	String addHoliday(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(defaultValue = "") String name, Authentication caller, RedirectAttributes redirect) {
		if (day == null) {
			redirect.addFlashAttribute("failure", "日付を入力してください。");
			return "redirect:/admin/holidays";
		}
		attempt(redirect, "admin.holidays.added", () -> holidays.add(day, name, caller.getName()));
		return "redirect:/admin/holidays?year=" + day.getYear();
	}

	@PostMapping("/admin/holidays/{day}/delete")
	String removeHoliday(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			RedirectAttributes redirect) {
		attempt(redirect, "admin.holidays.removed", () -> holidays.remove(day));
		return "redirect:/admin/holidays?year=" + day.getYear();
	}

	@PostMapping("/admin/holidays/special-openings")
	String addSpecialOpening(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(defaultValue = "") String opens, @RequestParam(defaultValue = "") String closes,
			@RequestParam(defaultValue = "") String note, Authentication caller, RedirectAttributes redirect) {
		if (day == null) {
			redirect.addFlashAttribute("failure", "日付を入力してください。");
		}
		else {
			attempt(redirect, "admin.specialOpenings.added",
					() -> holidays.addSpecialOpening(day, opens, closes, note, caller.getName()));
		}
		return "redirect:/admin/holidays#special-openings";
	}

	@PostMapping("/admin/holidays/special-openings/{day}/delete")
	String removeSpecialOpening(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			RedirectAttributes redirect) {
		attempt(redirect, "admin.specialOpenings.removed", () -> holidays.removeSpecialOpening(day));
		return "redirect:/admin/holidays#special-openings";
	}

	private static void attempt(RedirectAttributes redirect, String savedKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("saved", savedKey);
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("failure", refused.getLocalizedMessage());
		}
	}

}
