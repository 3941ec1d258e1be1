package jp.madoguchi.moving.domain;

import java.time.Clock;
import java.util.UUID;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.CurrentActor;
import jp.madoguchi.retention.LegalHold;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.madoguchi.moving.domain.NotificationReader.subject;

/** Legal holds of notifications: exempt from the retention purge while held. */
@Service
@Transactional
public class NotificationLegalHolds {

	private final Notifications notifications;

	private final NotificationReader reader;

	private final AuditTrail audit;

	private final Clock clock;

	NotificationLegalHolds(Notifications notifications, NotificationReader reader, AuditTrail audit, Clock clock) {
		this.notifications = notifications;
		this.reader = reader;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Puts a notification on legal hold (exempt from the retention purge) or releases it.
	 * A hold needs a reason; both are audited.
	 */
	public LegalHold setLegalHold(UUID id, boolean held, @Nullable String reason) {
		reader.load(id);
		LegalHold hold = LegalHold.requested(held, reason, CurrentActor.name(), clock.instant());
		notifications.setLegalHold(id, hold);
		audit.record(AuditEntry.success(hold.auditAction(), subject(id), hold.reason()));
		return hold;
	}

	/** The notification's legal hold, for its page. */
	@Transactional(readOnly = true)
	public LegalHold legalHold(UUID id) {
		return notifications.legalHold(id).orElse(LegalHold.NONE);
	}

}
