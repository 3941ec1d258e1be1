package jp.madoguchi.moving.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.terminals.Terminals;
import jp.madoguchi.moving.Finding;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.FilerKind;
import jp.madoguchi.moving.NotificationContent.ForeignResidentCategory;
import jp.madoguchi.moving.NotificationContent.HealthInsurance;
import jp.madoguchi.moving.NotificationContent.IdentityDocument;
import jp.madoguchi.moving.NotificationContent.Sex;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.moving.domain.NotificationEditing;
import jp.madoguchi.moving.domain.NotificationLegalHolds;
import jp.madoguchi.moving.domain.NotificationQueries;
import jp.madoguchi.moving.domain.NotificationSearch;
import jp.madoguchi.moving.domain.NotificationStatusChanges;
import jp.madoguchi.moving.domain.RelationshipMaster;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 異動届の作成・修正 and 検索 for counter staff. Every button works without JavaScript; with htmx
 * the findings panel follows the form as staff type.
 */
@Controller
@RequestMapping("/notifications")
class NotificationPageController {

	static final String VIEW_SEARCH = "moving/search";

	static final String VIEW_EDIT = "moving/edit";

	static final String FRAGMENT_FINDINGS = "moving/edit :: findings";

	private final NotificationEditing editing;

	private final NotificationQueries notifications;

	private final NotificationStatusChanges statusChanges;

	private final NotificationLegalHolds legalHolds;

	private final RelationshipMaster relationships;

	private final MessageSource messages;

	private final Terminals terminals;

	/** Spring's proxy to the current request: the terminal is known per request. */
	private final HttpServletRequest request;

	NotificationPageController(NotificationEditing editing, NotificationQueries notifications,
			NotificationStatusChanges statusChanges, NotificationLegalHolds legalHolds,
			RelationshipMaster relationships, MessageSource messages, Terminals terminals, HttpServletRequest request) {
		this.editing = editing;
		this.notifications = notifications;
		this.statusChanges = statusChanges;
		this.legalHolds = legalHolds;
		this.relationships = relationships;
		this.messages = messages;
		this.terminals = terminals;
		this.request = request;
	}

	@InitBinder("form")
	void bindFields(WebDataBinder binder) {
		binder.initDirectFieldAccess();
	}

