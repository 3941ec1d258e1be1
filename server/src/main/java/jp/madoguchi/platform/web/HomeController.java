package jp.madoguchi.platform.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff start page (ホーム): tiles for the sections the signed-in user may use. Which
 * tiles show is decided in the template from the user's authorities, so that the page and
 * the menu follow one rule.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class HomeController {

	static final String VIEW = "home";

	@GetMapping("/")
	String home() {
		return VIEW;
	}

}
