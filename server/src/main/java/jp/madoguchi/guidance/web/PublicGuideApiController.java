package jp.madoguchi.guidance.web;

import jp.madoguchi.guidance.Guide;
import jp.madoguchi.guidance.ProcedureGuide;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import tools.jackson.databind.JsonNode;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The guide for residents on the public site: a notification body in (nothing is stored,
 * no notification can be looked up), the procedures out. Runs on the rule bundle when the
 * process has no database.
 */
@RestController
@RequestMapping("/public/api/v1/guidance")
@ServedBy(Role.PUBLIC)
// The public site for residents: no sign-in, and nothing personal is stored or shown.
@PreAuthorize("permitAll()")
class PublicGuideApiController {

	private final ProcedureGuide guide;

	private final NotificationInput input;

	PublicGuideApiController(ProcedureGuide guide, NotificationInput input) {
		this.guide = guide;
		this.input = input;
	}

	/**
	 * {@code ?lang=vi} (the page's language: ja, easy, en, zh, ko, vi, pt) adds each
	 * procedure's texts in that language, falling back to English, then Japanese.
	 */
	@PostMapping("/evaluate")
	Guide evaluate(@RequestBody JsonNode body, @RequestParam(name = "lang", defaultValue = "ja") String lang) {
		return guide.evaluate(input.read(body, false), lang);
	}

}