	@GetMapping
	@PreAuthorize(NotificationApiController.CAN_READ)
	String search(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable NotificationStatus status, Model model) {
		boolean searched = name != null || from != null || to != null || status != null;
		model.addAttribute("name", name);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("status", status);
		model.addAttribute("statuses", NotificationStatus.values());
		model.addAttribute("results",
				searched ? notifications.search(new NotificationSearch(name, from, to, status, 100)) : List.of());
		model.addAttribute("searched", searched);
		return VIEW_SEARCH;
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	String newForm(@RequestParam(defaultValue = "MOVE_IN") NotificationType type, Model model) {
		NotificationForm form = new NotificationForm();
		form.type = type;
		form.variant = Arrays.stream(Variant.values()).filter(type::allows).findFirst().orElseThrow();
		form.persons.add(new NotificationForm.PersonForm());
		form.persons.get(0).relationship = "世帯主";
		prepare(model, form, new DirectFieldBindingResult(form, "form"), null);
		return VIEW_EDIT;
	}

	@PostMapping("/new")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	String create(@ModelAttribute("form") NotificationForm form, BindingResult errors,
			@RequestParam(name = "_action", defaultValue = "save") String action, Model model) {
		applyListAction(form, action);
		NotificationContent content = form.toContent(errors);
		if (errors.hasErrors() || !action.equals("save")) {
			prepare(model, form, errors, null);
			return VIEW_EDIT;
		}
		try {
			NotificationView created = editing.create(content, false);
			return "redirect:/notifications/" + created.id();
		}
		catch (ProblemException ex) {
			errors.reject(ex.code(), ex.getLocalizedMessage());
			prepare(model, form, errors, null);
			return VIEW_EDIT;
		}
	}

	@GetMapping("/{id}")
	@PreAuthorize(NotificationApiController.CAN_READ)
	String edit(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean revealMyNumbers,
			Authentication caller, Model model) {
		// Showing My Numbers in full is a deliberate, audited act of a permitted user.
		boolean reveal = revealMyNumbers
				&& caller.getAuthorities().stream().anyMatch(a -> "MY_NUMBER_VIEW".equals(a.getAuthority()));
		NotificationView view = notifications.read(id, reveal);
		NotificationForm form = NotificationForm.of(view.content(), view.version());
		prepare(model, form, new DirectFieldBindingResult(form, "form"), view);
		return VIEW_EDIT;
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	String save(@PathVariable UUID id, @ModelAttribute("form") NotificationForm form, BindingResult errors,
			@RequestParam(name = "_action", defaultValue = "save") String action, Model model,
			RedirectAttributes redirect) {
		applyListAction(form, action);
		NotificationContent content = form.toContent(errors);
		if (errors.hasErrors()) {
			prepare(model, form, errors, notifications.read(id, false));
			return VIEW_EDIT;
		}
		try {
			editing.revise(id, form.version, content, false);
		}
		catch (ProblemException ex) {
			errors.reject(ex.code(), ex.getLocalizedMessage());
			prepare(model, form, errors, notifications.read(id, false));
			return VIEW_EDIT;
		}
		catch (org.springframework.dao.OptimisticLockingFailureException stale) {
			errors.reject("STALE_VERSION", message("problem.STALE_VERSION"));
			prepare(model, form, errors, notifications.read(id, false));
			return VIEW_EDIT;
		}
		redirect.addFlashAttribute("saved", "notification.saved");
		return "redirect:/notifications/" + id;
	}

	/** The live findings panel: the form's content checked without saving it. */
	@PostMapping("/findings")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	String findings(@ModelAttribute("form") NotificationForm form, BindingResult errors, Model model) {
		NotificationContent content = form.toContent(errors);
		model.addAttribute("findings", editing.preview(content));
		return FRAGMENT_FINDINGS;
	}

	@PostMapping("/{id}/accept")
	@PreAuthorize("hasAuthority('NOTIFICATION_ACCEPT')")
	String accept(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			statusChanges.accept(id, false);
			redirect.addFlashAttribute("saved", "notification.accepted");
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("refused", ex.getLocalizedMessage());
		}
		return "redirect:/notifications/" + id;
	}

	/**
	 * Legal hold (保存延長) from the notification's page: the same service as the API, so the
	 * same rule (a hold needs a reason) and the same audit.
	 */
	@PostMapping("/{id}/legal-hold")
	@PreAuthorize("hasAuthority('MASTER_ADMIN')")
	String legalHold(@PathVariable UUID id, @RequestParam boolean held,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		try {
			legalHolds.setLegalHold(id, held, reason);
			redirect.addFlashAttribute("saved",
					held ? "notification.legalHold.set" : "notification.legalHold.released");
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("refused", ex.getLocalizedMessage());
		}
		return "redirect:/notifications/" + id;
	}

	/** Add, remove or move a person: a form button, so the page needs no script. */
	private static void applyListAction(NotificationForm form, String action) {
		String[] parts = action.split(":");
		int index = (parts.length > 1) ? Integer.parseInt(parts[1]) : -1;
		boolean valid = index >= 0 && index < form.persons.size();
		switch (parts[0]) {
			case "addPerson" -> form.persons.add(new NotificationForm.PersonForm());
			case "removePerson" -> {
				if (valid) {
					form.persons.remove(index);
				}
			}
			case "moveUp" -> {
				if (valid && index > 0) {
					form.persons.add(index - 1, form.persons.remove(index));
				}
			}
			default -> {
			}
		}
	}

	private void prepare(Model model, NotificationForm form, BindingResult errors, @Nullable NotificationView view) {
		model.addAttribute("form", form);
		model.addAttribute("dateEcho", form.dateEcho());
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		model.addAttribute("notification", view);
		model.addAttribute("legalHold", (view != null) ? legalHolds.legalHold(view.id()) : null);
		model.addAttribute("findings", (view != null) ? view.findings() : List.<Finding>of());
		model.addAttribute("editable", view == null || view.status() == NotificationStatus.DRAFT);
		// The PIN goes from this page to the agent on the terminal, never to the server.
		Terminals.CardAgent agent = terminals.cardAgent(request).orElse(null);
		model.addAttribute("cardAgentUrl", (agent != null) ? agent.url() : null);
		model.addAttribute("cardAgentToken", (agent != null) ? agent.token() : null);
		model.addAttribute("types", labels(NotificationType.values(), "notification.type."));
		model.addAttribute("variants",
				labels(Arrays.stream(Variant.values()).filter(form.type::allows).toArray(Variant[]::new),
						"notification.variant."));
		model.addAttribute("sexes", labels(Sex.values(), "notification.sex."));
		model.addAttribute("filerKinds", labels(FilerKind.values(), "notification.filer."));
		model.addAttribute("insurances", labels(HealthInsurance.values(), "notification.insurance."));
		model.addAttribute("categories", labels(ForeignResidentCategory.values(), "notification.category."));
		model.addAttribute("documents", labels(IdentityDocument.values(), "notification.document."));
		Map<String, String> relationshipNames = new LinkedHashMap<>();
		relationships.active().forEach(r -> relationshipNames.put(r.name(), r.name()));
		model.addAttribute("relationships", relationshipNames);
	}

	private <E extends Enum<E>> Map<String, String> labels(E[] values, String prefix) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (E value : values) {
			labels.put(value.name(), message(prefix + value.name()));
		}
		return labels;
	}

	private String message(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
