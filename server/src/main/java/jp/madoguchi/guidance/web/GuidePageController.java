package jp.madoguchi.guidance.web;

import java.util.UUID;

import jp.madoguchi.guidance.ProcedureGuide;
import jp.madoguchi.moving.NotificationContent;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The guide for counter staff: a panel that sits next to the notification (htmx asks for
 * the fragment, a plain request gets the whole page) and the printable guide sheet
 * (手続き案内票) handed to the resident.
 */
@Controller
@RequestMapping("/guidance/notifications/{id}")
class GuidePageController {

	static final String VIEW_GUIDE = "guidance/guide";

	static final String FRAGMENT_PANEL = "guidance/guide :: panel";

	static final String VIEW_SHEET = "guidance/sheet";

	private final ProcedureGuide guide;

	private final NotificationInput input;

	GuidePageController(ProcedureGuide guide, NotificationInput input) {
		this.guide = guide;
		this.input = input;
	}

	@GetMapping
	@PreAuthorize(GuideApiController.CAN_READ)
	String guide(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			Model model) {
		prepare(id, model);
		return (htmx != null) ? FRAGMENT_PANEL : VIEW_GUIDE;
	}

	@GetMapping("/sheet")
	@PreAuthorize(GuideApiController.CAN_READ)
	String sheet(@PathVariable UUID id, Model model) {
		prepare(id, model);
		return VIEW_SHEET;
	}

	private void prepare(UUID id, Model model) {
		NotificationContent notification = input.stored(id);
		model.addAttribute("notificationId", id);
		model.addAttribute("notification", notification);
		model.addAttribute("guide", guide.evaluate(notification));
	}

}
