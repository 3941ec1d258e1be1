package jp.madoguchi.terminals.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.terminals.Terminals;
import jp.madoguchi.terminals.domain.TerminalService;
import jp.madoguchi.terminals.domain.TerminalService.TerminalInput;

import org.springframework.http.ResponseCookie;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The terminal master's screen, with pairing of the browser in front of the
 * administrator. Refusals come back as an error banner with the service's Japanese
 * message.
 */
@Controller
@PreAuthorize("hasAuthority('MASTER_ADMIN')")
class TerminalPageController {

	private final TerminalService terminals;

	private final Terminals pairedBrowsers;

	TerminalPageController(TerminalService terminals, Terminals pairedBrowsers) {
		this.terminals = terminals;
		this.pairedBrowsers = pairedBrowsers;
	}

	@GetMapping("/admin/terminals")
	String terminals(HttpServletRequest request, Model model) {
		model.addAttribute("terminals", terminals.list());
		model.addAttribute("thisBrowser", pairedBrowsers.current(request).orElse(null));
		return "terminals/terminals";
	}

	@PostMapping("/admin/terminals")
	String createTerminal(@RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String location, @RequestParam(defaultValue = "") String counter,
			@RequestParam(defaultValue = "") String cardAgentUrl, Authentication caller, RedirectAttributes redirect) {
		attempt(redirect, "admin.terminals.created", () -> redirect.addFlashAttribute("issued",
				terminals.create(new TerminalInput(name, location, counter, cardAgentUrl), caller.getName())));
		return "redirect:/admin/terminals";
	}

	@PostMapping("/admin/terminals/{id}/token")
	String renewToken(@PathVariable UUID id, RedirectAttributes redirect) {
		attempt(redirect, "admin.terminals.renewed",
				() -> redirect.addFlashAttribute("issued", terminals.renewToken(id)));
		return "redirect:/admin/terminals";
	}

	@PostMapping("/admin/terminals/{id}/printer")
	String setDefaultPrinter(@PathVariable UUID id, @RequestParam(defaultValue = "") String defaultPrinter,
			RedirectAttributes redirect) {
		attempt(redirect, "admin.terminals.printerSet", () -> terminals.setDefaultPrinter(id, defaultPrinter));
		return "redirect:/admin/terminals";
	}

	@PostMapping("/admin/terminals/{id}/delete")
	String deleteTerminal(@PathVariable UUID id, RedirectAttributes redirect) {
		attempt(redirect, "admin.terminals.deleted", () -> terminals.delete(id));
		return "redirect:/admin/terminals";
	}

	/**
	 * Pairs the browser the administrator is using as this terminal (a 10-year cookie).
	 */
	@PostMapping("/admin/terminals/{id}/pair")
	String pair(@PathVariable UUID id, @RequestParam(defaultValue = "") String token, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		attempt(redirect, "admin.terminals.paired", () -> {
			String value = terminals.pair(id, token);
			ResponseCookie cookie = ResponseCookie.from(Terminals.COOKIE, value)
				.httpOnly(true)
				.secure(request.isSecure())
				.sameSite("Strict")
				.path("/")
				.maxAge(java.time.Duration.ofDays(3650))
				.build();
			response.addHeader("Set-Cookie", cookie.toString());
		});
		return "redirect:/admin/terminals";
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
