package jp.madoguchi.residentrecord.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import jakarta.servlet.http.HttpServletRequest;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.CardMyNumbers;
import jp.madoguchi.residentrecord.CardItems;
import jp.madoguchi.residentrecord.ResidentQuery;
import jp.madoguchi.residentrecord.ResidentRecordLookup;
import jp.madoguchi.residentrecord.SentAhead;
import jp.madoguchi.residentrecord.SentAheadQuery;
import jp.madoguchi.residentrecord.domain.lookup.HouseholdSearch;
import jp.madoguchi.residentrecord.domain.lookup.HouseholdSearch.Comparison;
import jp.madoguchi.terminals.Terminals;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The counter's household search: POST forms (no names in URLs) and the households found
 * (no script needed). Each household's start buttons post to moving, which creates the
 * draft from the record (ADR-19). Audited like the API.
 */
@Controller
class HouseholdPageController {

	static final String VIEW = "residentrecord/households";

	private final HouseholdSearch households;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final ResidentRecordLookup lookup;

	private final Terminals terminals;

	private final CardMyNumbers cards;

	HouseholdPageController(HouseholdSearch households, AuditTrail audit, MessageSource messages,
			ResidentRecordLookup lookup, Terminals terminals, CardMyNumbers cards) {
		this.cards = cards;
		this.households = households;
		this.audit = audit;
		this.messages = messages;
		this.lookup = lookup;
		this.terminals = terminals;
	}

	/**
	 * One entry of data sent ahead on the page; after a card read, which person the card
	 * matched and how.
	 */
	public record SentAheadRow(SentAhead entry, @Nullable Integer matchedPerson,
			HouseholdSearch.@Nullable CardMatch match) {
	}

	/**
	 * The page with its forms; {@code householdId} (a 世帯番号, which names no one) lists
	 * that household, e.g. after a start button was refused. Searches by name, birth date
	 * or address are POSTs (below): names stay out of URLs, logs and the browser's
	 * history, and a result cannot be bookmarked.
	 */
	@GetMapping("/resident-record/households")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	String page(@RequestParam(required = false) @Nullable String householdId, HttpServletRequest request, Model model) {
		return households(new ResidentQuery(null, null, blankToNull(householdId), null), request, model);
	}

	/**
	 * The household search (name, birth date, address, household number): a form POST.
	 */
	@PostMapping("/resident-record/households/search")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	String search(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate birthDate,
			@RequestParam(required = false) @Nullable String householdId,
			@RequestParam(required = false) @Nullable String address, HttpServletRequest request, Model model) {
		return households(
				new ResidentQuery(blankToNull(name), birthDate, blankToNull(householdId), blankToNull(address)),
				request, model);
	}

	/** The search of the data sent ahead (name, birth date): a form POST. */
	@PostMapping("/resident-record/households/sent-ahead")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	String searchSentAhead(@RequestParam(required = false) @Nullable String sentAheadName,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate sentAheadBirthDate,
			HttpServletRequest request, Model model) {
		SentAheadQuery sentAhead = new SentAheadQuery(blankToNull(sentAheadName), sentAheadBirthDate, null);
		prepare(model, new ResidentQuery(null, null, null, null), sentAhead, request);
		if (!sentAhead.isEmpty()) {
			String criteria = "page sent-ahead name=" + given(sentAhead.name()) + " birthDate="
					+ given(sentAhead.birthDate());
			audited(model, criteria, () -> lookup.findSentAhead(sentAhead), List::size, found -> model
				.addAttribute("sentAhead", found.stream().map(entry -> new SentAheadRow(entry, null, null)).toList()));
		}
		return VIEW;
	}

	private String households(ResidentQuery query, HttpServletRequest request, Model model) {
		prepare(model, query, new SentAheadQuery(null, null, null), request);
		if (query.isEmpty()) {
			return VIEW;
		}
		String criteria = "page households name=" + given(query.name()) + " birthDate=" + given(query.birthDate())
				+ " householdId=" + ((query.householdId() != null) ? query.householdId() : "") + " address="
				+ given(query.address());
		audited(model, criteria, () -> households.find(query), HouseholdSearch.Households::matchedResidents,
				found -> model.addAttribute("result", found));
		return VIEW;
	}

