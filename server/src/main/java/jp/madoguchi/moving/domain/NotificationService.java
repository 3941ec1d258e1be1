package jp.madoguchi.moving.domain;

import jp.madoguchi.platform.CurrentActor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.Finding;
import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.moving.NotificationAccepted;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.moving.persistence.Notifications;
import jp.madoguchi.platform.LegalHold;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.text.ExactText;
import jp.madoguchi.text.MyNumbers;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, revises, accepts and reads moving notifications. Findings are computed on
 * every save; every read and change is audited; My Numbers leave here masked unless the
 * caller may and asked to see them, which is audited on its own.
 */
@Service
@Transactional
public class NotificationService implements MovingNotifications {

	/** The audit actor of reads the resident-record link makes for delivery. */
	static final String SYSTEM_DELIVERY = "resident-record";

	private final Notifications notifications;

	private final Findings findings;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	NotificationService(Notifications notifications, Findings findings, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.notifications = notifications;
		this.findings = findings;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public NotificationView create(NotificationContent content, boolean revealMyNumbers) {
		NotificationContent complete = withDefaults(content);
		Notification notification = Notification.draft(complete, findings.of(complete), CurrentActor.name(), now());
		notifications.add(notification);
		audit.record(AuditEntry.success("NOTIFICATION_CREATED", subject(notification.id()), summary(complete)));
		return view(notification, revealMyNumbers);
	}

	@Override
	public NotificationView createDraft(NotificationContent content) {
		return create(content, false);
	}

	public NotificationView revise(UUID id, int version, NotificationContent content, boolean revealMyNumbers) {
		Notification notification = load(id);
		if (notification.version() != version) {
			throw new OptimisticLockingFailureException("stale");
		}
		NotificationContent complete = keepUnchangedMyNumbers(withDefaults(content), notification);
		notification.revise(complete, findings.of(complete), CurrentActor.name(), now());
		notifications.update(notification);
		audit.record(AuditEntry.success("NOTIFICATION_UPDATED", subject(id), summary(complete)));
		return view(load(id), revealMyNumbers);
	}

	/** Findings of content not saved yet: the live panel of the staff screen. */
	@Transactional(readOnly = true)
	public List<Finding> preview(NotificationContent content) {
		return findings.of(withDefaults(content));
	}

	@Transactional
	public NotificationView read(UUID id, boolean revealMyNumbers) {
		Notification notification = load(id);
		audit.record(AuditEntry.success("NOTIFICATION_VIEWED", subject(id)));
		return view(notification, revealMyNumbers);
	}

	public NotificationView accept(UUID id, boolean revealMyNumbers) {
		Notification notification = load(id);
		NotificationAccepted accepted;
		try {
			accepted = notification.accept(CurrentActor.name(), now());
		}
		catch (ProblemException refused) {
			audit.record(AuditEntry.failure("NOTIFICATION_ACCEPTED", subject(id), refused.code()));
			throw refused;
		}
		notifications.updateStatus(notification);
		audit.record(AuditEntry.success("NOTIFICATION_ACCEPTED", subject(id)));
		events.publishEvent(accepted);
		return view(load(id), revealMyNumbers);
	}

	public NotificationView cancel(UUID id) {
		Notification notification = load(id);
		notification.cancel(CurrentActor.name(), now());
		notifications.updateStatus(notification);
		audit.record(AuditEntry.success("NOTIFICATION_CANCELLED", subject(id)));
		return view(load(id), false);
	}

	/**
	 * Puts a notification on legal hold (exempt from the retention purge) or releases it.
	 * A hold needs a reason; both are audited.
	 */
	public LegalHold setLegalHold(UUID id, boolean held, @Nullable String reason) {
		load(id);
		LegalHold hold = LegalHold.requested(held, reason, CurrentActor.name(), now());
		notifications.setLegalHold(id, hold);
		audit.record(AuditEntry.success(hold.auditAction(), subject(id), hold.reason()));
		return hold;
	}

	/** The notification's legal hold, for its page. */
	@Transactional(readOnly = true)
	public LegalHold legalHold(UUID id) {
		return notifications.legalHold(id).orElse(LegalHold.NONE);
	}

	@Transactional
	public List<NotificationView> search(Notifications.Criteria criteria) {
		List<NotificationView> found = notifications.search(criteria).stream().map(n -> view(n, false)).toList();
		audit.record(AuditEntry.success("NOTIFICATION_SEARCHED", null,
				"name=" + (criteria.name() != null ? "(given)" : "") + " from=" + criteria.from() + " to="
						+ criteria.to() + " status=" + criteria.status() + " hits=" + found.size()));
		return found;
	}

	@Override
	@Transactional
	public Optional<NotificationView> find(UUID id) {
		Optional<NotificationView> found = notifications.find(id).map(n -> view(n, false));
		found.ifPresent(n -> audit.record(AuditEntry.success("NOTIFICATION_VIEWED", subject(id))));
		return found;
	}

	@Override
	@Transactional
	public Optional<NotificationView> findForDelivery(UUID id) {
		Optional<NotificationView> found = notifications.find(id).map(n -> view(n, true, SYSTEM_DELIVERY));
		found.ifPresent(
				n -> audit.record(AuditEntry.success("NOTIFICATION_VIEWED", subject(id), "resident-record delivery")
					.by(SYSTEM_DELIVERY)));
		return found;
	}

	/** Repeating it is harmless: an acknowledgement may be read twice after a crash. */
	@Override
	public void markSent(UUID id) {
		Notification notification = load(id);
		if (notification.status() == NotificationStatus.SENT) {
			return;
		}
		notification.markSent(now());
		notifications.updateStatus(notification);
		audit.record(AuditEntry.success("NOTIFICATION_SENT", subject(id)).by("system"));
	}

	private NotificationView view(Notification notification, boolean revealMyNumbers) {
		return view(notification, revealMyNumbers, null);
	}

	/**
	 * @param systemActor who reads when the system itself does, not the signed-in user
	 */
	private NotificationView view(Notification notification, boolean revealMyNumbers, @Nullable String systemActor) {
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

	/**
	 * A client that never saw a My Number in full sends back the masked form: that means
	 * "unchanged", never "replace with asterisks".
	 */
	private NotificationContent keepUnchangedMyNumbers(NotificationContent content, Notification stored) {
		List<@Nullable String> numbers = notifications.myNumbers(stored.id(), stored.content().persons().size());
		List<Person> persons = new ArrayList<>();
		for (int i = 0; i < content.persons().size(); i++) {
			Person person = content.persons().get(i);
			String given = person.myNumber();
			if (given != null && given.contains("*") && i < numbers.size() && numbers.get(i) != null
					&& MyNumbers.mask(numbers.get(i)).equals(given)) {
				person = person.withMyNumber(numbers.get(i));
			}
			persons.add(person);
		}
		return content.withPersons(persons);
	}

	private NotificationContent withDefaults(NotificationContent content) {
		if (!content.type().allows(content.variant())) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "VARIANT_NOT_ALLOWED",
					Map.of("field", "variant"), String.valueOf(content.type()), String.valueOf(content.variant()));
		}
		requireStorableText(content);
		if (content.filedOn() != null) {
			return content;
		}
		return new NotificationContent(content.type(), content.variant(), content.movedOn(), LocalDate.now(clock),
				content.plannedMoveOutOn(), content.newAddress(), content.previousAddress(), content.household(),
				content.persons(), content.filer(), content.identityDocuments());
	}

