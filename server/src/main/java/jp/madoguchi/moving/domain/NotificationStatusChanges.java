package jp.madoguchi.moving.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.NotificationAccepted;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationKind;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.platform.CurrentActor;
import jp.madoguchi.platform.ProblemException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.madoguchi.moving.domain.NotificationReader.subject;

/**
 * Accepts (受理), cancels and marks notifications sent. A status change stores the status
 * only, never the content; each is audited, acceptance is published
 * ({@link NotificationAccepted}) with the notification kind the master has for it on the
 * filing date; a kind the master lacks refuses the acceptance (422 UNKNOWN_CODE).
 */
@Service
@Transactional
public class NotificationStatusChanges {

	private final Notifications notifications;

	private final NotificationReader reader;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CharacterChoices characters;

	private final CodeMasters codes;

	NotificationStatusChanges(Notifications notifications, NotificationReader reader, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, CharacterChoices characters, CodeMasters codes) {
		this.notifications = notifications;
		this.reader = reader;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.characters = characters;
		this.codes = codes;
	}

	public NotificationView accept(UUID id, boolean revealMyNumbers) {
		Notification notification = reader.load(id);
		NotificationAccepted accepted;
		try {
			NotificationKind kind = null;
			if (notification.status() == NotificationStatus.DRAFT) {
				// nothing reaches the resident-record target degenerated without staff's
				// choice
				characters.requireChosen(notification);
				NotificationContent content = notification.content();
				kind = codes.notificationKind(content.type(), content.variant(),
						(content.filedOn() != null) ? content.filedOn() : LocalDate.now(clock));
			}
			accepted = notification.accept(CurrentActor.name(), clock.instant(), kind);
		}
		catch (ProblemException refused) {
			audit.record(AuditEntry.failure("NOTIFICATION_ACCEPTED", subject(id), refused.code()));
			throw refused;
		}
		notifications.updateStatus(notification);
		audit.record(AuditEntry.success("NOTIFICATION_ACCEPTED", subject(id)));
		events.publishEvent(accepted);
		return reader.view(reader.load(id), revealMyNumbers);
	}

	public NotificationView cancel(UUID id) {
		Notification notification = reader.load(id);
		notification.cancel(CurrentActor.name(), clock.instant());
		notifications.updateStatus(notification);
		audit.record(AuditEntry.success("NOTIFICATION_CANCELLED", subject(id)));
		return reader.view(reader.load(id), false);
	}

	/** Repeating it is harmless: an acknowledgement may be read twice after a crash. */
	public void markSent(UUID id) {
		Notification notification = reader.load(id);
		if (notification.status() == NotificationStatus.SENT) {
			return;
		}
		notification.markSent(clock.instant());
		notifications.updateStatus(notification);
		audit.record(AuditEntry.success("NOTIFICATION_SENT", subject(id)).by("system"));
	}

}
