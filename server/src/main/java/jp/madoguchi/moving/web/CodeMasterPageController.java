package jp.madoguchi.moving.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.moving.domain.CodeList;
import jp.madoguchi.moving.domain.CodeMasters;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
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
 * The admin screens of the 続柄, 異動事由 and 届出の種類 masters: list, add, change a code and its
 * label, retire from a date, delete a code no notification holds. Refusals come back as
 * the error banner.
 */
@Controller
@RequestMapping("/admin/codes/{list:relationships|move-reasons|notification-kinds}")
@PreAuthorize("hasAuthority('MASTER_ADMIN')")
class CodeMasterPageController {

	/**
	 * A 異動事由 or 届出の種類 is added for one kind: type and variant as one choice, e.g.
	 * MOVE_IN/SPECIAL.
	 */
	static final List<String> KINDS = Arrays.stream(NotificationType.values())
		.flatMap(t -> Arrays.stream(Variant.values()).filter(t::allows).map(v -> t.name() + "/" + v.name()))
		.toList();

	private final CodeMasters codes;

	CodeMasterPageController(CodeMasters codes) {
		this.codes = codes;
	}

	@GetMapping
	String show(@PathVariable String list, Model model) {
		model.addAttribute("list", list);
		model.addAttribute("codes", codes.all(CodeMasterApiController.list(list)));
		model.addAttribute("today", codes.today());
		model.addAttribute("kinds", KINDS);
		model.addAttribute("perKind", CodeMasterApiController.list(list).perKind());
		return "moving/codes";
	}

	@PostMapping
	String add(@PathVariable String list, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String label, @RequestParam(defaultValue = "") String source,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validFrom,
			@RequestParam(defaultValue = "") String kind, RedirectAttributes redirect) {
		String[] typeAndVariant = kind.split("/");
		NotificationType type = KINDS.contains(kind) ? NotificationType.valueOf(typeAndVariant[0]) : null;
		Variant variant = KINDS.contains(kind) ? Variant.valueOf(typeAndVariant[1]) : null;
		attempt(redirect, "moving.codes.added", () -> codes.add(CodeMasterApiController.list(list), code.strip(), label,
				source, validFrom, type, variant));
		return "redirect:/admin/codes/" + list;
	}

	@PostMapping("/{code}/change")
	String change(@PathVariable String list, @PathVariable String code, @RequestParam(defaultValue = "") String newCode,
			@RequestParam(defaultValue = "") String label, @RequestParam(defaultValue = "") String source,
			RedirectAttributes redirect) {
		attempt(redirect, "moving.codes.changed",
				() -> codes.change(CodeMasterApiController.list(list), code, newCode.strip(), label, source));
		return "redirect:/admin/codes/" + list;
	}

	@PostMapping("/{code}/retire")
	String retire(@PathVariable String list, @PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validTo,
			RedirectAttributes redirect) {
		attempt(redirect, "moving.codes.retired", () -> {
			if (validTo == null) {
				throw ProblemException.invalid("RETIREMENT_DATE_MISSING");
			}
			codes.retire(CodeMasterApiController.list(list), code, validTo);
		});
		return "redirect:/admin/codes/" + list;
	}

	@PostMapping("/{code}/delete")
	String delete(@PathVariable String list, @PathVariable String code, RedirectAttributes redirect) {
		attempt(redirect, "moving.codes.deleted", () -> codes.delete(CodeMasterApiController.list(list), code));
		return "redirect:/admin/codes/" + list;
	}

	private static void attempt(RedirectAttributes redirect, String savedKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("saved", savedKey);
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("failure", refused.getLocalizedMessage());
		}
	}

}
