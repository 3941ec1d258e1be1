package jp.madoguchi.residentrecord.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.residentrecord.CardItems;
import jp.madoguchi.residentrecord.Resident;
import jp.madoguchi.residentrecord.ResidentQuery;
import jp.madoguchi.residentrecord.ResidentRecordLookup;
import jp.madoguchi.residentrecord.SentAhead;
import jp.madoguchi.residentrecord.SentAheadQuery;
import jp.madoguchi.residentrecord.domain.lookup.HouseholdSearch;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The current resident record and the moving-out data sent ahead, to start a 転出, 転居, 世帯変更
 * or 特例転入 from what the city already knows. Every lookup is personal-data access and
 * audited as {@code RESIDENT_RECORD_LOOKUP} (who asked, which kind of search with which
 * criteria given, how many found; names and birth dates are not written to the log).
 */
@RestController
@Tag(name = "Resident-record lookup", description = "住民記録の照会: residents, households, card reads, data sent ahead")
class ResidentLookupApiController {

	private final ResidentRecordLookup lookup;

	private final HouseholdSearch households;

	private final AuditTrail audit;

	private final Clock clock;

	ResidentLookupApiController(ResidentRecordLookup lookup, HouseholdSearch households, AuditTrail audit,
			Clock clock) {
		this.lookup = lookup;
		this.households = households;
		this.audit = audit;
		this.clock = clock;
	}

	@PostMapping("/api/v1/resident-record/residents/search")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	@Operation(summary = "Residents in the current resident record",
			description = "Body {name (kanji or kana, folded), birthDate, householdId, address}; at least one. A POST: names and birth dates stay out of URLs, logs and browser history. 422 LOOKUP_CRITERIA_REQUIRED, 503 RESIDENT_LOOKUP_UNAVAILABLE when the source cannot answer")
	List<Resident> find(@RequestBody @Nullable SearchBody body) {
		ResidentQuery query = query(body);
		return audited("residents " + criteria(query), () -> lookup.find(query), List::size);
	}

	@GetMapping("/api/v1/resident-record/residents/by-id")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	@Operation(summary = "Residents by 宛名番号",
			description = "ids, in the order asked; 422 UNKNOWN_RESIDENT_IDS naming the ids the record does not have")
	List<Resident> byIds(@RequestParam(name = "ids", required = false) @Nullable List<String> ids) {
		Set<String> asked = new LinkedHashSet<>();
		if (ids != null) {
			ids.stream().map(String::strip).filter(id -> !id.isEmpty()).forEach(asked::add);
		}
		if (asked.isEmpty()) {
			throw ProblemException.invalid("RESIDENT_IDS_REQUIRED");
		}
		List<Resident> found = audited("residents by id count=" + asked.size(),
				() -> lookup.findByIds(List.copyOf(asked)), List::size);
		List<String> unknown = new ArrayList<>(asked);
		found.forEach(r -> unknown.remove(r.residentId()));
		if (!unknown.isEmpty()) {
			throw ProblemException.invalid("UNKNOWN_RESIDENT_IDS", String.join(", ", unknown));
		}
		return found;
	}

	@PostMapping("/api/v1/resident-record/households/search")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	@Operation(summary = "Households of the residents a search finds",
			description = "Same body as residents/search; grouped by household with every member, the matched ones marked; at most 50 households (truncated). Never picks one.")
	HouseholdSearch.Households households(@RequestBody @Nullable SearchBody body) {
		ResidentQuery query = query(body);
		return audited("households " + criteria(query), () -> households.find(query),
				HouseholdSearch.Households::matchedResidents);
	}

	@PostMapping("/api/v1/resident-record/households/card-match")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	@Operation(summary = "Households of the residents a My Number card's four items match",
			description = "Body {name, birthDate, sex, address} as read from the card. Residents born that day whose name matches (exactly or folded), or whose address and sex match; each item's comparison given (SAME, SAME_FOLDED, PARTIAL, DIFFERENT, UNKNOWN). 422 CARD_ITEMS_REQUIRED without name and birth date.")
	HouseholdSearch.Households householdsByCard(@RequestBody @Nullable CardBody body) {
		CardItems card = card(body);
		return audited("households by card", () -> households.byCard(card),
				HouseholdSearch.Households::matchedResidents);
	}

