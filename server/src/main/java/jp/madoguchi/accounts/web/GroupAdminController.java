package jp.madoguchi.accounts.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.GroupDefinition;
import jp.madoguchi.accounts.domain.StaffGroup;
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

/** グループ管理: groups and the permissions they grant. */
@Controller
@RequestMapping("/admin/groups")
@PreAuthorize("hasAuthority('USER_ADMIN')")
class GroupAdminController {

	static final String VIEW_LIST = "accounts/groups";

	static final String VIEW_FORM = "accounts/group";

	private final GroupAdministration groups;

	GroupAdminController(GroupAdministration groups) {
		this.groups = groups;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("groups", groups.groups());
		return VIEW_LIST;
	}

	@GetMapping("/new")
	String newForm(Model model) {
		prepareForm(model, null, "", "", EnumSet.noneOf(Permission.class), List.of());
		return VIEW_FORM;
	}

	@PostMapping("/new")
	String create(@RequestParam String name, @RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) @Nullable List<String> permissions, Model model,
			RedirectAttributes redirect) {
		try {
			Set<Permission> chosen = Permission.parseAll(permissions != null ? permissions : List.of());
			StaffGroup group = groups.createGroup(new GroupDefinition(name, description, chosen));
			redirect.addFlashAttribute("saved", "group.created");
			return "redirect:/admin/groups/" + group.id();
		}
		catch (ProblemException ex) {
			prepareForm(model, null, name, description, Permission.known(permissions != null ? permissions : List.of()),
					List.of());
			model.addAttribute("errorText", ex.getLocalizedMessage());
			return VIEW_FORM;
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		StaffGroup group = groups.group(id);
		prepareForm(model, group.id(), group.name(), group.description(), group.permissions(), groups.members(id));
		return VIEW_FORM;
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @RequestParam String name, @RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) @Nullable List<String> permissions, Model model,
			RedirectAttributes redirect) {
		try {
			Set<Permission> chosen = Permission.parseAll(permissions != null ? permissions : List.of());
			groups.changeGroup(id, new GroupDefinition(name, description, chosen));
			redirect.addFlashAttribute("saved", "group.updated");
			return "redirect:/admin/groups/" + id;
		}
		catch (ProblemException ex) {
			prepareForm(model, id, name, description, Permission.known(permissions != null ? permissions : List.of()),
					groups.members(id));
			model.addAttribute("errorText", ex.getLocalizedMessage());
			return VIEW_FORM;
		}
	}

	private static void prepareForm(Model model, @Nullable Long id, String name, String description,
			Set<Permission> chosen, List<String> members) {
		model.addAttribute("groupId", id);
		model.addAttribute("name", name);
		model.addAttribute("description", description);
		model.addAttribute("chosen", chosen);
		model.addAttribute("members", members);
		model.addAttribute("allPermissions", Permission.values());
	}

}
