package jp.madoguchi.moving;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

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
	 * A 特例転入 draft of every person of the data sent ahead with these numbers (the
	 * reception board starts it from a called ticket); refused as
	 * {@code POST /api/v1/notifications/from-sent-ahead} refuses, and audited alike.
	 */
	NotificationView createFromSentAhead(List<String> noticeIds);

	/**
	 * The notification with its My Numbers in full, for delivery to the resident-record
	 * system only. The read and the My Numbers it reveals are audited as the system's own
	 * access (actor {@code resident-record}), never as a person's. Staff's character
	 * choices are applied: each character the target cannot carry is replaced by the one
	 * chosen.
	 */
	Optional<NotificationView> findForDelivery(UUID id);

	/**
	 * The My Numbers of the notification's persons in full, in the order of its persons
	 * (null where a person has none), for printing them on the forms that carry them. The
	 * caller must have checked that the signed-in user holds MY_NUMBER_VIEW; the read is
	 * audited as theirs ({@code MY_NUMBER_VIEWED}, detail {@code purpose}).
	 * @throws jp.madoguchi.platform.ProblemException 404 {@code NOTIFICATION_NOT_FOUND}
	 */
	List<@Nullable String> myNumbersInFull(UUID id, String purpose);

	/**
	 * Staff's character choices for the notification (applied by
	 * {@link #findForDelivery}).
	 */
	List<CharacterChoice> characterChoices(UUID id);

	/**
	 * Who leaves, who stays and who heads each household for a notification started from
	 * the resident record (from its content and the households recorded with its draft);
	 * empty for one entered by hand. Reads nothing else of the notification.
	 */
	Optional<HouseholdsBeforeAfter> beforeAndAfter(NotificationView notification);

	/**
	 * Marks an accepted notification as delivered to the resident-record system; a SENT
	 * notification stays SENT.
	 */
	void markSent(UUID id);

}
