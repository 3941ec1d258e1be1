package jp.madoguchi.guidance.web;

import java.util.UUID;

import jp.madoguchi.guidance.ProcedureGuide;
import jp.madoguchi.guidance.ResidentTexts;
import jp.madoguchi.moving.NotificationContent;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

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

	/**
	 * The sheet, with {@code ?lang=vi} (zh, ko, vi, pt, en) also in the resident's
	 * language under the Japanese: the master's translation, else English; where neither
	 * exists the Japanese stands alone.
	 */
	@GetMapping("/sheet")
	@PreAuthorize(GuideApiController.CAN_READ)
	String sheet(@PathVariable UUID id, @RequestParam(name = "lang", required = false) @Nullable String lang,
			Model model) {
		NotificationContent notification = input.stored(id);
		String language = ResidentTexts.language(lang);
		boolean translated = ResidentTexts.TRANSLATED.contains(language);
		model.addAttribute("notificationId", id);
		model.addAttribute("notification", notification);
		model.addAttribute("guide", translated ? guide.evaluate(notification, language) : guide.evaluate(notification));
		model.addAttribute("residentLanguage", translated ? language : null);
		model.addAttribute("sheetLanguages", ResidentTexts.TRANSLATED);
		return VIEW_SHEET;
	}

	private void prepare(UUID id, Model model) {
		NotificationContent notification = input.stored(id);
		model.addAttribute("notificationId", id);
		model.addAttribute("notification", notification);
		model.addAttribute("guide", guide.evaluate(notification));
	}

}
