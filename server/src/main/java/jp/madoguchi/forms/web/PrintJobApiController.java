package jp.madoguchi.forms.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jp.madoguchi.forms.domain.PrintJob;
import jp.madoguchi.forms.printing.PrintService;
import jp.madoguchi.forms.printing.Printers;
import jp.madoguchi.terminals.Terminals;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
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

	private final Terminals terminals;

	PrintJobApiController(PrintService printing, Printers printers, Terminals terminals) {
		this.printing = printing;
		this.printers = printers;
		this.terminals = terminals;
	}

	/**
	 * Prints every form of the visit in one action, one job per department, each stack
	 * with its cover sheet; to {@code printer} when given, else each department's default
	 * printer, else this terminal's.
	 */
	@PostMapping("/api/v1/notifications/{id}/print")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('PRINT')")
	VisitResponse printVisit(@PathVariable UUID id, @RequestBody(required = false) @Nullable PrintVisit body,
			HttpServletRequest request, Authentication caller) {
		List<PrintJob> jobs = printing.printVisit(id, (body != null) ? body.receptionId() : null,
				(body != null) ? body.printer() : null, terminalPrinter(terminals, request),
				FormApiController.mayViewMyNumber(caller));
		return new VisitResponse(jobs.isEmpty() ? null : jobs.get(0).visitId(),
				jobs.stream().map(JobResponse::of).toList());
	}

	/** The default printer of the terminal the request comes from, if paired and set. */
	static @Nullable String terminalPrinter(Terminals terminals, HttpServletRequest request) {
		return terminals.current(request).map(Terminals.CurrentTerminal::defaultPrinter).orElse(null);
	}

	/** A printer's latest jobs, newest first. */
	@GetMapping("/api/v1/printers/{name}/jobs")
	@PreAuthorize("hasAuthority('PRINT')")
	List<JobResponse> queue(@PathVariable String name) {
		return printing.queue(name).stream().map(JobResponse::of).toList();
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
	JobResponse create(@Valid @RequestBody CreateJob body, Authentication caller) {
		return JobResponse.of(printing.print(body.notificationId(), body.formId(), body.printer(),
				FormApiController.mayViewMyNumber(caller)));
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

	/**
	 * @param receptionId the reception whose ticket number the cover sheets print
	 * @param printer one printer for every stack, instead of the default printers
	 */
	record PrintVisit(@Nullable UUID receptionId, @Nullable String printer) {

	}

	record VisitResponse(@Nullable UUID visitId, List<JobResponse> jobs) {

	}

	record PrinterResponse(String name, String uri) {

	}

	/**
	 * A job: {@code state} is QUEUED, SENDING, PENDING, PROCESSING, COMPLETED, FAILED,
	 * CANCELED or ABORTED; {@code error} says why a FAILED job failed.
	 */
	record JobResponse(UUID id, String state, UUID notificationId, String formId, int templateVersion, String printer,
			@Nullable Integer printerJobId, @Nullable String printerState, int attempts, @Nullable String error,
			@Nullable UUID reprintOf, Instant createdAt, String createdBy, Instant updatedAt, @Nullable UUID visitId,
			@Nullable String department, boolean duplex, @Nullable String notice) {

		static JobResponse of(PrintJob job) {
			return new JobResponse(job.id(), job.state(), job.notificationId(), job.formId(), job.templateVersion(),
					job.printer(), job.printerJobId(), job.printerState(), job.attempts(), job.lastError(),
					job.reprintOf(), job.createdAt(), job.createdBy(), job.updatedAt(), job.visitId(), job.department(),
					job.duplex(), job.notice());
		}

	}

}
