package jp.madoguchi.moving.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.NotificationView;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.madoguchi.moving.domain.NotificationReader.SYSTEM_DELIVERY;
import static jp.madoguchi.moving.domain.NotificationReader.subject;

/** Reads and searches moving notifications; every read is audited. */
@Service
@Transactional
public class NotificationQueries {

	private final Notifications notifications;

	private final NotificationReader reader;

	private final AuditTrail audit;

	NotificationQueries(Notifications notifications, NotificationReader reader, AuditTrail audit) {
		this.notifications = notifications;
		this.reader = reader;
		this.audit = audit;
	}

	public NotificationView read(UUID id, boolean revealMyNumbers) {
		Notification notification = reader.load(id);
		audit.record(AuditEntry.success("NOTIFICATION_VIEWED", subject(id)));
		return reader.view(notification, revealMyNumbers);
	}

	public List<NotificationView> search(NotificationSearch criteria) {
		List<NotificationView> found = notifications.search(criteria).stream().map(n -> reader.view(n, false)).toList();
		audit.record(AuditEntry.success("NOTIFICATION_SEARCHED", null,
				"name=" + (criteria.name() != null ? "(given)" : "") + " from=" + criteria.from() + " to="
						+ criteria.to() + " status=" + criteria.status() + " hits=" + found.size()));
		return found;
	}

	public Optional<NotificationView> find(UUID id) {
		Optional<NotificationView> found = notifications.find(id).map(n -> reader.view(n, false));
		found.ifPresent(n -> audit.record(AuditEntry.success("NOTIFICATION_VIEWED", subject(id))));
		return found;
	}

	/**
	 * Each person's My Number in full (null where none), audited as the signed-in user's
	 * view of My Numbers with the purpose.
	 */
	public List<@Nullable String> myNumbersInFull(UUID id, String purpose) {
		Notification notification = reader.load(id);
		List<@Nullable String> numbers = reader.myNumbers(notification);
		if (numbers.stream().anyMatch(n -> n != null)) {
			audit.record(AuditEntry.success("MY_NUMBER_VIEWED", subject(id), purpose));
		}
		return numbers;
	}

	/** With the My Numbers in full, audited as the resident-record system's own reads. */
	public Optional<NotificationView> findForDelivery(UUID id) {
		Optional<NotificationView> found = notifications.find(id).map(n -> reader.view(n, true, SYSTEM_DELIVERY));
		found.ifPresent(
				n -> audit.record(AuditEntry.success("NOTIFICATION_VIEWED", subject(id), "resident-record delivery")
					.by(SYSTEM_DELIVERY)));
		return found;
	}

}
