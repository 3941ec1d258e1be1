package jp.madoguchi.residentrecord.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.moving.NotificationKind;
import jp.madoguchi.residentrecord.DeliveryState;
import org.jspecify.annotations.Nullable;

/**
 * The outbox table. Claims use the database clock ({@code now()}), not the instances'
 * clocks, so leases mean the same on every instance even when their clocks drift.
 */
public interface DeliveryRepository {

	/**
	 * Records the delivery of an accepted notification, in the caller's transaction; a
	 * second call for the same notification changes nothing (exactly one per
	 * notification).
	 * @param kind the notification kind the document will carry
	 * @return whether a row was added
	 */
	boolean enqueue(UUID notificationId, Instant acceptedAt, String acceptedBy, NotificationKind kind);

	/** Deletes the deliveries of these notifications (purged by retention). */
	long deleteOfNotifications(List<UUID> notificationIds);

	/**
	 * Claims up to {@code limit} due deliveries for one worker and counts the attempt.
	 * Rows another worker is claiming at this moment are skipped (SKIP LOCKED), rows
	 * another worker holds are skipped until its lease runs out, so each delivery is
	 * attempted by one worker at a time across all instances.
	 */
	List<Delivery> claim(String worker, String channel, int limit, Duration lease);

	/**
	 * Locks up to {@code limit} delivered rows of a channel that no one else is looking
	 * at, for the acknowledgement scan; call inside a transaction.
	 */
	List<Delivery> lockDelivered(String channel, int limit);

	/**
	 * Ends an attempt, if the worker still holds the lease; a worker whose lease ran out
	 * (another took over) changes nothing.
	 * @return whether the row was updated
	 */
	boolean finishAttempt(UUID id, String worker, DeliveryState state, @Nullable String error, @Nullable String sha256,
			@Nullable String notes, Duration retryIn);

	/**
	 * Gives a claimed delivery back without counting the attempt (nothing was sent).
	 */
	void release(UUID id, String worker, String reason, Duration retryIn);

	/** The acknowledgement scan's outcome for a row it locked. */
	void acknowledge(UUID id, DeliveryState state, @Nullable String error);

	/**
	 * Another attempt as soon as a worker is free, with a fresh count of attempts.
	 * @return whether the delivery was in a state that can be retried
	 */
	boolean retry(UUID id);

	Optional<Delivery> find(UUID id);

	Optional<Delivery> findByNotification(UUID notificationId);

	/** Newest first, of one state or all. */
	List<Delivery> list(@Nullable DeliveryState state, int limit);

	/** How many deliveries are in each state, and the oldest not yet SENT. */
	DeliveryStatistics statistics();

}
