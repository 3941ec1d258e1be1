package jp.madoguchi.forms.web;

import java.security.Principal;

import jp.madoguchi.forms.printing.Printers;
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

/**
 * プリンタの登録 (printer master): administrators add the counters' IPP printers by name and
 * address and remove them; printers from the configuration are listed, not edited.
 */
@Controller
@RequestMapping("/forms/admin/printers")
@PreAuthorize("hasAuthority('MASTER_ADMIN')")
class PrinterAdminPageController {

	private final Printers printers;

	PrinterAdminPageController(Printers printers) {
		this.printers = printers;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("entries", printers.entries());
		return "forms/admin-printers";
	}

	@PostMapping
	String add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String uri,
			@RequestParam(defaultValue = "") String location, Principal principal, Model model,
			RedirectAttributes redirect) {
		try {
			printers.add(name, uri, location, principal.getName());
			redirect.addFlashAttribute("saved", name.strip());
			return "redirect:/forms/admin/printers";
		}
		catch (ProblemException refused) {
			model.addAttribute("refused", refused.getLocalizedMessage());
			model.addAttribute("name", name);
			model.addAttribute("uri", uri);
			model.addAttribute("location", location);
			return list(model);
		}
	}

	@PostMapping("/{name}/delete")
	String remove(@PathVariable String name, RedirectAttributes redirect) {
		try {
			printers.remove(name);
			redirect.addFlashAttribute("removed", name);
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("refused", refused.getLocalizedMessage());
		}
		return "redirect:/forms/admin/printers";
	}

}
