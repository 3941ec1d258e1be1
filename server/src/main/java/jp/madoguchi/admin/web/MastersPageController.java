package jp.madoguchi.admin.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.admin.RetentionSettings;
import jp.madoguchi.admin.Terminals;
import jp.madoguchi.admin.domain.HolidayService;
import jp.madoguchi.admin.domain.RetentionService;
import jp.madoguchi.admin.domain.TerminalService;
import jp.madoguchi.admin.domain.TerminalService.TerminalInput;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseCookie;
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
 * Screens for the masters this module owns: public holidays, terminals (with pairing of
 * the browser in front of the administrator) and retention. Refusals come back as an
 * error banner with the service's Japanese message.
 */
@Controller
@PreAuthorize("hasAuthority('MASTER_ADMIN')")
class MastersPageController {

	private final HolidayService holidays;

	private final TerminalService terminals;

	private final Terminals pairedBrowsers;

	private final RetentionService retention;

	private final Clock clock;

	MastersPageController(HolidayService holidays, TerminalService terminals, Terminals pairedBrowsers,
			RetentionService retention, Clock clock) {
		this.holidays = holidays;
		this.terminals = terminals;
		this.pairedBrowsers = pairedBrowsers;
		this.retention = retention;
		this.clock = clock;
	}

	@GetMapping("/admin/holidays")
	String holidays(@RequestParam(required = false) @Nullable Integer year, Model model) {
		int shown = (year != null) ? year : LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo"))).getYear();
		model.addAttribute("year", shown);
		model.addAttribute("holidays", holidays.between(LocalDate.of(shown, 1, 1), LocalDate.of(shown, 12, 31)));
		return "admin/holidays";
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

	@GetMapping("/admin/terminals")
	String terminals(HttpServletRequest request, Model model) {
		model.addAttribute("terminals", terminals.list());
		model.addAttribute("thisBrowser", pairedBrowsers.current(request).orElse(null));
		return "admin/terminals";
	}

	@PostMapping("/admin/terminals")
	String createTerminal(@RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String location, @RequestParam(defaultValue = "") String counter,
			@RequestParam(defaultValue = "") String cardAgentUrl, Authentication caller, RedirectAttributes redirect) {
		attempt(redirect, "admin.terminals.created", () -> redirect.addFlashAttribute("issued",
				terminals.create(new TerminalInput(name, location, counter, cardAgentUrl), caller.getName())));
		return "redirect:/admin/terminals";
	}

	@PostMapping("/admin/terminals/{id}/token")
	String renewToken(@PathVariable UUID id, RedirectAttributes redirect) {
		attempt(redirect, "admin.terminals.renewed",
				() -> redirect.addFlashAttribute("issued", terminals.renewToken(id)));
		return "redirect:/admin/terminals";
	}

	@PostMapping("/admin/terminals/{id}/delete")
	String deleteTerminal(@PathVariable UUID id, RedirectAttributes redirect) {
		attempt(redirect, "admin.terminals.deleted", () -> terminals.delete(id));
		return "redirect:/admin/terminals";
	}

	/**
	 * Pairs the browser the administrator is using as this terminal (a 10-year cookie).
	 */
	@PostMapping("/admin/terminals/{id}/pair")
	String pair(@PathVariable UUID id, @RequestParam(defaultValue = "") String token, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		attempt(redirect, "admin.terminals.paired", () -> {
			String value = terminals.pair(id, token);
			ResponseCookie cookie = ResponseCookie.from(Terminals.COOKIE, value)
				.httpOnly(true)
				.secure(request.isSecure())
				.sameSite("Strict")
				.path("/")
				.maxAge(java.time.Duration.ofDays(3650))
				.build();
			response.addHeader("Set-Cookie", cookie.toString());
		});
		return "redirect:/admin/terminals";
	}

	@GetMapping("/admin/retention")
	String retention(Model model) {
		RetentionSettings settings = retention.settings();
		model.addAttribute("settings", settings);
		model.addAttribute("cutoffs", retention.cutoffs(settings));
		model.addAttribute("pending", retention.pending());
		model.addAttribute("runs", retention.recentRuns());
		return "admin/retention";
	}

	@PostMapping("/admin/retention")
	String saveRetention(@RequestParam int recordsYears, @RequestParam int auditYears,
			@RequestParam int fiscalYearStartMonth, Authentication caller, RedirectAttributes redirect) {
		attempt(redirect, "admin.retention.saved", () -> retention
			.update(new RetentionSettings(recordsYears, auditYears, fiscalYearStartMonth), caller.getName()));
		return "redirect:/admin/retention";
	}

	@PostMapping("/admin/retention/run")
	String runRetention(Authentication caller, RedirectAttributes redirect) {
		if (retention.run(RetentionService.Trigger.MANUAL, caller.getName()).isPresent()) {
			redirect.addFlashAttribute("saved", "admin.retention.ran");
		}
		else {
			redirect.addFlashAttribute("failure", "別の端末で削除処理が実行中です。");
		}
		return "redirect:/admin/retention";
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
