package jp.madoguchi.moving.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.text.MyNumbers;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Loads stored notifications for the services and turns them into what their reader sees:
 * My Numbers masked unless the caller may and asked to see them, which is audited on its
 * own.
 */
@Component
class NotificationReader {

	/** The audit actor of reads the resident-record link makes for delivery. */
	static final String SYSTEM_DELIVERY = "resident-record";

	private final Notifications notifications;

	private final AuditTrail audit;

	NotificationReader(Notifications notifications, AuditTrail audit) {
		this.notifications = notifications;
		this.audit = audit;
	}

	NotificationView view(Notification notification, boolean revealMyNumbers) {
		return view(notification, revealMyNumbers, null);
	}

	/**
	 * @param systemActor who reads when the system itself does, not the signed-in user
	 */
	NotificationView view(Notification notification, boolean revealMyNumbers, @Nullable String systemActor) {
		NotificationContent content = notification.content();
		List<@Nullable String> numbers = notifications.myNumbers(notification.id(), content.persons().size());
		boolean anyNumber = numbers.stream().anyMatch(n -> n != null);
		List<Person> persons = new ArrayList<>();
		for (int i = 0; i < content.persons().size(); i++) {
			String number = numbers.get(i);
			String shown = (number == null) ? null : revealMyNumbers ? number : MyNumbers.mask(number);
			persons.add(content.persons().get(i).withMyNumber(shown));
		}
		if (revealMyNumbers && anyNumber) {
			audit.record(AuditEntry.success("MY_NUMBER_VIEWED", subject(notification.id())).by(systemActor));
		}
		return new NotificationView(notification.id(), notification.version(), notification.status(),
				content.withPersons(persons), notification.findings(), notification.createdAt(),
				notification.createdBy(), notification.updatedAt(), notification.acceptedAt(),
				notification.acceptedBy());
	}

	/** Each person's My Number in full (null where none); the caller audits. */
	List<@Nullable String> myNumbers(Notification notification) {
		return notifications.myNumbers(notification.id(), notification.content().persons().size());
	}

	/** The notification, or 404 {@code NOTIFICATION_NOT_FOUND}. */
	Notification load(UUID id) {
		return notifications.find(id).orElseThrow(() -> ProblemException.notFound("NOTIFICATION_NOT_FOUND"));
	}

	static String subject(UUID id) {
		return "notification:" + id;
	}

}