	/**
	 * Names are stored exactly as given, so what cannot be stored faithfully (an unpaired
	 * surrogate, a control character, a stray variation selector) is refused, never
	 * repaired.
	 */
	private static void requireStorableText(NotificationContent content) {
		Map<String, @Nullable String> texts = new LinkedHashMap<>();
		if (content.household() != null) {
			texts.put("household.headName", content.household().headName());
		}
		if (content.filer() != null) {
			texts.put("filer.name", content.filer().name());
		}
		for (String prefix : List.of("newAddress", "previousAddress")) {
			NotificationContent.Address address = prefix.equals("newAddress") ? content.newAddress()
					: content.previousAddress();
			if (address != null) {
				texts.put(prefix + ".town", address.town());
				texts.put(prefix + ".block", address.block());
				texts.put(prefix + ".building", address.building());
			}
		}
		for (int i = 0; i < content.persons().size(); i++) {
			Person person = content.persons().get(i);
			String path = "persons[" + i + "].";
			texts.put(path + "familyName", person.familyName());
			texts.put(path + "givenName", person.givenName());
			texts.put(path + "familyNameKana", person.familyNameKana());
			texts.put(path + "givenNameKana", person.givenNameKana());
			texts.put(path + "formerSurname", person.formerSurname());
		}
		texts.forEach((field, text) -> {
			if (text != null) {
				List<String> problems = ExactText.problems(text);
				if (!problems.isEmpty()) {
					throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_CHARACTER",
							Map.of("field", field), field, String.join(" ", problems));
				}
			}
		});
	}

	private Notification load(UUID id) {
		return notifications.find(id).orElseThrow(() -> ProblemException.notFound("NOTIFICATION_NOT_FOUND"));
	}

	private Instant now() {
		return clock.instant();
	}

	private static String subject(UUID id) {
		return "notification:" + id;
	}

	private static String summary(NotificationContent content) {
		return content.type() + "/" + content.variant() + " persons=" + content.persons().size();
	}

}
