package jp.madoguchi.moving.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.domain.NotificationEditing;
import jp.madoguchi.moving.domain.NotificationLegalHolds;
import jp.madoguchi.moving.domain.NotificationQueries;
import jp.madoguchi.moving.domain.NotificationSearch;
import jp.madoguchi.moving.domain.NotificationStatusChanges;
import jp.madoguchi.retention.LegalHold;
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

	NotificationApiController(NotificationEditing editing, NotificationQueries notifications,
			NotificationStatusChanges statusChanges, NotificationLegalHolds legalHolds) {
		this.editing = editing;
		this.notifications = notifications;
		this.statusChanges = statusChanges;
		this.legalHolds = legalHolds;
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
		return NotificationResponse.of(notifications.read(id, mayViewMyNumber(caller)));
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

	@GetMapping
	@PreAuthorize(CAN_READ)
	List<NotificationResponse> search(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable NotificationStatus status,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw ProblemException.invalid("VALIDATION_FAILED", "limit", 1, 500).because("range");
		}
		return notifications.search(new NotificationSearch(name, from, to, status, limit))
			.stream()
			.map(NotificationResponse::of)
			.toList();
	}

	private static boolean mayViewMyNumber(Authentication caller) {
		return caller.getAuthorities().stream().anyMatch(a -> "MY_NUMBER_VIEW".equals(a.getAuthority()));
	}

}
