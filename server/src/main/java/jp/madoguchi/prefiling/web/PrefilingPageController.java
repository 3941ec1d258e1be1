package jp.madoguchi.prefiling.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.prefiling.domain.PayloadDecoder;
import jp.madoguchi.reception.NewReception;
import jp.madoguchi.reception.ReceptionSource;
import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.reception.Receptions;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counter's scan field (fragments/prefiling-scan.html): what the keyboard-wedge
 * reader typed is decoded and saved as a new draft notification, which opens for staff to
 * confirm. A refused scan shows the scan page again with what to do; nothing is saved.
 */
@Controller
@RequestMapping("/prefilings")
class PrefilingPageController {

	static final String VIEW_SCAN = "prefiling/scan";

	private final PayloadDecoder decoder;

	private final MovingNotifications notifications;

	private final AuditTrail audit;

	private final Receptions receptions;

	PrefilingPageController(PayloadDecoder decoder, MovingNotifications notifications, AuditTrail audit,
			Receptions receptions) {
		this.decoder = decoder;
		this.notifications = notifications;
		this.audit = audit;
		this.receptions = receptions;
	}

	@GetMapping("/scan")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	String scan() {
		return VIEW_SCAN;
	}

	@PostMapping("/open")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	String open(@RequestParam(defaultValue = "") String payload, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			NotificationView draft = openDraft(payload, locale);
			redirect.addFlashAttribute("saved", "prefiling.opened");
			return "redirect:/notifications/" + draft.id();
		}
		catch (ProblemException refused) {
			return refused(refused, model, response);
		}
	}

	/**
	 * The reception desk's scan: the draft is saved and a ticket issued for it in one
	 * step, so the resident waits with a number and the counter finds the data on the
	 * reception.
	 */
	@PostMapping("/reception")
	@PreAuthorize("hasAuthority('RECEPTION')")
	String openReception(@RequestParam(defaultValue = "") String payload, @RequestParam String queue, Locale locale,
			Model model, HttpServletResponse response) {
		try {
			NotificationView draft = openDraft(payload, locale);
			ReceptionView reception = receptions
				.open(new NewReception(queue, draft.id(), null, null, ReceptionSource.PREFILING));
			return "redirect:/reception/receptions/" + reception.id() + "/slip";
		}
		catch (ProblemException refused) {
			return refused(refused, model, response);
		}
	}

	/**
	 * Decodes the scanned codes and saves them as a draft; nothing is saved when refused.
	 */
	private NotificationView openDraft(String payload, Locale locale) {
		NotificationContent content = decoder.decode(List.of(payload), locale);
		NotificationView draft = notifications.createDraft(content);
		audit.record(AuditEntry.success("PREFILING_OPENED", "notification:" + draft.id(),
				"persons=" + draft.content().persons().size()));
		return draft;
	}

	private static String refused(ProblemException refused, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("scanError", refused.getLocalizedMessage());
		return VIEW_SCAN;
	}

}
