package jp.madoguchi.guidance.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.madoguchi.guidance.ResidentTexts;
import jp.madoguchi.guidance.domain.Procedure;
import jp.madoguchi.guidance.domain.RuleAdministration;
import jp.madoguchi.guidance.domain.RuleCatalogue.StoredRule;
import jp.madoguchi.guidance.domain.SampleHouseholds;
import jp.madoguchi.guidance.domain.TranslationState;
import jp.madoguchi.guidance.rules.FactCatalogue;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.platform.ProblemException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 手続きマスタ: the procedures and their rule versions for administrators. A rule is saved only
 * when it compiles; "試す" evaluates the draft on a sample household first.
 */
@Controller
@RequestMapping("/guidance/admin")
@PreAuthorize(GuideApiController.CAN_ADMINISTER)
class RuleAdminPageController {

	static final String VIEW_LIST = "guidance/admin-list";

	static final String VIEW_EDIT = "guidance/admin-edit";

	static final String VIEW_TRANSLATIONS = "guidance/admin-translations";

	private final RuleAdministration administration;

	private final Clock clock;

	RuleAdminPageController(RuleAdministration administration, Clock clock) {
		this.administration = administration;
		this.clock = clock;
	}

	@InitBinder("ruleForm")
	void bindFields(WebDataBinder binder) {
		binder.initDirectFieldAccess();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("procedures", administration.procedures());
		Map<String, List<TranslationState>> missing = administration.missingTranslations();
		Map<String, Map<String, Long>> missingByProcedure = new LinkedHashMap<>();
		missing.forEach((language, states) -> states
			.forEach((state) -> missingByProcedure.computeIfAbsent(state.code(), (code) -> new LinkedHashMap<>())
				.merge(language, 1L, Long::sum)));
		model.addAttribute("languages", ResidentTexts.TRANSLATED);
		model.addAttribute("missingTotals", missing.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().size(), (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("missingByProcedure", missingByProcedure);
		return VIEW_LIST;
	}

	/**
	 * 翻訳: every text residents read of the procedure in one language, its state and a
	 * field to translate it.
	 */
	@GetMapping("/{code}/translations")
	String translations(@PathVariable String code, @RequestParam(defaultValue = "vi") String language, Model model) {
		if (!ResidentTexts.TRANSLATED.contains(language)) {
			throw ProblemException.invalid("VALIDATION_FAILED").because("translationLanguage");
		}
		model.addAttribute("procedure", administration.procedure(code));
		model.addAttribute("language", language);
		model.addAttribute("languages", ResidentTexts.TRANSLATED);
		model.addAttribute("states",
				administration.translations(code).stream().filter((s) -> s.language().equals(language)).toList());
		return VIEW_TRANSLATIONS;
	}

	/**
	 * Saves the translations of one language: each {@code t.<field>} parameter that
	 * differs from what is stored (an emptied one is removed).
	 */
	@PostMapping("/{code}/translations")
	String saveTranslations(@PathVariable String code, @RequestParam String language,
			@RequestParam Map<String, String> parameters, Principal caller, RedirectAttributes redirect) {
		int changed = 0;
		try {
			for (TranslationState state : administration.translations(code)) {
				if (!state.language().equals(language)
						|| (language.equals("en") && state.field().equals(Procedure.NAME))) {
					// The English name is the procedure's nameEn, edited with the
					// procedure.
					continue;
				}
				String typed = parameters.get("t." + state.field());
				if (typed == null) {
					continue;
				}
				String text = typed.strip();
				boolean current = state.status() == TranslationState.Status.TRANSLATED;
				if (text.isEmpty()) {
					if (state.text() != null) {
						administration.deleteTranslation(code, language, state.field(), caller.getName());
						changed++;
					}
				}
				else if (!(current && text.equals(state.text()))) {
					administration.saveTranslation(code, language, state.field(), text, caller.getName());
					changed++;
				}
			}
			redirect.addFlashAttribute("translationsSaved", changed);
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("translationError", ex.getLocalizedMessage());
		}
		redirect.addAttribute("language", language);
		return "redirect:/guidance/admin/" + code + "/translations";
	}

	@GetMapping("/{code}")
	String edit(@PathVariable String code, Model model) {
		RuleForm form = new RuleForm();
		List<StoredRule> rules = administration.rules(code);
		if (!rules.isEmpty()) {
			form.source = rules.get(rules.size() - 1).version().source();
		}
		form.effectiveFrom = LocalDate.now(clock);
		prepare(code, form, model);
		return VIEW_EDIT;
	}

	@PostMapping("/{code}")
	String save(@PathVariable String code, @ModelAttribute("ruleForm") RuleForm form, BindingResult errors,
			@RequestParam(name = "_action", defaultValue = "preview") String action, Principal caller, Model model,
			RedirectAttributes redirect) {
		if (form.effectiveFrom == null && !errors.hasFieldErrors("effectiveFrom")) {
			errors.rejectValue("effectiveFrom", "required", "施行日を入力してください。");
		}
		if (form.source == null || form.source.isBlank()) {
			errors.rejectValue("source", "required", "規則を入力してください。");
		}
		if (!errors.hasErrors()) {
			try {
				if (action.equals("save")) {
					administration.save(code, form.effectiveFrom, form.source, form.note, caller.getName());
					redirect.addFlashAttribute("saved", true);
					return "redirect:/guidance/admin/" + code;
				}
				LocalDate on = form.effectiveFrom;
				NotificationContent sample = SampleHouseholds.byKey(form.sample, on);
				if (sample == null) {
					errors.rejectValue("sample", "unknown", "試す世帯を選んでください。");
				}
				else {
					model.addAttribute("preview", administration.tryOut(code, form.source, sample, on));
				}
			}
			catch (ProblemException ex) {
				Object reason = ex.properties().get("reason");
				errors.rejectValue("source", ex.code(),
						(reason != null)
								? ex.properties().get("line") + "行目 " + ex.properties().get("column") + "文字目: " + reason
								: ex.getLocalizedMessage());
			}
		}
		prepare(code, form, model);
		return VIEW_EDIT;
	}

	@PostMapping("/{code}/procedure")
	String saveProcedure(@PathVariable String code, @RequestParam String name, @RequestParam String nameEn,
			@RequestParam String plainName, @RequestParam String department, @RequestParam String building,
			@RequestParam String floor, @RequestParam String window, @RequestParam(defaultValue = "") String documents,
			@RequestParam(defaultValue = "") String forms, @RequestParam(defaultValue = "") String explanation,
			@RequestParam(defaultValue = "0") int routeOrder, @RequestParam(defaultValue = "") String noFormReason,
			Principal caller, RedirectAttributes redirect) {
		try {
			administration.saveProcedure(new Procedure(code, name.strip(), nameEn.strip(), plainName.strip(),
					department.strip(), building.strip(), floor.strip(), window.strip(), lines(documents), lines(forms),
					explanation.strip(), routeOrder, noFormReason), caller.getName());
			redirect.addFlashAttribute("procedureSaved", true);
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("procedureError", ex.getLocalizedMessage());
		}
		return "redirect:/guidance/admin/" + code + "#procedure-details";
	}

	private static List<String> lines(String text) {
		return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	private void prepare(String code, RuleForm form, Model model) {
		Procedure procedure = administration.procedure(code);
		model.addAttribute("procedure", procedure);
		model.addAttribute("documentsText", String.join("\n", procedure.documents()));
		model.addAttribute("formsText", String.join("\n", procedure.forms()));
		model.addAttribute("rules", administration.rules(code));
		model.addAttribute("ruleForm", form);
		model.addAttribute("samples", SampleHouseholds.titles());
		model.addAttribute("facts", FactCatalogue.facts());
		model.addAttribute("functions", FactCatalogue.functions());
	}

}
