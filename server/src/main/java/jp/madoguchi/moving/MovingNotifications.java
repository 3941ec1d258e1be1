package jp.madoguchi.moving;

import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may ask of moving notifications. Reads through this facade are
 * audited like any other read of personal data; My Numbers come masked.
 */
public interface MovingNotifications {

	Optional<NotificationView> find(UUID id);

	/**
	 * Saves content that came from elsewhere (a pre-application QR code) as a new draft
	 * for staff to confirm; audited as any creation. The filing date defaults to today.
	 */
	NotificationView createDraft(NotificationContent content);

	/**
	 * The notification with its My Numbers in full, for delivery to the resident-record
	 * system only. The read and the My Numbers it reveals are audited as the system's own
	 * access (actor {@code resident-record}), never as a person's.
	 */
	Optional<NotificationView> findForDelivery(UUID id);

	/**
	 * Marks an accepted notification as delivered to the resident-record system; a SENT
	 * notification stays SENT.
	 */
	void markSent(UUID id);

}
