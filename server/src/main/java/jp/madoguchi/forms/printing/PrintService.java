package jp.madoguchi.forms.printing;

import jp.madoguchi.platform.CurrentActor;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.hp.jipp.model.JobState;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.forms.RenderedForm;
import jp.madoguchi.forms.domain.FormService;
import jp.madoguchi.forms.domain.FormService.DepartmentStack;
import jp.madoguchi.forms.domain.PrintJob;
import jp.madoguchi.forms.domain.PrintJobRepository;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.platform.TrainingMode;
import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.reception.Receptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Prints forms over IPP. A job is stored with its document before the printer is asked,
 * so a printer that is off leaves a FAILED job that staff retry (the same document, not a
 * re-rendering), never a job lost silently. The state shown is read back from the printer
 * until the printer settles it.
 */
@Service
public class PrintService {

	private static final Logger log = LoggerFactory.getLogger(PrintService.class);

	private final FormService forms;

	private final Printers printers;

	private final PrintJobRepository jobs;

	private final AuditTrail audit;

	private final Clock clock;

	private final IppClient ipp;

	private final PrinterNetworks networks;

	private final boolean training;

	private final Receptions receptions;

	PrintService(FormService forms, Printers printers, PrintJobRepository jobs, AuditTrail audit, Clock clock,
			PrinterNetworks networks, Receptions receptions, TrainingMode training,
			@Value("${madoguchi.printing.max-response-bytes:1048576}") int maxResponseBytes) {
		this.forms = forms;
		this.printers = printers;
		this.jobs = jobs;
		this.audit = audit;
		this.clock = clock;
		this.networks = networks;
		this.training = training.enabled();
		this.receptions = receptions;
		// training mode: PDFs into a folder, never a real printer
		this.ipp = training.enabled() ? new PdfFolderPrinter(training.printedFolder(), clock, maxResponseBytes)
				: new IppClient(maxResponseBytes);
	}

	/**
	 * Renders the form and prints it.
	 * @throws ProblemException 422 {@code UNKNOWN_PRINTER}; 503
	 * {@code PRINTER_UNAVAILABLE} (with {@code jobId}) when the printer cannot be
	 * reached, the job then kept as FAILED for a retry
	 */
	public PrintJob print(UUID notificationId, String formId, String printer) {
		return print(notificationId, formId, printer, false);
	}

	/**
	 * Renders the form and prints it, refused while a signature it needs is missing.
	 * @param fullMyNumbers the caller holds MY_NUMBER_VIEW: a form that carries My
	 * Numbers prints them in full (audited)
	 * @throws ProblemException 422 {@code SIGNATURE_MISSING} naming whose,
	 * {@code UNKNOWN_PRINTER}, {@code PRINTER_NOT_ALLOWED}; 503
	 * {@code PRINTER_UNAVAILABLE} as above
	 */
	public PrintJob print(UUID notificationId, String formId, String printer, boolean fullMyNumbers) {
		URI uri = printers.require(printer);
		checkNetwork(printer, uri);
		forms.requireSignatures(notificationId, Set.of(formId));
		RenderedForm form = forms.render(notificationId, formId, fullMyNumbers);
		PrintJob job = store(notificationId, form.formId(), form.templateVersion(), printer, uri, form.pdf(), null);
		audit.record(AuditEntry.success("PRINT_JOB_CREATED", subject(notificationId),
				"job=" + job.id() + " form=" + formId + " printer=" + printer));
		return send(job, form.pdf());
	}

