package jp.madoguchi.residentrecord.domain.transport;

import java.util.UUID;

/**
 * What a transport knows of a delivery: its id, the idempotency key the receiving side
 * sees, and its notification, which names the files in the outbox.
 */
public record DeliveryKey(UUID id, UUID notificationId) {

}
