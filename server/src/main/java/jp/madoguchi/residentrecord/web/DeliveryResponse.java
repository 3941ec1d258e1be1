package jp.madoguchi.residentrecord.web;

import java.time.Instant;
import java.util.UUID;

import jp.madoguchi.residentrecord.DeliveryState;
import jp.madoguchi.residentrecord.domain.Delivery;
import org.jspecify.annotations.Nullable;

/**
 * One delivery as {@code GET /api/v1/resident-record/deliveries} answers it.
 *
 * @param lastError why it waits or was refused, in Japanese (null once all is well)
 * @param notes what the delivered document could not keep (CSV: degenerated name items)
 */
record DeliveryResponse(UUID id, UUID notificationId, DeliveryState state, @Nullable String channel, int attempts,
		@Nullable Instant nextAttemptAt, @Nullable String lastError, @Nullable String notes, Instant acceptedAt,
		String acceptedBy, Instant createdAt, @Nullable Instant deliveredAt, @Nullable Instant acknowledgedAt,
		Instant updatedAt) {

	static DeliveryResponse of(Delivery d) {
		boolean waiting = d.state() == DeliveryState.PENDING || d.state() == DeliveryState.FAILED_RETRYING;
		return new DeliveryResponse(d.id(), d.notificationId(), d.state(), d.channel(), d.attempts(),
				waiting ? d.nextAttemptAt() : null, d.lastError(), d.notes(), d.acceptedAt(), d.acceptedBy(),
				d.createdAt(), d.deliveredAt(), d.acknowledgedAt(), d.updatedAt());
	}

}