	/**
	 * Prints every form of a visit in one action: one job per department (its cover sheet
	 * naming the ticket number and the department's counters, then its forms, each as
	 * many copies and on as many sides as its template asks). Each department's stack
	 * goes to {@code printer} when given, else to the department's default printer
	 * (department master), else to the terminal's. A printer that is off or busy keeps
	 * the job waiting (QUEUED, sent by the background sender when it answers): nothing is
	 * lost.
	 * @param receptionId the reception whose ticket number the cover sheets print; null:
	 * the notification's reference
	 * @param terminalPrinter the default printer of the terminal printing, if any
	 * @throws ProblemException 422 {@code SIGNATURE_MISSING} naming whose,
	 * {@code NO_PRINTER} naming the department, {@code UNKNOWN_PRINTER},
	 * {@code PRINTER_NOT_ALLOWED}; 404 {@code RECEPTION_NOT_FOUND}
	 */
	public List<PrintJob> printVisit(UUID notificationId, @Nullable UUID receptionId, @Nullable String printer,
			@Nullable String terminalPrinter, boolean fullMyNumbers) {
		String ticket = null;
		if (receptionId != null) {
			ReceptionView reception = receptions.find(receptionId)
				.filter(r -> notificationId.equals(r.notificationId()))
				.orElseThrow(() -> ProblemException.notFound("RECEPTION_NOT_FOUND"));
			ticket = Integer.toString(reception.ticketNumber());
		}
		List<DepartmentStack> stacks = forms.visitStacks(notificationId, ticket, fullMyNumbers);
		Map<DepartmentStack, String> targets = new LinkedHashMap<>();
		for (DepartmentStack stack : stacks) {
			String target = (printer != null && !printer.isBlank()) ? printer
					: receptions.departmentPrinter(stack.department()).orElse(terminalPrinter);
			if (target == null || target.isBlank()) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "NO_PRINTER",
						Map.of("department", stack.department()), stack.department());
			}
			checkNetwork(target, printers.require(target));
			targets.put(stack, target);
		}
		UUID visit = UUID.randomUUID();
		List<PrintJob> created = new ArrayList<>();
		List<byte[]> documents = new ArrayList<>();
		targets.forEach((stack, target) -> {
			StackDocument.Built built = StackDocument.build(stack);
			Instant now = clock.instant();
			PrintJob job = new PrintJob(UUID.randomUUID(), notificationId, PrintJob.VISIT_STACK, 0, target,
					printers.require(target).toString(), "QUEUED", null, null, 0, null, null, now, CurrentActor.name(),
					now, visit, stack.department(), built.duplex(), null);
			jobs.add(job, built.pdf(), built.blankPages());
			audit.record(AuditEntry.success("PRINT_JOB_CREATED", subject(notificationId),
					"job=" + job.id() + " visit=" + visit + " department=" + stack.department() + " forms="
							+ stack.forms().size() + " pages=" + built.pages() + " printer=" + target));
			created.add(job);
			documents.add(built.pdf());
		});
		for (int i = 0; i < created.size(); i++) {
			send(created.get(i), documents.get(i));
		}
		return jobs.ofVisit(visit);
	}

	/** A printer's latest jobs, newest first (its queue page). */
	public List<PrintJob> queue(String printer) {
		printers.require(printer);
		return jobs.ofPrinter(printer, 100);
	}

	/**
	 * Every configured printer with what it says about itself now and the jobs that wait
	 * for it or failed on it, so staff see a printer that is off before they print.
	 */
	public List<PrinterView> printers() {
		List<PrinterView> views = new ArrayList<>();
		printers.all().forEach((name, uri) -> {
			long queued = jobs.count(name, "QUEUED");
			long failed = jobs.count(name, "FAILED");
			try {
				checkNetwork(name, uri);
				IppClient.PrinterStatus status = ipp.status(uri);
				views.add(new PrinterView(name, uri.toString(), true, status.state(), status.reasons(), null, queued,
						failed));
			}
			catch (IOException | RuntimeException ex) {
				String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
				views.add(new PrinterView(name, uri.toString(), false, null, List.of(), reason, queued, failed));
			}
		});
		return views;
	}

	/** A configured printer as the printers page and API show it. */
	public record PrinterView(String name, String uri, boolean reachable, @Nullable String state, List<String> reasons,
			@Nullable String error, long queuedJobs, long failedJobs) {

	}

	/** The job, its state read back from the printer unless already settled. */
	public PrintJob get(UUID id) {
		PrintJob job = load(id);
		if (job.settled() || job.printerJobId() == null) {
			return job;
		}
		try {
			checkNetwork(job.printer(), URI.create(job.printerUri()));
			JobState state = ipp.state(URI.create(job.printerUri()), job.printerJobId());
			if (state != null) {
				jobs.state(id, ourState(state), state.getName(), clock.instant());
			}
		}
		catch (IOException | ProblemException ex) {
			// the job was accepted; a printer that went off since keeps the last known
			// state
			log.debug("cannot read the state of print job {} from {}: {}", id, job.printer(), ex.toString());
		}
		return load(id);
	}

	/**
	 * Sends a FAILED job's document again.
	 * @throws ProblemException 409 {@code PRINT_JOB_NOT_RETRYABLE} unless FAILED
	 */
	public PrintJob retry(UUID id) {
		PrintJob job = load(id);
		if (!"FAILED".equals(job.state())) {
			throw new ProblemException(HttpStatus.CONFLICT, "PRINT_JOB_NOT_RETRYABLE", job.state());
		}
		audit.record(AuditEntry.success("PRINT_JOB_RETRIED", subject(job.notificationId()), "job=" + id));
		return send(job, jobs.document(id));
	}

	/**
	 * Prints a job's document again as a new job (the same content as the first print),
	 * optionally on another printer. Audited: a second copy of a filled-in form is a
	 * disclosure of personal data.
	 */
	public PrintJob reprint(UUID id, @Nullable String printer) {
		PrintJob original = load(id);
		String target = (printer != null && !printer.isBlank()) ? printer : original.printer();
		URI uri = printers.require(target);
		byte[] document = jobs.document(id);
		PrintJob job = store(original.notificationId(), original.formId(), original.templateVersion(), target, uri,
				document, original.id());
		audit.record(AuditEntry.success("PRINT_JOB_REPRINTED", subject(original.notificationId()),
				"job=" + job.id() + " of=" + id + " printer=" + target));
		return send(job, document);
	}

	private PrintJob store(UUID notificationId, String formId, int version, String printer, URI uri, byte[] pdf,
			@Nullable UUID reprintOf) {
		Instant now = clock.instant();
		PrintJob job = new PrintJob(UUID.randomUUID(), notificationId, formId, version, printer, uri.toString(),
				"QUEUED", null, null, 0, null, reprintOf, now, CurrentActor.name(), now);
		jobs.add(job, pdf);
		return job;
	}

	private PrintJob send(PrintJob job, byte[] pdf) {
		jobs.sending(job.id(), clock.instant());
		return deliver(job, pdf);
	}

	/**
	 * Jobs whose printer was busy are sent again in the background, oldest first, a few
	 * seconds apart; across instances each job is claimed once.
	 */
	@Scheduled(fixedDelay = 3000, initialDelay = 3000)
	void sendWaiting() {
		Optional<UUID> claimed;
		while ((claimed = jobs.claimWaiting(clock.instant().minusSeconds(2), clock.instant())).isPresent()) {
			PrintJob job = load(claimed.get());
			try {
				// still busy or off: it waits for the next round (tried again no sooner
				// than
				// 2 s later), and the other printers' jobs are tried in this one, so one
				// printer that is off holds up no other
				deliver(job, jobs.document(job.id()));
			}
			catch (ProblemException failed) {
				// kept as FAILED with its reason for staff to retry
			}
		}
	}

	private PrintJob deliver(PrintJob job, byte[] pdf) {
		URI uri = URI.create(job.printerUri());
		try {
			checkNetwork(job.printer(), uri);
			boolean duplex = job.duplex();
			byte[] document = pdf;
			if (duplex && !ipp.supportsDuplex(uri)) {
				// printed on one side rather than not at all; the blank backs go
				document = StackDocument.without(pdf, jobs.blankPages(job.id()));
				String notice = "プリンタ「" + job.printer() + "」は両面印刷に対応していないため、片面で印刷しました（両面の指定がある書類を含みます）。";
				jobs.simplex(job.id(), document, notice);
				audit.record(AuditEntry.success("PRINT_JOB_SIMPLEX", subject(job.notificationId()),
						"job=" + job.id() + " printer=" + job.printer()));
				log.info("Print job {}: printer {} has no duplex, printed on one side", job.id(), job.printer());
				duplex = false;
			}
			IppClient.Submitted submitted = ipp.print(uri, job.formId() + "-" + job.id(), job.createdBy(), document,
					duplex);
			JobState state = submitted.state();
			jobs.sent(job.id(), submitted.jobId(), (state != null) ? ourState(state) : "PENDING",
					(state != null) ? state.getName() : null, clock.instant());
			return load(job.id());
		}
		catch (IppClient.BusyException busy) {
			// a printer that takes one job at a time: the job waits its turn, not lost
			jobs.waiting(job.id(), "プリンタ「" + job.printer() + "」が他の印刷中のため、順番を待っています。", clock.instant());
			log.info("Print job {} waits for busy printer {}", job.id(), job.printer());
			return load(job.id());
		}
		catch (IOException | RuntimeException ex) {
			String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			if (job.visitId() != null && ex instanceof IOException
					&& !(ex instanceof IppClient.ResponseTooLargeException)) {
				// a visit's stack waits for a printer that is off: sent when it answers
				jobs.waiting(job.id(), "プリンタ「" + job.printer() + "」（" + job.printerUri() + "）に接続できません: " + reason
						+ "。ジョブは保存されています。プリンタの電源が入ると自動で印刷します。", clock.instant());
				log.info("Print job {} waits for printer {} ({}): {}", job.id(), job.printer(), job.printerUri(),
						ex.toString());
				return load(job.id());
			}
			String message = "プリンタ「" + job.printer() + "」（" + job.printerUri() + "）に印刷できません: " + reason
					+ "。電源とネットワークを確認して、再試行してください。";
			jobs.failed(job.id(), message, clock.instant());
			audit.record(AuditEntry.failure("PRINT_JOB_SENT", subject(job.notificationId()),
					"job=" + job.id() + " printer=" + job.printer()));
			log.warn("Print job {} to {} ({}) failed: {}", job.id(), job.printer(), job.printerUri(), ex.toString());
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "PRINTER_UNAVAILABLE",
					Map.of("printer", job.printer(), "jobId", job.id().toString(), "state", "FAILED"), job.printer(),
					String.valueOf(job.printerUri()), reason);
		}
	}

	private PrintJob load(UUID id) {
		return jobs.find(id).orElseThrow(() -> ProblemException.notFound("PRINT_JOB_NOT_FOUND"));
	}

	static String ourState(JobState state) {
		return switch (state.getCode()) {
			case 3, 4 -> "PENDING";
			case 5, 6 -> "PROCESSING";
			case 7 -> "CANCELED";
			case 8 -> "ABORTED";
			case 9 -> "COMPLETED";
			default -> "PENDING";
		};
	}

	private static String subject(UUID notificationId) {
		return "notification:" + notificationId;
	}

	/**
	 * A printer must be on an allowed network; training mode reaches no network at all.
	 */
	private void checkNetwork(String printer, URI uri) {
		if (!training) {
			networks.check(printer, uri);
		}
	}

}
