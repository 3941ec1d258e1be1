package jp.madoguchi.moving.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.moving.domain.DraftsFromRecord;
import jp.madoguchi.moving.domain.NotificationEditing;
import jp.madoguchi.moving.domain.NotificationLegalHolds;
import jp.madoguchi.moving.domain.NotificationQueries;
import jp.madoguchi.moving.domain.NotificationSearch;
import jp.madoguchi.moving.domain.NotificationStatusChanges;
import jp.madoguchi.retention.LegalHold;
import jp.madoguchi.platform.PersonalDataInUrl;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Moving notifications, docs/design/http-api.md "Moving notifications". */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApiController {

	static final String CAN_READ = "hasAnyAuthority('NOTIFICATION_EDIT', 'NOTIFICATION_ACCEPT', 'RECEPTION')";

	private final NotificationEditing editing;

	private final NotificationQueries notifications;

	private final NotificationStatusChanges statusChanges;

	private final NotificationLegalHolds legalHolds;

	private final DraftsFromRecord fromRecord;

	NotificationApiController(NotificationEditing editing, NotificationQueries notifications,
			NotificationStatusChanges statusChanges, NotificationLegalHolds legalHolds, DraftsFromRecord fromRecord) {
		this.editing = editing;
		this.notifications = notifications;
		this.statusChanges = statusChanges;
		this.legalHolds = legalHolds;
		this.fromRecord = fromRecord;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	NotificationResponse create(@Valid @RequestBody NotificationBody body, Authentication caller) {
		return NotificationResponse.of(editing.create(body.content(), mayViewMyNumber(caller)));
	}

	@GetMapping("/{id}")
	@PreAuthorize(CAN_READ)
	NotificationResponse get(@PathVariable UUID id, Authentication caller) {
		NotificationView view = notifications.read(id, mayViewMyNumber(caller));
		return NotificationResponse.of(view, fromRecord.origin(id).orElse(null),
				fromRecord.beforeAndAfter(id, view.content()).orElse(null));
	}

	/**
	 * A 転居, 転出 or 世帯変更 draft filled from the resident record: persons as recorded, the
	 * current address, the head of household; staff enter the rest.
	 */
	@PostMapping("/from-record")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	@Operation(summary = "Start a 転居, 転出 or 世帯変更 from the resident record",
			description = "Body {type, variant, residentIds, filerResidentId?, joinedHouseholdId?, headResidentId?} → 201 the draft as GET answers it, with recordOrigin {source, residentIds, sentAheadIds, fromRecord (JSON paths filled from the record), lookedUpAt, lookedUpBy} and beforeAndAfter {householdsBefore, persons[{residentId, name, movement LEAVES|WHOLE_HOUSEHOLD|STAYS|NOT_RECORDED, inNotification, householdIdBefore, headBefore, relationshipBefore, headAfter, relationshipAfter, becomesHead, headLeavesOffice}], remainingHeadUndecided}. "
					+ "The persons come from one household; a 世帯合併 (HOUSEHOLD_CHANGE MERGER), or a 世帯構成変更 (RESTRUCTURE) with joinedHouseholdId, from exactly two, joinedHouseholdId naming the household joined: the persons picked from the other become the notification's persons. headResidentId (世帯主変更, 世帯分離): who heads the household afterwards. "
					+ "422 FROM_RECORD_UNKNOWN_RESIDENTS (naming them), PERSONS_FROM_SEVERAL_HOUSEHOLDS, MERGER_NEEDS_TWO_HOUSEHOLDS, JOINED_HOUSEHOLD_REQUIRED, JOINED_HOUSEHOLD_NOT_PICKED, JOINED_HOUSEHOLD_ONLY_FOR_MERGER, NEW_HEAD_ONLY_FOR_HEAD_CHANGE, NEW_HEAD_NOT_AMONG_PERSONS, FROM_RECORD_RESIDENTS_REQUIRED, FROM_RECORD_NOT_FOR_MOVE_IN, VARIANT_NOT_ALLOWED; 503 RESIDENT_RECORD_UNAVAILABLE")
	NotificationResponse fromRecord(@RequestBody FromRecordBody body, Authentication caller) {
		if (body.type() == null || body.variant() == null) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED",
					Map.of("field", (body.type() == null) ? "type" : "variant"));
		}
		DraftsFromRecord.Started started = fromRecord.fromResidents(body.type(), body.variant(), body.residentIds(),
				body.filerResidentId(), body.joinedHouseholdId(), body.headResidentId(), mayViewMyNumber(caller));
		return NotificationResponse.of(started.notification(), started.origin(),
				fromRecord.beforeAndAfter(started.notification().id(), started.notification().content()).orElse(null));
	}

	/** A 特例転入 draft filled from the data sent ahead. */
	@PostMapping("/from-sent-ahead")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	@Operation(summary = "Start a 特例転入 (MOVE_IN SPECIAL) from the data sent ahead",
			description = "Body {sentAheadIds} → 201 the draft with every person, previousAddress, plannedMoveOutOn, 続柄 and recordOrigin. 422 UNKNOWN_SENT_AHEAD_IDS, SENT_AHEAD_IDS_REQUIRED; 503 RESIDENT_RECORD_UNAVAILABLE")
	NotificationResponse fromSentAhead(@RequestBody FromSentAheadBody body, Authentication caller) {
		DraftsFromRecord.Started started = fromRecord.fromSentAhead(body.sentAheadIds(), mayViewMyNumber(caller));
		return NotificationResponse.of(started.notification(), started.origin());
	}

	/**
	 * {@code joinedHouseholdId}: for a 世帯合併 or a 世帯構成変更 between two households, the 世帯番号
	 * of the household joined; {@code headResidentId}: for a 世帯主変更 or 世帯分離, the 宛名番号 of
	 * who heads the household afterwards.
	 */
	record FromRecordBody(@Nullable NotificationType type, @Nullable Variant variant,
			@Nullable List<String> residentIds, @Nullable String filerResidentId,
			@Schema(description = "世帯合併 (MERGER, required) or 世帯構成変更 (RESTRUCTURE, between two households) only: the 世帯番号 of the household joined; the persons picked from the other household join it") @Nullable String joinedHouseholdId,
			@Schema(description = "世帯主変更 or 世帯分離 only: the 宛名番号, among residentIds, of who heads the household afterwards") @Nullable String headResidentId) {
	}

	record FromSentAheadBody(@Nullable List<String> sentAheadIds) {
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	NotificationResponse update(@PathVariable UUID id, @Valid @RequestBody NotificationBody body,
			Authentication caller) {
		if (body.version() == null) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "VERSION_REQUIRED",
					Map.of("field", "version"));
		}
		return NotificationResponse.of(editing.revise(id, body.version(), body.content(), mayViewMyNumber(caller)));
	}

	@PostMapping("/{id}/accept")
	@PreAuthorize("hasAuthority('NOTIFICATION_ACCEPT')")
	NotificationResponse accept(@PathVariable UUID id, Authentication caller) {
		return NotificationResponse.of(statusChanges.accept(id, mayViewMyNumber(caller)));
	}

	@PostMapping("/{id}/cancel")
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	NotificationResponse cancel(@PathVariable UUID id) {
		return NotificationResponse.of(statusChanges.cancel(id));
	}

	/** Legal hold (保存延長): exempts the notification from the retention purge. */
	@PutMapping("/{id}/legal-hold")
	@PreAuthorize("hasAuthority('MASTER_ADMIN')")
	LegalHold legalHold(@PathVariable UUID id, @RequestBody LegalHold.Request body) {
		return legalHolds.setLegalHold(id, body.held(), body.reason());
	}

	/**
	 * Search by date and status. A name is not taken in the URL
	 * ({@link PersonalDataInUrl}): {@code POST /api/v1/notifications/search}.
	 */
	@GetMapping
	@PreAuthorize(CAN_READ)
	List<NotificationResponse> list(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable NotificationStatus status,
			@RequestParam(defaultValue = "50") int limit, HttpServletRequest request) {
		PersonalDataInUrl.refuse(request, SEARCH, PERSONAL_PARAMETERS);
		return search(new SearchBody(null, from, to, status, limit));
	}

	/** Search by name (folded: kana, variants), filing dates and status. */
	@PostMapping("/search")
	@PreAuthorize(CAN_READ)
	List<NotificationResponse> search(@RequestBody SearchBody body) {
		int limit = (body.limit() != null) ? body.limit() : 50;
		if (limit < 1 || limit > 500) {
			throw ProblemException.invalid("VALIDATION_FAILED", "limit", 1, 500).because("range");
		}
		String name = (body.name() == null || body.name().isBlank()) ? null : body.name().strip();
		return notifications.search(new NotificationSearch(name, body.from(), body.to(), body.status(), limit))
			.stream()
			.map(NotificationResponse::of)
			.toList();
	}

	static final String SEARCH = "/api/v1/notifications/search";

	/** Parameters that would put a person's data in the URL. */
	static final String[] PERSONAL_PARAMETERS = { "name", "familyName", "givenName", "birthDate", "address" };

	/** The search, all optional; {@code limit} 1–500 (50). */
	record SearchBody(@Nullable String name, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable NotificationStatus status, @Nullable Integer limit) {
	}

	private static boolean mayViewMyNumber(Authentication caller) {
		return caller.getAuthorities().stream().anyMatch(a -> "MY_NUMBER_VIEW".equals(a.getAuthority()));
	}

}
