package jp.madoguchi.forms.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import jp.madoguchi.forms.domain.FormService;
import jp.madoguchi.forms.domain.SignatureService;
import jp.madoguchi.forms.domain.PrintJob;
import jp.madoguchi.forms.printing.PrintService;
import jp.madoguchi.forms.printing.Printers;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.terminals.Terminals;
import jp.madoguchi.text.JapaneseDates;
import org.jspecify.annotations.Nullable;

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
 * Staff pages: a notification's forms (open, print) and the resident-facing signature
 * page shown on the pen tablet.
 */
@Controller
class FormPageController {

	static final String FORMS_VIEW = "forms/notification-forms";

	static final String SIGN_VIEW = "forms/sign";

	static final String PRINTERS_VIEW = "forms/printers";

	private final FormService forms;

	private final SignatureService signatures;

	private final PrintService printing;

	private final Printers printers;

	private final Terminals terminals;

	FormPageController(FormService forms, SignatureService signatures, PrintService printing, Printers printers,
			Terminals terminals) {
		this.terminals = terminals;
		this.forms = forms;
		this.signatures = signatures;
		this.printing = printing;
		this.printers = printers;
	}

	@GetMapping("/forms/printers")
	@PreAuthorize("hasAuthority('PRINT')")
	String printers(Model model) {
		model.addAttribute("printers", printing.printers());
		return PRINTERS_VIEW;
	}

	@GetMapping("/forms/notifications/{id}")
	@PreAuthorize(FormApiController.CAN_READ)
	String forms(@PathVariable UUID id, Model model) {
		NotificationView view = forms.load(id);
		model.addAttribute("notificationId", id);
		model.addAttribute("notification", view.content());
		FormService.FormList list = forms.list(view);
		model.addAttribute("forms", list.forms());
		model.addAttribute("missingForms", list.missing());
		model.addAttribute("printers", printers.all().keySet());
		model.addAttribute("signature", signatures.status(id, view.content()));
		return FORMS_VIEW;
	}

	@PostMapping("/forms/notifications/{id}/print")
	@PreAuthorize("hasAuthority('PRINT')")
	String print(@PathVariable UUID id, @RequestParam String formId, @RequestParam String printer,
			Authentication caller, RedirectAttributes redirect) {
		try {
			PrintJob job = printing.print(id, formId, printer, FormApiController.mayViewMyNumber(caller));
			redirect.addFlashAttribute("printed", new Printed(job.printer(), job.state()));
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("printError", refused.getLocalizedMessage());
		}
		return "redirect:/forms/notifications/" + id;
	}

	/**
	 * Prints every form of the visit, one job per department (the forms page's button).
	 */
	@PostMapping("/forms/notifications/{id}/print-visit")
	@PreAuthorize("hasAuthority('PRINT')")
	String printVisit(@PathVariable UUID id, @RequestParam(defaultValue = "") String printer,
			HttpServletRequest request, Authentication caller, RedirectAttributes redirect) {
		try {
			List<PrintJob> jobs = printing.printVisit(id, null, printer.isBlank() ? null : printer,
					PrintJobApiController.terminalPrinter(terminals, request),
					FormApiController.mayViewMyNumber(caller));
			redirect.addFlashAttribute("printedVisit",
					new ArrayList<>(jobs.stream()
						.map(j -> new PrintedStack(String.valueOf(j.department()), j.printer(), j.state(), j.notice(),
								j.lastError()))
						.toList()));
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("printError", refused.getLocalizedMessage());
		}
		return "redirect:/forms/notifications/" + id;
	}

	/** A printer's queue: its latest jobs with their state and notices. */
	@GetMapping("/forms/printers/{name}")
	@PreAuthorize("hasAuthority('PRINT')")
	String queue(@PathVariable String name, Model model) {
		model.addAttribute("printer", name);
		model.addAttribute("jobs", printing.queue(name));
		return "forms/printer-queue";
	}

	@GetMapping("/forms/notifications/{id}/sign")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	String sign(@PathVariable UUID id, Model model) {
		NotificationView view = forms.load(id);
		model.addAttribute("notificationId", id);
		model.addAttribute("notification", view.content());
		model.addAttribute("signature", signatures.status(id, view.content()));
		model.addAttribute("signers", forms.signaturesNeeded(view));
		model.addAttribute("dates", new Dates());
		return SIGN_VIEW;
	}

	/**
	 * What the page says after printing. Flash attributes live in the (JDBC) session
	 * until the redirect is followed, so they must be serializable: not the stored job
	 * itself.
	 */
	record Printed(String printer, String state) implements java.io.Serializable {
	}

	/** One department's job after printing a visit (flash, so serializable). */
	record PrintedStack(String department, String printer, String state, @Nullable String notice,
			@Nullable String error) implements java.io.Serializable {
	}

	/** 和暦 for the page: Thymeleaf 3.1 cannot call static methods. */
	static final class Dates {

		public String wareki(java.time.LocalDate date) {
			return JapaneseDates.format(date);
		}

	}

}
