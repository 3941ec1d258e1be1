package jp.madoguchi.reception;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket was called (or called again) to a counter. Published inside the calling
 * transaction; the call display hears it through PostgreSQL NOTIFY on commit.
 */
public record TicketCalled(UUID receptionId, UUID taskId, String queue, int ticketNumber, String counter,
		boolean recall, Instant at) {
}
