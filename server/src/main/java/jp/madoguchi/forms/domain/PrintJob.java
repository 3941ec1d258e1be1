package jp.madoguchi.forms.domain;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A stored print job, without its document. */
public record PrintJob(UUID id, UUID notificationId, String formId, int templateVersion, String printer,
		String printerUri, String state, @Nullable Integer printerJobId, @Nullable String printerState, int attempts,
		@Nullable String lastError, @Nullable UUID reprintOf, Instant createdAt, String createdBy, Instant updatedAt) {

	/** States after which the printer has nothing more to say about the job. */
	public boolean settled() {
		return switch (state) {
			case "COMPLETED", "FAILED", "CANCELED", "ABORTED" -> true;
			default -> false;
		};
	}

}
