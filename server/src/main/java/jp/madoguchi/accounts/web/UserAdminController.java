package jp.madoguchi.accounts.web;

import java.time.Instant;
import java.util.List;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.NewUser;
import jp.madoguchi.accounts.domain.PasswordPolicy;
import jp.madoguchi.accounts.domain.UserAccount;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.accounts.domain.UserChange;
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

/** 職員管理: list, create and edit staff users; unlock and reset passwords. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAuthority('USER_ADMIN')")
class UserAdminController {

	static final String VIEW_LIST = "accounts/users";

	static final String VIEW_NEW = "accounts/user-new";

	static final String VIEW_DETAIL = "accounts/user";

	private final UserAdministration users;

	private final GroupAdministration groups;

	UserAdminController(UserAdministration users, GroupAdministration groups) {
		this.users = users;
		this.groups = groups;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", users.users());
		model.addAttribute("now", Instant.now());
		return VIEW_LIST;
	}

	@GetMapping("/new")
	String newForm(Model model) {
		prepareNewForm(model, "", "", List.of());
		return VIEW_NEW;
	}

	@PostMapping("/new")
	String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
			@RequestParam(required = false) @Nullable List<String> groups,
			@RequestParam(defaultValue = "false") boolean serviceAccount, Model model, RedirectAttributes redirect) {
		List<String> chosen = (groups != null) ? groups : List.of();
		try {
			UserAccount user = users.createUser(new NewUser(username, displayName, password, chosen, serviceAccount));
			redirect.addFlashAttribute("saved", "user.created");
			return "redirect:/admin/users/" + user.username();
		}
		catch (ProblemException ex) {
			prepareNewForm(model, username, displayName, chosen);
			model.addAttribute("errorText", ex.getLocalizedMessage());
			model.addAttribute("errorField", fieldOf(ex.code()));
			return VIEW_NEW;
		}
	}

	@GetMapping("/{username}")
	String detail(@PathVariable String username, Model model) {
		prepareDetail(model, users.user(username));
		return VIEW_DETAIL;
	}

	@PostMapping("/{username}")
	String update(@PathVariable String username, @RequestParam String displayName,
			@RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam(required = false) @Nullable List<String> groups, @RequestParam int version, Model model,
			RedirectAttributes redirect) {
		try {
			users.changeUser(username,
					new UserChange(displayName, enabled, (groups != null) ? groups : List.of(), version));
			redirect.addFlashAttribute("saved", "user.updated");
			return "redirect:/admin/users/" + username;
		}
		catch (ProblemException ex) {
			prepareDetail(model, users.user(username));
			model.addAttribute("errorText", ex.getLocalizedMessage());
			return VIEW_DETAIL;
		}
	}

	@PostMapping("/{username}/unlock")
	String unlock(@PathVariable String username, RedirectAttributes redirect) {
		users.unlock(username);
		redirect.addFlashAttribute("saved", "user.unlocked");
		return "redirect:/admin/users/" + username;
	}

	@PostMapping("/{username}/password")
	String resetPassword(@PathVariable String username, @RequestParam String password, Model model,
			RedirectAttributes redirect) {
		try {
			users.resetPassword(username, password);
			redirect.addFlashAttribute("saved", "user.passwordReset");
			return "redirect:/admin/users/" + username;
		}
		catch (ProblemException ex) {
			prepareDetail(model, users.user(username));
			model.addAttribute("errorText", ex.getLocalizedMessage());
			model.addAttribute("errorField", "password");
			return VIEW_DETAIL;
		}
	}

	private void prepareNewForm(Model model, String username, String displayName, List<String> chosen) {
		model.addAttribute("username", username);
		model.addAttribute("displayName", displayName);
		model.addAttribute("chosenGroups", chosen);
		model.addAttribute("groups", groups.groups());
		model.addAttribute("minimumLength", PasswordPolicy.MINIMUM_LENGTH);
	}

	private void prepareDetail(Model model, UserAccount user) {
		model.addAttribute("user", user);
		model.addAttribute("locked", user.isLocked(Instant.now()));
		model.addAttribute("groups", groups.groups());
		model.addAttribute("permissions", users.effectivePermissions(user.username()));
		model.addAttribute("allPermissions", Permission.values());
		model.addAttribute("minimumLength", PasswordPolicy.MINIMUM_LENGTH);
	}

	private static String fieldOf(String code) {
		return switch (code) {
			case "INVALID_USERNAME", "USERNAME_TAKEN" -> "username";
			case "PASSWORD_POLICY_VIOLATED" -> "password";
			case "GROUP_NOT_FOUND" -> "groups";
			default -> "displayName";
		};
	}

}
