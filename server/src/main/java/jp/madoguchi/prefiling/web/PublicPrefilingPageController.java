package jp.madoguchi.prefiling.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.moving.NotificationChecks;
import jp.madoguchi.moving.NotificationContent.ForeignResidentCategory;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.prefiling.domain.PrefilingCodes;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The resident's pre-application wizard (docs/prefiling.md): a static page; the browser
 * keeps the draft and calls the public guide, check and encode APIs. The server stores
 * nothing. {@code /public/kiosk} is the same wizard for the writing-desk terminals: large
 * touch layout, no draft kept, ends with a printable slip.
 */
@Controller
@ServedBy(Role.PUBLIC)
// The public site for residents: no sign-in, and nothing personal is stored or shown.
@PreAuthorize("permitAll()")
class PublicPrefilingPageController {

	static final String VIEW = "prefiling/wizard";

	private final NotificationChecks checks;

	PublicPrefilingPageController(NotificationChecks checks) {
		this.checks = checks;
	}

	@GetMapping("/public/prefiling")
	String wizard(@RequestParam(defaultValue = "false") boolean kiosk, Model model) {
		model.addAttribute("kiosk", kiosk);
		model.addAttribute("relationships", checks.relationships());
		model.addAttribute("maxPersons", PrefilingCodes.MAX_PERSONS);
		Map<String, List<String>> variants = new LinkedHashMap<>();
		for (NotificationType type : NotificationType.values()) {
			variants.put(type.name(), Arrays.stream(Variant.values()).filter(type::allows).map(Variant::name).toList());
		}
		model.addAttribute("variants", variants);
		model.addAttribute("foreignCategories",
				Arrays.stream(ForeignResidentCategory.values()).map(ForeignResidentCategory::name).toList());
		return VIEW;
	}

	@GetMapping("/public/kiosk")
	String kiosk(Model model) {
		return wizard(true, model);
	}

}
