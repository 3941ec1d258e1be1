package jp.madoguchi.forms.domain;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored print job, without its document.
 *
 * @param visitId the print action of a whole visit this job belongs to (one job per
 * department), null for a single form
 * @param department the department whose stack the job prints (visit jobs)
 * @param duplex whether the job asks for both sides
 * @param notice what the printer did differently from what the forms asked (e.g. one side
 * instead of two), for staff
 */
public record PrintJob(UUID id, UUID notificationId, String formId, int templateVersion, String printer,
		String printerUri, String state, @Nullable Integer printerJobId, @Nullable String printerState, int attempts,
		@Nullable String lastError, @Nullable UUID reprintOf, Instant createdAt, String createdBy, Instant updatedAt,
		@Nullable UUID visitId, @Nullable String department, boolean duplex, @Nullable String notice) {

	/** The form id of a visit job: the cover sheet and a department's forms. */
	public static final String VISIT_STACK = "visit-stack";

	/** A job of one form, as before visits were printed in one action. */
	public PrintJob(UUID id, UUID notificationId, String formId, int templateVersion, String printer, String printerUri,
			String state, @Nullable Integer printerJobId, @Nullable String printerState, int attempts,
			@Nullable String lastError, @Nullable UUID reprintOf, Instant createdAt, String createdBy,
			Instant updatedAt) {
		this(id, notificationId, formId, templateVersion, printer, printerUri, state, printerJobId, printerState,
				attempts, lastError, reprintOf, createdAt, createdBy, updatedAt, null, null, false, null);
	}

	/** States after which the printer has nothing more to say about the job. */
	public boolean settled() {
		return switch (state) {
			case "COMPLETED", "FAILED", "CANCELED", "ABORTED" -> true;
			default -> false;
		};
	}

}
