package jp.madoguchi.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jp.madoguchi.accounts.domain.FirstRunSetup;
import jp.madoguchi.accounts.domain.PasswordChange;
import jp.madoguchi.accounts.domain.PasswordPolicy;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.accounts.security.AccountSession;
import jp.madoguchi.accounts.security.SetupAccess;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in page, the one-time setup page and the staff member's own account. */
@Controller
class SignInController {

	static final String VIEW_LOGIN = "accounts/login";

	static final String VIEW_SETUP = "accounts/setup";

	static final String VIEW_ACCOUNT = "accounts/account";

	static final String VIEW_PASSWORD = "accounts/password";

	private final FirstRunSetup setup;

	private final UserAdministration users;

	private final PasswordChange passwords;

	private final SetupAccess setupAccess;

	SignInController(FirstRunSetup setup, UserAdministration users, PasswordChange passwords, SetupAccess setupAccess) {
		this.setup = setup;
		this.users = users;
		this.passwords = passwords;
		this.setupAccess = setupAccess;
	}

	// Signing in and the first-run set-up come before any account.
	@GetMapping("/login")
	@PreAuthorize("permitAll()")
	String login(@RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String expired, Model model) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !"anonymousUser".equals(authentication.getName())) {
			return "redirect:/";
		}
		// One message for every refused sign-in (unknown user, wrong password, disabled,
		// locked): the page must not tell which user names exist.
		if (error != null) {
			String code = switch (error) {
				case "throttled", "service-account" -> error;
				default -> "refused";
			};
			model.addAttribute("errorCode", code);
			model.addAttribute("errorKey", "login.error." + code);
		}
		if (expired != null) {
			model.addAttribute("expired", true);
		}
		return VIEW_LOGIN;
	}

	@GetMapping("/setup")
	@PreAuthorize("permitAll()")
	String setup(@RequestParam(required = false) @Nullable String error, HttpServletRequest request, Model model) {
		if (!setup.noUserExists()) {
			return "redirect:/login";
		}
		if ("throttled".equals(error)) {
			model.addAttribute("error", "login.error.throttled");
		}
		model.addAttribute("codeRequired", !setupAccess.isLocal(request));
		return VIEW_SETUP;
	}

	@PostMapping("/setup")
	@PreAuthorize("permitAll()")
	String completeSetup(@RequestParam String password, @RequestParam String passwordConfirmation,
			@RequestParam(required = false) @Nullable String setupCode, HttpServletRequest request, Model model) {
		if (!setup.noUserExists()) {
			return "redirect:/login";
		}
		model.addAttribute("codeRequired", !setupAccess.isLocal(request));
		if (!setupAccess.allows(request, setupCode)) {
			model.addAttribute("error", "setup.codeWrong");
			return VIEW_SETUP;
		}
		if (!password.equals(passwordConfirmation)) {
			model.addAttribute("error", "password.mismatch");
			return VIEW_SETUP;
		}
		try {
			setup.createFirstAdministrator(password, "setup page from " + request.getRemoteAddr(), false);
		}
		catch (ProblemException ex) {
			model.addAttribute("errorText", ex.getLocalizedMessage());
			return VIEW_SETUP;
		}
		return "redirect:/login?setup";
	}

	@GetMapping("/account")
	@PreAuthorize("isAuthenticated()")
	String account(Authentication authentication, Model model) {
		model.addAttribute("user", users.user(authentication.getName()));
		model.addAttribute("permissions", users.effectivePermissions(authentication.getName()));
		return VIEW_ACCOUNT;
	}

	@GetMapping("/account/password")
	@PreAuthorize("isAuthenticated()")
	String passwordForm(HttpSession session, Model model) {
		model.addAttribute("minimumLength", PasswordPolicy.MINIMUM_LENGTH);
		model.addAttribute("mustChange", AccountSession.passwordChangeRequired(session));
		return VIEW_PASSWORD;
	}

	@PostMapping("/account/password")
	@PreAuthorize("isAuthenticated()")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String newPasswordConfirmation, Authentication authentication, HttpSession session,
			Model model) {
		model.addAttribute("minimumLength", PasswordPolicy.MINIMUM_LENGTH);
		model.addAttribute("mustChange", AccountSession.passwordChangeRequired(session));
		if (!newPassword.equals(newPasswordConfirmation)) {
			model.addAttribute("error", "password.mismatch");
			return VIEW_PASSWORD;
		}
		try {
			passwords.changeOwnPassword(authentication.getName(), currentPassword, newPassword);
		}
		catch (ProblemException ex) {
			model.addAttribute("errorText", ex.getLocalizedMessage());
			return VIEW_PASSWORD;
		}
		AccountSession.passwordChanged(session);
		return "redirect:/account?passwordChanged";
	}

}
