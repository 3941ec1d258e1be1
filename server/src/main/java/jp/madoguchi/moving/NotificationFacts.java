package jp.madoguchi.moving;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

	/**
	 * The kind of each of the given notifications that exists (reception statistics group
	 * visits by the kind of notification they were about).
	 */
	Map<UUID, NotificationType> typesOf(Collection<UUID> ids);

	record Fact(NotificationType type, NotificationType.Variant variant, NotificationStatus status,
			@Nullable LocalDate filedOn, Instant createdAt, @Nullable Instant acceptedAt) {

	}

}
