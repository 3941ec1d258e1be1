package jp.madoguchi.moving.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.terminals.Terminals;
import jp.madoguchi.moving.CharacterToChoose;
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
import jp.madoguchi.moving.PreApplications;
import jp.madoguchi.moving.RecordOrigin;
import jp.madoguchi.moving.domain.CharacterChoices;
import jp.madoguchi.moving.domain.DraftsFromRecord;
import jp.madoguchi.moving.domain.NotificationEditing;
import jp.madoguchi.moving.domain.NotificationLegalHolds;
import jp.madoguchi.moving.domain.NotificationQueries;
import jp.madoguchi.moving.domain.NotificationSearch;
import jp.madoguchi.moving.domain.NotificationStatusChanges;
import jp.madoguchi.moving.domain.RecordDifferences;
import jp.madoguchi.moving.domain.RecordMarks;
import jp.madoguchi.moving.domain.RelationshipMaster;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.text.ExactText;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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

	/** The source of a comparison with the record: the My Number card's four items. */
	static final String CARD = RecordDifferences.CARD;

	private final NotificationEditing editing;

	private final NotificationQueries notifications;

	private final NotificationStatusChanges statusChanges;

	private final NotificationLegalHolds legalHolds;

	private final RelationshipMaster relationships;

	private final CharacterChoices characters;

	private final MessageSource messages;

	private final Terminals terminals;

	private final DraftsFromRecord fromRecord;

	private final RecordDifferences differences;

	private final ObjectProvider<PreApplications> preApplications;

	/** Spring's proxy to the current request: the terminal is known per request. */
	private final HttpServletRequest request;

	NotificationPageController(NotificationEditing editing, NotificationQueries notifications,
			NotificationStatusChanges statusChanges, NotificationLegalHolds legalHolds,
			RelationshipMaster relationships, CharacterChoices characters, MessageSource messages, Terminals terminals,
			DraftsFromRecord fromRecord, RecordDifferences differences, ObjectProvider<PreApplications> preApplications,
			HttpServletRequest request) {
		this.preApplications = preApplications;
		this.fromRecord = fromRecord;
		this.differences = differences;
		this.editing = editing;
		this.characters = characters;
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

	/**
	 * The search form. The search itself is a POST: a name must not end up in a URL
	 * (logs, history).
	 */
	@GetMapping
	@PreAuthorize(NotificationApiController.CAN_READ)
	String searchForm(Model model) {
		return searchPage(null, null, null, null, false, model);
	}

	@PostMapping("/search")
	@PreAuthorize(NotificationApiController.CAN_READ)
	String search(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable NotificationStatus status, Model model) {
		String given = (name == null || name.isBlank()) ? null : name.strip();
		return searchPage(given, from, to, status, true, model);
	}

	private String searchPage(@Nullable String name, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable NotificationStatus status, boolean searched, Model model) {
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
	 * Staff's choices for the characters the resident-record target cannot carry: for row
	 * {@code i}, the radio {@code choice-i} names a candidate, or {@code typed} for the
	 * text typed in {@code typed-i}. Rows without either stay open.
	 */
	@PostMapping("/{id}/characters")
	@PreAuthorize(CharacterChoiceApiController.MAY_CHOOSE)
	String chooseCharacters(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		List<String> fields = params.getOrDefault("field", List.of());
		List<String> originals = params.getOrDefault("original", List.of());
		List<CharacterChoices.Request> requests = new ArrayList<>();
		for (int i = 0; i < Math.min(fields.size(), originals.size()); i++) {
			String choice = params.getFirst("choice-" + i);
			String typed = params.getFirst("typed-" + i);
			String replacement = (choice == null || choice.equals("typed")) ? typed : choice;
			if (replacement != null && !replacement.isBlank()) {
				requests.add(new CharacterChoices.Request(fields.get(i), originals.get(i), replacement.strip()));
			}
		}
		try {
			characters.choose(id, requests);
			redirect.addFlashAttribute("saved", "notification.characters.saved");
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("refused", ex.getLocalizedMessage());
		}
		return "redirect:/notifications/" + id + "#characters";
	}

	/**
	 * カード読取 on a draft filled from the resident record: the card's four items are not
	 * written into the form (card-reader.js posts them here instead); what differs from
	 * the draft is shown side by side for staff to choose. When all agree, nothing to
	 * choose.
	 */
	@PostMapping("/{id}/card-compare")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	String compareCard(@PathVariable UUID id, @RequestParam(defaultValue = "0") int person,
			@RequestParam(required = false) @Nullable String cardName,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate cardBirthDate,
			@RequestParam(required = false) @Nullable String cardSex,
			@RequestParam(required = false) @Nullable String cardAddress, Model model, RedirectAttributes redirect) {
		List<RecordDifferences.Difference> found = differences.compare(id,
				new RecordDifferences.Read(CARD, person, cardName, cardBirthDate, cardSex, cardAddress));
		return differencesPage(id, found, CARD, model, redirect);
	}

	/**
	 * 事前申請（QRコード）と照合 on a draft filled from the resident record: the scanned codes
	 * (keyboard-wedge reader, as on the scan page) are read through
	 * {@link PreApplications} and compared with the draft by {@link RecordDifferences};
	 * what differs is shown side by side exactly as for a card read, for staff to choose.
	 * Nothing of the pre-application is written before. A refused scan says why.
	 */
	@PostMapping("/{id}/prefiling-compare")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	String comparePreApplication(@PathVariable UUID id, @RequestParam(defaultValue = "") String payload, Model model,
			RedirectAttributes redirect) {
		PreApplications reader = preApplications.getIfAvailable();
		List<RecordDifferences.Difference> found;
		try {
			if (reader == null) {
				throw ProblemException.invalid("PREFILING_PAYLOAD_INVALID");
			}
			found = differences.comparePreApplication(id,
					reader.read(List.of(payload), LocaleContextHolder.getLocale()));
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("refused", ex.getLocalizedMessage());
			return "redirect:/notifications/" + id + "#prefiling-compare";
		}
		return differencesPage(id, found, RecordDifferences.PREFILING, model, redirect);
	}

	private String differencesPage(UUID id, List<RecordDifferences.Difference> found, String source, Model model,
			RedirectAttributes redirect) {
		if (found.isEmpty()) {
			redirect.addFlashAttribute("saved",
					"notification.differences.none" + (RecordDifferences.PREFILING.equals(source) ? ".PREFILING" : ""));
			return "redirect:/notifications/" + id;
		}
		NotificationView view = notifications.read(id, false);
		NotificationForm form = NotificationForm.of(view.content(), view.version());
		prepare(model, form, new DirectFieldBindingResult(form, "form"), view);
		List<DifferenceRow> rows = new ArrayList<>();
		for (int i = 0; i < found.size(); i++) {
			rows.add(new DifferenceRow(i, found.get(i), differenceLabel(found.get(i))));
		}
		model.addAttribute("differences", rows);
		model.addAttribute("differenceSource", source);
		return VIEW_EDIT;
	}

	/**
	 * Staff's choice per difference: {@code choice-i} is {@code RECORD} (keep) or
	 * {@code READ} (take the card's or the pre-application's value, {@code source}).
	 * Nothing changes without a choice.
	 */
	@PostMapping("/{id}/differences")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	String chooseDifferences(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		List<String> items = params.getOrDefault("item", List.of());
		List<String> reads = params.getOrDefault("read", List.of());
		List<RecordDifferences.Choice> choices = new ArrayList<>();
		for (int i = 0; i < Math.min(items.size(), reads.size()); i++) {
			String choice = params.getFirst("choice-" + i);
			if (choice != null) {
				choices.add(new RecordDifferences.Choice(items.get(i), reads.get(i), "READ".equals(choice)));
			}
		}
		String source = RecordDifferences.PREFILING.equals(params.getFirst("source")) ? RecordDifferences.PREFILING
				: CARD;
		try {
			differences.choose(id, source, choices);
			redirect.addFlashAttribute("saved", "notification.differences.saved");
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("refused", ex.getLocalizedMessage());
		}
		return "redirect:/notifications/" + id;
	}

	/** 「1人目 氏」, 「前の住所」: the item as the form names it. */
	private String differenceLabel(RecordDifferences.Difference difference) {
		String item = difference.item();
		if (!item.startsWith("persons[")) {
			int dot = item.indexOf('.');
			// 「前の住所 番地」: an address part
			return (dot < 0) ? message("notification." + item) : message("notification." + item.substring(0, dot)) + " "
					+ message("notification." + item.substring(dot + 1));
		}
		return messages.getMessage("notification.person", new Object[] { difference.person() + 1 },
				LocaleContextHolder.getLocale()) + " "
				+ message("notification." + item.substring(item.indexOf('.') + 1));
	}

	/** One difference on the page, with the code points of both sides. */
	public record DifferenceRow(int index, RecordDifferences.Difference difference, String label) {

		public String recordedCodePoints() {
			return (difference.recorded() != null) ? CharacterToChoose.codePoints(difference.recorded()) : "";
		}

		public String readCodePoints() {
			return CharacterToChoose.codePoints(difference.read());
		}

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
		List<CharacterRow> rows = new ArrayList<>();
		if (view != null && view.status() == NotificationStatus.DRAFT) {
			List<CharacterToChoose> needed = characters.needed(view.id());
			for (int i = 0; i < needed.size(); i++) {
				rows.add(new CharacterRow(i, needed.get(i), label(needed.get(i))));
			}
		}
		model.addAttribute("characterRows", rows);
		RecordOrigin origin = (view != null) ? fromRecord.origin(view.id()).orElse(null) : null;
		model.addAttribute("recordOrigin", origin);
		model.addAttribute("beforeAndAfter",
				(view != null) ? fromRecord.beforeAndAfter(view.id(), view.content()).orElse(null) : null);
		model.addAttribute("differences", List.of());
		model.addAttribute("differenceSource", CARD);
		model.addAttribute("recordMarks", (origin != null) ? RecordMarks.byFormField(origin) : Map.of());
		model.addAttribute("characterTarget", characters.target().orElse(""));
		// The PIN goes from this page to the agent on the terminal, never to the server.
		Terminals.CardAgent agent = terminals.cardAgent(request).orElse(null);
		model.addAttribute("cardAgentUrl", (agent != null) ? agent.url() : null);
		model.addAttribute("cardAgentToken", (agent != null) ? agent.token() : null);
		model.addAttribute("types", labels(NotificationType.values(), "notification.type."));
		model.addAttribute("variants",
				labels(Arrays.stream(Variant.values()).filter(form.type::allows).toArray(Variant[]::new),
						"notification.variant."));
		Map<String, String> householdKinds = new LinkedHashMap<>();
		householdKinds.put("true", message("notification.newHousehold.true"));
		householdKinds.put("false", message("notification.newHousehold.false"));
		model.addAttribute("householdKinds", householdKinds);
		model.addAttribute("sexes", labels(Sex.values(), "notification.sex."));
		model.addAttribute("filerKinds", labels(FilerKind.values(), "notification.filer."));
		model.addAttribute("insurances", labels(HealthInsurance.values(), "notification.insurance."));
		model.addAttribute("categories", labels(ForeignResidentCategory.values(), "notification.category."));
		model.addAttribute("documents", labels(IdentityDocument.values(), "notification.document."));
		Map<String, String> relationshipNames = new LinkedHashMap<>();
		relationships.active().forEach(r -> relationshipNames.put(r.name(), r.name()));
		model.addAttribute("relationships", relationshipNames);
	}

	/** 「1人目 氏」, 「新しい住所 町名」: the item as the form names it. */
	private String label(CharacterToChoose character) {
		String[] segments = character.field().substring(1).split("/");
		String item = character.item();
		String named = switch (character.field()) {
			case "/filer/name" -> message("notification.filerName");
			case "/household/headName" -> message("notification.headName");
			default -> message("notification." + item);
		};
		if (character.person() > 0) {
			return messages.getMessage("notification.person", new Object[] { character.person() },
					LocaleContextHolder.getLocale()) + " " + named;
		}
		if (segments.length > 1 && (segments[0].equals("newAddress") || segments[0].equals("previousAddress"))) {
			return message("notification." + segments[0]) + " " + named;
		}
		return named;
	}

	/**
	 * One row of the character choices on the page. Characters are shown as the print
	 * font's glyphs ({@code /api/v1/characters/glyphs/{glyph}.svg}), so a variation
	 * sequence shows its own form whatever fonts the counter's browser has.
	 */
	public record CharacterRow(int index, CharacterToChoose character, String label) {

		public List<Option> options() {
			return character.candidates().stream().map(Option::of).toList();
		}

		public Option original() {
			return Option.of(character.original());
		}

	}

	/**
	 * @param glyph the code points naming the character's glyph, {@code null} for text
	 * that is not one character
	 */
	public record Option(String text, String codePoints, @Nullable String glyph) {

		static Option of(String text) {
			return new Option(text, CharacterToChoose.codePoints(text), ExactText.glyphKey(text).orElse(null));
		}

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
