package jp.madoguchi.residentrecord.domain;

import java.time.Instant;
import java.util.UUID;

import jp.madoguchi.moving.NotificationKind;
import jp.madoguchi.residentrecord.DeliveryState;
import jp.madoguchi.residentrecord.domain.transport.DeliveryKey;
import org.jspecify.annotations.Nullable;

/**
 * One row of the outbox: the delivery of one accepted notification. Its id is also the
 * idempotency key the receiving side sees.
 *
 * @param notes what the delivered document could not keep (the CSV variant reports each
 * name item whose variation sequence or character was degenerated), shown to staff
 * @param kind the notification kind as the master had it at acceptance; {@code null} for
 * a delivery written before the master existed
 */
public record Delivery(UUID id, UUID notificationId, DeliveryState state, @Nullable String channel, int attempts,
		Instant nextAttemptAt, @Nullable Instant leaseUntil, @Nullable String lastError, @Nullable String contentSha256,
		@Nullable String notes, Instant acceptedAt, String acceptedBy, Instant createdAt, @Nullable Instant deliveredAt,
		@Nullable Instant acknowledgedAt, Instant updatedAt, @Nullable NotificationKind kind) {

	/** What the transports need to know of it. */
	public DeliveryKey key() {
		return new DeliveryKey(id, notificationId);
	}

}
