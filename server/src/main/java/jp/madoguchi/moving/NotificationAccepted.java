package jp.madoguchi.moving;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Published when staff accept (受理) a notification; the resident-record link delivers it.
 *
 * @param kind the notification kind, code and label, as the master has it on the filing
 * date
 */
public record NotificationAccepted(UUID notificationId, NotificationType type, LocalDate filedOn, String acceptedBy,
		Instant acceptedAt, NotificationKind kind) {

}
