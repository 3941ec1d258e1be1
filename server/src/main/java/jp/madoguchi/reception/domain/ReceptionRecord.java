package jp.madoguchi.reception.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jp.madoguchi.reception.Priority;
import jp.madoguchi.reception.ReceptionSource;
import org.jspecify.annotations.Nullable;

/**
 * A stored reception: the visit and its ticket, without its tasks.
 * {@code sentAheadNotice} is the resident-record system's number of the moving-out data
 * sent ahead (特例転入) the ticket was issued for, if any.
 */
public record ReceptionRecord(UUID id, LocalDate day, int ticketNumber, String originQueue,
		@Nullable UUID notificationId, ReceptionSource source, @Nullable String name, @Nullable Priority priority,
		Instant createdAt, String createdBy, @Nullable String sentAheadNotice) {

	/** The same reception without the resident's name (for figures). */
	ReceptionRecord withoutName() {
		return new ReceptionRecord(id, day, ticketNumber, originQueue, notificationId, source, null, priority,
				createdAt, createdBy, sentAheadNotice);
	}

}
