package jp.madoguchi.moving;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Published by the retention purge inside its transaction, after it deleted these
 * notifications (possibly none). Modules that keep rows belonging to a notification
 * (print jobs, signatures, deliveries) delete them in a synchronous
 * {@code @EventListener}, so they go in the same transaction, never outlive the
 * notification and stay while it is on legal hold.
 *
 * @param cutoff the retention cutoff of the run
 * @param notificationIds the purged notifications
 */
public record NotificationsPurged(LocalDate cutoff, List<UUID> notificationIds) {

	public NotificationsPurged {
		notificationIds = List.copyOf(notificationIds);
	}

}
