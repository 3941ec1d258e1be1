package jp.madoguchi.reception.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.reception.domain.Department;
import jp.madoguchi.reception.domain.DisplayTokens;
import jp.madoguchi.reception.domain.Queue;
import jp.madoguchi.reception.domain.QueueAdministration;
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

/**
 * 窓口マスタ: queues with their counters, departments with the guide's 担当課 they handle, and
 * the call-display tokens. Sample masters are marked so cities know to replace them.
 */
@Controller
@RequestMapping("/reception/admin")
@PreAuthorize(QueueAdminApiController.ADMIN)
class QueueAdminPageController {

	private static final String REDIRECT = "redirect:/reception/admin";

	private final QueueAdministration administration;

	private final DisplayTokens tokens;

	QueueAdminPageController(QueueAdministration administration, DisplayTokens tokens) {
		this.administration = administration;
		this.tokens = tokens;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("queues", administration.queues());
		model.addAttribute("departments", administration.departments());
		model.addAttribute("tokens", tokens.list());
		return "reception/admin";
	}

	/** Adds a queue, or replaces one with the same code (its counters are upserted). */
	@PostMapping("/queues")
	String saveQueue(@RequestParam String code, @RequestParam String name,
			@RequestParam(defaultValue = "") String nameEn, @RequestParam(defaultValue = "") String nameZh,
			@RequestParam(defaultValue = "") String nameKo, @RequestParam(defaultValue = "") String nameVi,
			@RequestParam(defaultValue = "") String namePt, @RequestParam(required = false) @Nullable String department,
			@RequestParam(defaultValue = "1") int firstNumber, @RequestParam(defaultValue = "10") int serviceMinutes,
			@RequestParam(defaultValue = "30") int slotMinutes, @RequestParam(defaultValue = "0") int slotCapacity,
			@RequestParam String counters, RedirectAttributes redirect) {
		// A counter the queue already has keeps its names (translations included); a new
		// one is named by its number in every language.
		Map<String, Queue.Counter> existing = new HashMap<>();
		administration.queues()
			.stream()
			.filter(q -> q.code().equals(code.strip()))
			.forEach(q -> q.counters().forEach(c -> existing.put(c.code(), c)));
		List<Queue.Counter> list = Arrays.stream(counters.split("[,、\\s]+"))
			.filter(c -> !c.isBlank())
			.map(c -> (existing.containsKey(c)) ? existing.get(c).reopened() : Queue.Counter.numbered(c, true))
			.toList();
		Queue queue = new Queue(code.strip(), name.strip(), nameEn.strip(),
				Map.of("zh", nameZh, "ko", nameKo, "vi", nameVi, "pt", namePt),
				ReceptionApiController.blankToNull(department), firstNumber, serviceMinutes, slotMinutes, slotCapacity,
				true, false, list);
		try {
			boolean exists = administration.queues().stream().anyMatch(q -> q.code().equals(queue.code()));
			if (exists) {
				administration.updateQueue(queue);
			}
			else {
				administration.addQueue(queue);
			}
			redirect.addFlashAttribute("saved", queue.code());
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("refused", refused.getLocalizedMessage());
		}
		return REDIRECT;
	}

	@PostMapping("/queues/{queue}/counters/{counter}")
	String counter(@PathVariable String queue, @PathVariable String counter, @RequestParam boolean open,
			RedirectAttributes redirect) {
		try {
			administration.setCounterOpen(queue, counter, open);
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("refused", refused.getLocalizedMessage());
		}
		return REDIRECT;
	}

	@PostMapping("/departments")
	String saveDepartment(@RequestParam String code, @RequestParam String name,
			@RequestParam(defaultValue = "") String nameEn, @RequestParam(defaultValue = "") String guideNames,
			@RequestParam(defaultValue = "") String defaultPrinter, RedirectAttributes redirect) {
		List<String> names = guideNames.lines().map(String::strip).filter(n -> !n.isEmpty()).toList();
		try {
			administration.saveDepartment(
					new Department(code.strip(), name.strip(), nameEn.strip(), names, false, defaultPrinter));
			redirect.addFlashAttribute("saved", code);
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("refused", refused.getLocalizedMessage());
		}
		return REDIRECT;
	}

	@PostMapping("/display-tokens")
	String issueToken(@RequestParam String queue, @RequestParam String name, RedirectAttributes redirect) {
		if (administration.queues().stream().noneMatch(q -> q.code().equals(queue)) || name.isBlank()) {
			redirect.addFlashAttribute("refused", "待ち行列と表示端末の名前を指定してください。");
			return REDIRECT;
		}
		String token = tokens.issue(queue, name.strip());
		redirect.addFlashAttribute("issuedUrl", "/display/pair#" + token);
		return REDIRECT;
	}

	@PostMapping("/display-tokens/{id}/revoke")
	String revokeToken(@PathVariable UUID id) {
		tokens.revoke(id);
		return REDIRECT;
	}

}
