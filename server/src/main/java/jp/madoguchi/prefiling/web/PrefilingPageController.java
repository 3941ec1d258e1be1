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

	PrefilingPageController(PayloadDecoder decoder, MovingNotifications notifications, AuditTrail audit) {
		this.decoder = decoder;
		this.notifications = notifications;
		this.audit = audit;
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
		NotificationView draft;
		try {
			NotificationContent content = decoder.decode(List.of(payload), locale);
			draft = notifications.createDraft(content);
		}
		catch (ProblemException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("scanError", ex.getMessage());
			return VIEW_SCAN;
		}
		audit.record(AuditEntry.success("PREFILING_OPENED", "notification:" + draft.id(),
				"persons=" + draft.content().persons().size()));
		redirect.addFlashAttribute("saved", "prefiling.opened");
		return "redirect:/notifications/" + draft.id();
	}

}
