package jp.madoguchi.moving.domain;

import java.time.Clock;
import java.util.UUID;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.NotificationAccepted;
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
 * ({@link NotificationAccepted}).
 */
@Service
@Transactional
public class NotificationStatusChanges {

	private final Notifications notifications;

	private final NotificationReader reader;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	NotificationStatusChanges(Notifications notifications, NotificationReader reader, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.notifications = notifications;
		this.reader = reader;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public NotificationView accept(UUID id, boolean revealMyNumbers) {
		Notification notification = reader.load(id);
		NotificationAccepted accepted;
		try {
			accepted = notification.accept(CurrentActor.name(), clock.instant());
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
