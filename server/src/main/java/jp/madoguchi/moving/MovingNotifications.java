package jp.madoguchi.moving;

import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may ask of moving notifications. Reads through this facade are
 * audited like any other read of personal data; My Numbers come masked.
 */
public interface MovingNotifications {

	Optional<NotificationView> find(UUID id);

	/** Marks an accepted notification as delivered to the resident-record system. */
	void markSent(UUID id);

}