	@PostMapping("/api/v1/resident-record/sent-ahead/search")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	@Operation(summary = "Moving-out data sent ahead (特例転入)",
			description = "Body {name (folded), birthDate (of a person in it), plannedVisitDate}; at least one. 422 LOOKUP_CRITERIA_REQUIRED")
	List<SentAhead> sentAhead(@RequestBody @Nullable SentAheadBody body) {
		SentAheadQuery query = (body != null)
				? new SentAheadQuery(blankToNull(body.name()), body.birthDate(), body.plannedVisitDate())
				: new SentAheadQuery(null, null, null);
		if (query.isEmpty()) {
			throw ProblemException.invalid("LOOKUP_CRITERIA_REQUIRED");
		}
		String criteria = "sent-ahead name=" + given(query.name()) + " birthDate=" + given(query.birthDate())
				+ " plannedVisitDate=" + ((query.plannedVisitDate() != null) ? query.plannedVisitDate() : "");
		return audited(criteria, () -> lookup.findSentAhead(query), List::size);
	}

	@GetMapping("/api/v1/resident-record/sent-ahead/expected-arrivals")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	@Operation(summary = "Today's expected arrivals: data sent ahead with this planned visit date",
			description = "date defaults to today (the server's clock)")
	List<SentAhead> expectedArrivals(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
		LocalDate day = (date != null) ? date : LocalDate.now(clock);
		return audited("sent-ahead expected-arrivals date=" + day,
				() -> lookup.findSentAhead(new SentAheadQuery(null, null, day)), List::size);
	}

	@PostMapping("/api/v1/resident-record/sent-ahead/card-match")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	@Operation(summary = "Data sent ahead with a person a My Number card's four items match",
			description = "Body as for households/card-match; the card's address is compared with the previous address")
	List<HouseholdSearch.SentAheadMatch> sentAheadByCard(@RequestBody @Nullable CardBody body) {
		CardItems card = card(body);
		return audited("sent-ahead by card", () -> households.sentAheadByCard(card), List::size);
	}

	/** The card's four items as the card reader or the staff's form sends them. */
	record CardBody(@Nullable String name, @Nullable LocalDate birthDate, @Nullable String sex,
			@Nullable String address) {
	}

	private static CardItems card(@Nullable CardBody body) {
		if (body == null || body.name() == null || body.name().isBlank() || body.birthDate() == null) {
			throw ProblemException.invalid("CARD_ITEMS_REQUIRED");
		}
		return new CardItems(body.name(), body.birthDate(), body.sex(), body.address());
	}

	/** A search of the record, in the body of a POST (issue 20: no names in URLs). */
	record SearchBody(@Nullable String name, @Nullable LocalDate birthDate, @Nullable String householdId,
			@Nullable String address) {
	}

	/** A search of the data sent ahead, in the body of a POST. */
	record SentAheadBody(@Nullable String name, @Nullable LocalDate birthDate, @Nullable LocalDate plannedVisitDate) {
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static ResidentQuery query(@Nullable SearchBody body) {
		ResidentQuery query = (body == null) ? new ResidentQuery(null, null, null, null)
				: new ResidentQuery(blankToNull(body.name()), body.birthDate(), blankToNull(body.householdId()),
						blankToNull(body.address()));
		if (query.isEmpty()) {
			throw ProblemException.invalid("LOOKUP_CRITERIA_REQUIRED");
		}
		return query;
	}

	/** Which criteria were given; the household number only, as it names no one. */
	private static String criteria(ResidentQuery query) {
		return "name=" + given(query.name()) + " birthDate=" + given(query.birthDate()) + " householdId="
				+ ((query.householdId() != null) ? query.householdId() : "") + " address=" + given(query.address());
	}

	private static String given(@Nullable Object value) {
		return (value != null) ? "(given)" : "";
	}

	/**
	 * Runs a lookup and audits it; a source that cannot answer is a 503 with its reason
	 * in Japanese, audited as a failure.
	 */
	private <T> T audited(String criteria, Supplier<T> search, java.util.function.ToIntFunction<T> hits) {
		try {
			T found = search.get();
			audit.record(
					AuditEntry.success("RESIDENT_RECORD_LOOKUP", null, criteria + " hits=" + hits.applyAsInt(found)));
			return found;
		}
		catch (ResidentRecordLookup.LookupUnavailableException ex) {
			audit.record(AuditEntry.failure("RESIDENT_RECORD_LOOKUP", null, criteria + " " + ex.getMessage()));
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "RESIDENT_LOOKUP_UNAVAILABLE",
					String.valueOf(ex.getMessage()));
		}
	}

}
