package jp.madoguchi.forms.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jp.madoguchi.forms.domain.PrintJob;
import jp.madoguchi.forms.printing.PrintService;
import jp.madoguchi.forms.printing.Printers;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * docs/design/http-api.md "Forms and printing": print jobs, and the printers they go to.
 */
@RestController
class PrintJobApiController {

	private final PrintService printing;

	private final Printers printers;

	PrintJobApiController(PrintService printing, Printers printers) {
		this.printing = printing;
		this.printers = printers;
	}

	/** The printers with their state asked over IPP now (slower than the plain list). */
	@GetMapping("/api/v1/printers/status")
	@PreAuthorize("hasAuthority('PRINT')")
	List<PrintService.PrinterView> printerStatus() {
		return printing.printers();
	}

	@PostMapping("/api/v1/print-jobs")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('PRINT')")
	JobResponse create(@Valid @RequestBody CreateJob body) {
		return JobResponse.of(printing.print(body.notificationId(), body.formId(), body.printer()));
	}

	@GetMapping("/api/v1/print-jobs/{id}")
	@PreAuthorize("hasAuthority('PRINT')")
	JobResponse get(@PathVariable UUID id) {
		return JobResponse.of(printing.get(id));
	}

	@PostMapping("/api/v1/print-jobs/{id}/retry")
	@PreAuthorize("hasAuthority('PRINT')")
	JobResponse retry(@PathVariable UUID id) {
		return JobResponse.of(printing.retry(id));
	}

	@PostMapping("/api/v1/print-jobs/{id}/reprint")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('PRINT')")
	JobResponse reprint(@PathVariable UUID id, @RequestBody(required = false) @Nullable Reprint body) {
		return JobResponse.of(printing.reprint(id, (body != null) ? body.printer() : null));
	}

	@GetMapping("/api/v1/printers")
	@PreAuthorize("hasAuthority('PRINT')")
	List<PrinterResponse> printers() {
		return printers.all()
			.entrySet()
			.stream()
			.map(e -> new PrinterResponse(e.getKey(), e.getValue().toString()))
			.toList();
	}

	record CreateJob(@NotNull UUID notificationId, @NotBlank String formId, @NotBlank String printer) {

	}

	record Reprint(@Nullable String printer) {

	}

	record PrinterResponse(String name, String uri) {

	}

	/**
	 * A job: {@code state} is QUEUED, SENDING, PENDING, PROCESSING, COMPLETED, FAILED,
	 * CANCELED or ABORTED; {@code error} says why a FAILED job failed.
	 */
	record JobResponse(UUID id, String state, UUID notificationId, String formId, int templateVersion, String printer,
			@Nullable Integer printerJobId, @Nullable String printerState, int attempts, @Nullable String error,
			@Nullable UUID reprintOf, Instant createdAt, String createdBy, Instant updatedAt) {

		static JobResponse of(PrintJob job) {
			return new JobResponse(job.id(), job.state(), job.notificationId(), job.formId(), job.templateVersion(),
					job.printer(), job.printerJobId(), job.printerState(), job.attempts(), job.lastError(),
					job.reprintOf(), job.createdAt(), job.createdBy(), job.updatedAt());
		}

	}

}
