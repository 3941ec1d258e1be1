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

	Optional<PrintJob> find(UUID id);

	byte[] document(UUID id);

	/** Marks the job as being sent and counts the attempt. */
	void sending(UUID id, Instant at);

	void sent(UUID id, int printerJobId, String state, @Nullable String printerState, Instant at);

	/** How many of a printer's jobs are in the given state. */
	long count(String printer, String state);

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
