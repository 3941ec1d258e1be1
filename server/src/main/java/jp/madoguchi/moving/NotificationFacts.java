package jp.madoguchi.moving;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The statistics' view of notifications: kind, state and times only, no personal data (so
 * reading it is not a read of personal data and is not audited per record).
 */
public interface NotificationFacts {

	/**
	 * Notifications created (Tokyo time) on the days from..to inclusive, oldest first.
	 */
	List<Fact> createdBetween(LocalDate from, LocalDate to);

	record Fact(NotificationType type, NotificationType.Variant variant, NotificationStatus status,
			@Nullable LocalDate filedOn, Instant createdAt, @Nullable Instant acceptedAt) {

	}

}
