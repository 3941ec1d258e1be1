package jp.madoguchi.accounts.web;

import java.security.Principal;

import jp.madoguchi.accounts.domain.ApiTokenService;
import jp.madoguchi.accounts.domain.NewApiToken;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.platform.ProblemException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** APIトークン管理: tokens for programs, shown once, revocable, with their last use. */
@Controller
@RequestMapping("/admin/api-tokens")
@PreAuthorize("hasAuthority('USER_ADMIN')")
class ApiTokenAdminController {

	static final String VIEW = "accounts/api-tokens";

	private final ApiTokenService tokens;

	private final UserAdministration users;

	ApiTokenAdminController(ApiTokenService tokens, UserAdministration users) {
		this.tokens = tokens;
		this.users = users;
	}

	@GetMapping
	String list(Model model) {
		prepare(model);
		return VIEW;
	}

	/**
	 * Answers the page directly, not by redirect: the secret must not wait in the
	 * session.
	 */
	@PostMapping
	String create(@RequestParam String name, @RequestParam String user, Principal principal, Model model) {
		try {
			NewApiToken created = tokens.createToken(name, user, principal.getName());
			model.addAttribute("created", created);
		}
		catch (ProblemException ex) {
			model.addAttribute("errorText", ex.getLocalizedMessage());
		}
		prepare(model);
		return VIEW;
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		tokens.revokeToken(id);
		redirect.addFlashAttribute("saved", "token.revoked");
		return "redirect:/admin/api-tokens";
	}

	private void prepare(Model model) {
		model.addAttribute("tokens", tokens.tokens());
		model.addAttribute("users", users.users());
	}

}
