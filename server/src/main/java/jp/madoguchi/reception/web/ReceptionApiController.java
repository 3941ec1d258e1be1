package jp.madoguchi.reception.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.madoguchi.retention.LegalHold;
import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.platform.PersonalDataInUrl;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.reception.NewReception;
import jp.madoguchi.reception.Priority;
import jp.madoguchi.reception.ReceptionSource;
import jp.madoguchi.reception.TaskStatus;
import jp.madoguchi.reception.domain.ReceptionDetail;
import jp.madoguchi.reception.domain.ReceptionLegalHolds;
import jp.madoguchi.reception.domain.ReceptionQueries;
import jp.madoguchi.reception.domain.ReceptionSearch;
import jp.madoguchi.reception.domain.TaskStatusChanges;
import jp.madoguchi.reception.domain.Ticket;
import jp.madoguchi.reception.domain.TicketIssuing;
import jp.madoguchi.reception.domain.StatusChange;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Receptions, docs/design/http-api.md "Reception and queues". */
@RestController
@RequestMapping("/api/v1/receptions")
@PreAuthorize(ReceptionApiController.STAFF)
class ReceptionApiController {

	static final String STAFF = "hasAuthority('RECEPTION')";

	private final TicketIssuing issuing;

	private final ReceptionQueries receptions;

	private final TaskStatusChanges statusChanges;

	private final ReceptionLegalHolds legalHolds;

	ReceptionApiController(TicketIssuing issuing, ReceptionQueries receptions, TaskStatusChanges statusChanges,
			ReceptionLegalHolds legalHolds) {
		this.issuing = issuing;
		this.receptions = receptions;
		this.statusChanges = statusChanges;
		this.legalHolds = legalHolds;
	}

	/**
	 * @param notificationId the moving notification the visit is about (its names make
	 * the reception findable, its procedures drive routing)
	 * @param name the resident's name when there is no notification
	 */
	record CreateBody(@NotBlank @Size(max = 32) String queue, @Nullable UUID notificationId,
			@Size(max = 100) @Nullable String name, @Nullable Priority priority) {
	}

	record StatusBody(@NotNull TaskStatus status, @Size(max = 32) @Nullable String toQueue,
			@Size(max = 16) @Nullable String counter, @Size(max = 32) @Nullable String queue) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ReceptionResponse create(@Valid @RequestBody CreateBody body) {
		ReceptionSource source = (body.notificationId() != null) ? ReceptionSource.NOTIFICATION
				: ReceptionSource.SCRATCH;
		return ReceptionResponse.of(issuing
			.issue(new NewReception(body.queue(), body.notificationId(), body.name(), body.priority(), source)));
	}

	@GetMapping("/{id}")
	ReceptionResponse get(@PathVariable UUID id) {
		ReceptionDetail detail = receptions.detail(id);
		return ReceptionResponse.of(detail, receptions.ticket(detail.reception()));
	}

	@PostMapping("/{id}/status")
	ReceptionResponse status(@PathVariable UUID id, @Valid @RequestBody StatusBody body) {
		return ReceptionResponse.of(statusChanges.changeStatus(id,
				new StatusChange(body.status(), body.toQueue(), body.counter(), body.queue())));
	}

	/**
	 * Legal hold (保存延長): exempts the reception, its tasks and timeline from the retention
	 * purge. An administrator's act, not the counter's.
	 */
	@PutMapping("/{id}/legal-hold")
	@PreAuthorize("hasAuthority('MASTER_ADMIN')")
	LegalHold legalHold(@PathVariable UUID id, @RequestBody LegalHold.Request body) {
		return legalHolds.setLegalHold(id, body.held(), body.reason());
	}

	/**
	 * 受付情報照会 by date, status, ticket and queue. A name is not taken in the URL
	 * ({@link PersonalDataInUrl}): {@code POST /api/v1/receptions/search}.
	 */
	@GetMapping
	List<ReceptionResponse> list(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			@RequestParam(required = false) @Nullable TaskStatus status,
			@RequestParam(required = false) @Nullable Integer ticket,
			@RequestParam(required = false) @Nullable String queue, @RequestParam(defaultValue = "100") int limit,
			HttpServletRequest request) {
		PersonalDataInUrl.refuse(request, SEARCH, "name", "familyName", "givenName", "birthDate");
		return search(new SearchBody(date, status, null, ticket, queue, limit));
	}

	static final String SEARCH = "/api/v1/receptions/search";

	/** 受付情報照会, by name (folded) too. */
	@PostMapping("/search")
	List<ReceptionResponse> search(@RequestBody SearchBody body) {
		int limit = (body.limit() != null) ? body.limit() : 100;
		if (limit < 1 || limit > 500) {
			throw ProblemException.invalid("VALIDATION_FAILED", "limit", 1, 500).because("range");
		}
		return receptions
			.search(new ReceptionSearch(body.date(), body.status(), blankToNull(body.name()), body.ticket(),
					blankToNull(body.queue()), limit))
			.stream()
			.map(r -> ReceptionResponse.of(new Ticket(r, 0, 0)))
			.toList();
	}

	/** The search, all optional; {@code limit} 1–500 (100). */
	record SearchBody(@Nullable LocalDate date, @Nullable TaskStatus status, @Nullable String name,
			@Nullable Integer ticket, @Nullable String queue, @Nullable Integer limit) {
	}

	static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
