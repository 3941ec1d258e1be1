package jp.madoguchi.forms.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Print jobs in {@code forms.print_jobs}. Each statement commits on its own: a job must
 * be stored before the printer is asked, and its failure recorded even when the caller
 * then answers with an error.
 */
public interface PrintJobRepository {

	void add(PrintJob job, byte[] document);

	/**
	 * A job with the pages (from 0) inserted as blank backs so that each form starts on
	 * its own sheet when printed on both sides.
	 */
	void add(PrintJob job, byte[] document, List<Integer> blankPages);

	/** The blank backs inserted into the job's document (empty for most jobs). */
	List<Integer> blankPages(UUID id);

	/**
	 * The printer turned out to print one side only: the document without its blank
	 * backs, and the notice for staff.
	 */
	void simplex(UUID id, byte[] document, String notice);

	/** A printer's latest jobs, newest first: the printer's queue page. */
	List<PrintJob> ofPrinter(String printer, int limit);

	/** The jobs of one print action of a visit. */
	List<PrintJob> ofVisit(UUID visitId);

	Optional<PrintJob> find(UUID id);

	byte[] document(UUID id);

	/** Marks the job as being sent and counts the attempt. */
	void sending(UUID id, Instant at);

	void sent(UUID id, int printerJobId, String state, @Nullable String printerState, Instant at);

	/** How many of a printer's jobs are in the given state. */
	long count(String printer, String state);

	/** Jobs in the state, all printers together. */
	long count(String state);

	/** The printer was busy: the job waits (QUEUED) for the background sender. */
	void waiting(UUID id, String reason, Instant at);

	/**
	 * Claims the oldest job that waits for a busy printer (tried at least once, last
	 * tried before {@code triedBefore}) and marks it as being sent; one instance gets it.
	 */
	Optional<UUID> claimWaiting(Instant triedBefore, Instant at);

	void failed(UUID id, String error, Instant at);

	void state(UUID id, String state, @Nullable String printerState, Instant at);

	/**
	 * Deletes the print jobs (with their PDFs, reprints included) of these notifications.
	 */
	long deleteOfNotifications(List<UUID> notificationIds);

}
