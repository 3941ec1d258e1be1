package jp.madoguchi.retention.web;

import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.retention.domain.RetentionService;
import jp.madoguchi.retention.domain.RetentionSettings;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The retention screen: settings, cutoffs, what is due and the purge runs, with a manual
 * run. Refusals come back as an error banner with the service's Japanese message.
 */
@Controller
@PreAuthorize("hasAuthority('MASTER_ADMIN')")
class RetentionPageController {

	private final RetentionService retention;

	RetentionPageController(RetentionService retention) {
		this.retention = retention;
	}

	@GetMapping("/admin/retention")
	String retention(Model model) {
		RetentionSettings settings = retention.settings();
		model.addAttribute("settings", settings);
		model.addAttribute("cutoffs", retention.cutoffs(settings));
		model.addAttribute("pending", retention.pending());
		model.addAttribute("runs", retention.recentRuns());
		return "retention/retention";
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