	/**
	 * カード読取 on this page: the card's four items (filled by card-reader.js into the form,
	 * a POST so that they stay out of URLs and logs) matched against the record and the
	 * data sent ahead; every candidate listed with each item compared.
	 */
	@PostMapping("/resident-record/households/card")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	String byCard(@RequestParam(required = false) @Nullable String cardName,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate cardBirthDate,
			@RequestParam(required = false) @Nullable String cardSex,
			@RequestParam(required = false) @Nullable String cardAddress,
			@RequestParam(required = false) @Nullable String cardMyNumber, HttpServletRequest request, Model model) {
		prepare(model, new ResidentQuery(null, null, null, null), new SentAheadQuery(null, null, null), request);
		if (cardName == null || cardName.isBlank() || cardBirthDate == null) {
			model.addAttribute("problem",
					messages.getMessage("problem.CARD_ITEMS_REQUIRED", null, LocaleContextHolder.getLocale()));
			return VIEW;
		}
		CardItems card = new CardItems(cardName, cardBirthDate, blankToNull(cardSex), blankToNull(cardAddress));
		model.addAttribute("byCard", true);
		audited(model, "page households by card", () -> households.byCard(card),
				HouseholdSearch.Households::matchedResidents, found -> {
					model.addAttribute("result", found);
					if (cardMyNumber != null && !cardMyNumber.isBlank()) {
						model.addAttribute("cardMyNumbers", cardMyNumbers(found, cardMyNumber));
					}
				});
		audited(model, "page sent-ahead by card", () -> households.sentAheadByCard(card), List::size,
				found -> model.addAttribute("sentAhead",
						found.stream().map(m -> new SentAheadRow(m.sentAhead(), m.personIndex(), m.match())).toList()));
		return VIEW;
	}

	/**
	 * The card's My Number for each household found, sealed for the member the card
	 * matched there (born that day, the name the same or the same folded): a candidate
	 * per household, none picked for staff. The page holds the tokens and the masked
	 * number only; the start button of the household staff choose carries its token to
	 * the draft.
	 */
	private Map<String, CardNumber> cardMyNumbers(HouseholdSearch.Households found, String myNumber) {
		Map<String, CardNumber> sealed = new LinkedHashMap<>();
		for (HouseholdSearch.Household household : found.households()) {
			household.members()
				.stream()
				.filter(m -> m.cardMatch() != null && m.cardMatch().birthDate() == Comparison.SAME
						&& (m.cardMatch().name() == Comparison.SAME || m.cardMatch().name() == Comparison.SAME_FOLDED))
				.findFirst()
				.flatMap(m -> cards.seal(m.resident().residentId(), myNumber)
					.map(token -> new CardNumber(m.resident().residentId(), m.resident().fullName(), token,
							cards.masked(myNumber))))
				.ifPresent(card -> sealed.put(String.valueOf(household.householdId()), card));
		}
		if (!sealed.isEmpty()) {
			audit.record(AuditEntry.success("MY_NUMBER_READ_FROM_CARD", null,
					"page households by card candidates=" + sealed.size()));
		}
		return sealed;
	}

	/**
	 * The card's My Number as the page holds it: for whom, sealed, and masked to show.
	 */
	public record CardNumber(String residentId, String name, String token, String masked) {

		@Override
		public String toString() {
			return "CardNumber[residentId=" + residentId + "]";
		}

	}

	private void prepare(Model model, ResidentQuery query, SentAheadQuery sentAhead, HttpServletRequest request) {
		model.addAttribute("cardMyNumbers", Map.of());
		model.addAttribute("criteria", query);
		model.addAttribute("sentAheadCriteria", sentAhead);
		model.addAttribute("result", null);
		model.addAttribute("problem", null);
		model.addAttribute("sentAhead", null);
		model.addAttribute("byCard", false);
		// カード読取: the PIN goes from the page to the terminal's agent only.
		Terminals.CardAgent agent = terminals.cardAgent(request).orElse(null);
		model.addAttribute("cardAgentUrl", (agent != null) ? agent.url() : null);
		model.addAttribute("cardAgentToken", (agent != null) ? agent.token() : null);
	}

	private <T> void audited(Model model, String criteria, Supplier<T> search, ToIntFunction<T> hits,
			Consumer<T> show) {
		try {
			T found = search.get();
			audit.record(
					AuditEntry.success("RESIDENT_RECORD_LOOKUP", null, criteria + " hits=" + hits.applyAsInt(found)));
			show.accept(found);
		}
		catch (ResidentRecordLookup.LookupUnavailableException ex) {
			audit.record(AuditEntry.failure("RESIDENT_RECORD_LOOKUP", null, criteria + " " + ex.getMessage()));
			model.addAttribute("problem", messages.getMessage("problem.RESIDENT_LOOKUP_UNAVAILABLE",
					new Object[] { ex.getMessage() }, LocaleContextHolder.getLocale()));
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String given(@Nullable Object value) {
		return (value != null) ? "(given)" : "";
	}

}
