package jp.madoguchi.forms.printing;

import jp.madoguchi.platform.CurrentActor;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.hp.jipp.model.JobState;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.forms.RenderedForm;
import jp.madoguchi.forms.domain.FormService;
import jp.madoguchi.forms.domain.PrintJob;
import jp.madoguchi.forms.domain.PrintJobRepository;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private final IppClient ipp = new IppClient();

	PrintService(FormService forms, Printers printers, PrintJobRepository jobs, AuditTrail audit, Clock clock) {
		this.forms = forms;
		this.printers = printers;
		this.jobs = jobs;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Renders the form and prints it.
	 * @throws ProblemException 422 {@code UNKNOWN_PRINTER}; 503
	 * {@code PRINTER_UNAVAILABLE} (with {@code jobId}) when the printer cannot be
	 * reached, the job then kept as FAILED for a retry
	 */
	public PrintJob print(UUID notificationId, String formId, String printer) {
		URI uri = printers.require(printer);
		RenderedForm form = forms.render(notificationId, formId);
		PrintJob job = store(notificationId, form.formId(), form.templateVersion(), printer, uri, form.pdf(), null);
		audit.record(AuditEntry.success("PRINT_JOB_CREATED", subject(notificationId),
				"job=" + job.id() + " form=" + formId + " printer=" + printer));
		return send(job, form.pdf());
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
			JobState state = ipp.state(URI.create(job.printerUri()), job.printerJobId());
			if (state != null) {
				jobs.state(id, ourState(state), state.getName(), clock.instant());
			}
		}
		catch (IOException ex) {
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
				if ("QUEUED".equals(deliver(job, jobs.document(job.id())).state())) {
					return; // still busy: try again on the next round
				}
			}
			catch (ProblemException failed) {
				// kept as FAILED with its reason for staff to retry
			}
		}
	}

	private PrintJob deliver(PrintJob job, byte[] pdf) {
		URI uri = URI.create(job.printerUri());
		try {
			IppClient.Submitted submitted = ipp.print(uri, job.formId() + "-" + job.id(), job.createdBy(), pdf);
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

}
