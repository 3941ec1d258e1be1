package jp.madoguchi.residentrecord.web;

import java.util.UUID;

import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.residentrecord.DeliveryState;
import jp.madoguchi.residentrecord.domain.ResidentRecordLink;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' delivery list (by state, with errors and a retry button) and, for
 * counter staff, the delivery panel beside a notification (htmx asks for the fragment, a
 * plain request gets the page).
 */
@Controller
class DeliveryPageController {

	static final String VIEW_ADMIN = "residentrecord/admin";

	static final String VIEW_NOTIFICATION = "residentrecord/notification";

	static final String FRAGMENT_PANEL = "residentrecord/notification :: panel";

	/** Who may see a notification may see where its delivery stands. */
	static final String CAN_READ_NOTIFICATION = "hasAnyAuthority('NOTIFICATION_EDIT', 'NOTIFICATION_ACCEPT', 'RECEPTION')";

	private final ResidentRecordLink link;

	DeliveryPageController(ResidentRecordLink link) {
		this.link = link;
	}

	@GetMapping("/admin/resident-record")
	@PreAuthorize(DeliveryApiController.CAN_ADMINISTER)
	String admin(@RequestParam(required = false) @Nullable String state, Model model) {
		DeliveryState selected;
		try {
			selected = DeliveryApiController.parseState(state);
		}
		catch (ProblemException unknown) {
			selected = null;
		}
		model.addAttribute("status", link.status());
		model.addAttribute("statistics", link.statistics());
		model.addAttribute("states", DeliveryState.values());
		model.addAttribute("selected", selected);
		model.addAttribute("deliveries", link.list(selected, 200));
		return VIEW_ADMIN;
	}

	@PostMapping("/admin/resident-record/deliveries/{id}/retry")
	@PreAuthorize(DeliveryApiController.CAN_ADMINISTER)
	String retry(@PathVariable UUID id, @RequestParam(required = false) @Nullable String state,
			RedirectAttributes redirect) {
		try {
			link.retry(id);
			redirect.addFlashAttribute("retried", id);
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("refused", refused.getLocalizedMessage());
		}
		redirect.addAttribute("state", (state != null) ? state : "");
		return "redirect:/admin/resident-record";
	}

	@GetMapping("/resident-record/notifications/{id}")
	@PreAuthorize(CAN_READ_NOTIFICATION)
	String notification(@PathVariable UUID id,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		model.addAttribute("notificationId", id);
		model.addAttribute("delivery", link.forNotification(id).orElse(null));
		model.addAttribute("status", link.status());
		return (htmx != null) ? FRAGMENT_PANEL : VIEW_NOTIFICATION;
	}

}
