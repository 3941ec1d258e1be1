package jp.madoguchi.accounts.web;

import java.security.Principal;
import java.time.Instant;

import jp.madoguchi.accounts.domain.ApiTokenService;
import jp.madoguchi.accounts.domain.NewApiToken;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

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
	String list(Principal principal, Model model) {
		prepare(model, principal);
		return VIEW;
	}

	/**
	 * Answers the page directly, not by redirect: the secret must not wait in the
	 * session.
	 */
	@PostMapping
	String create(@RequestParam String name, @RequestParam String user,
			@RequestParam(required = false) @Nullable Integer validDays, Principal principal, Model model) {
		try {
			NewApiToken created = tokens.createToken(name, user, principal.getName(), validDays);
			model.addAttribute("created", created);
		}
		catch (ProblemException ex) {
			model.addAttribute("errorText", ex.getLocalizedMessage());
		}
		prepare(model, principal);
		return VIEW;
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		tokens.revokeToken(id);
		redirect.addFlashAttribute("saved", "token.revoked");
		return "redirect:/admin/api-tokens";
	}

	/** Tokens may be issued for oneself and for service accounts only. */
	private void prepare(Model model, Principal principal) {
		model.addAttribute("tokens", tokens.tokens());
		model.addAttribute("users",
				users.users()
					.stream()
					.filter(user -> user.serviceAccount() || user.username().equals(principal.getName()))
					.toList());
		model.addAttribute("now", Instant.now());
	}

}
