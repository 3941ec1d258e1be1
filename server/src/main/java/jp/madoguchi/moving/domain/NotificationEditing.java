package jp.madoguchi.moving.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.Finding;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.platform.CurrentActor;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.text.ExactText;
import jp.madoguchi.text.MyNumbers;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.madoguchi.moving.domain.NotificationReader.subject;

/**
 * Creates and revises the content of moving notifications. Findings are computed on every
 * save; every change is audited.
 */
@Service
@Transactional
public class NotificationEditing {

	private final Notifications notifications;

	private final NotificationReader reader;

	private final Findings findings;

	private final AuditTrail audit;

	private final CodeMasters codes;

	private final Clock clock;

	private final RecordOrigins origins;

	private final JsonMapper json;

	NotificationEditing(Notifications notifications, NotificationReader reader, Findings findings, AuditTrail audit,
			CodeMasters codes, Clock clock, RecordOrigins origins, JsonMapper json) {
		this.origins = origins;
		this.json = json;
		this.notifications = notifications;
		this.reader = reader;
		this.findings = findings;
		this.audit = audit;
		this.codes = codes;
		this.clock = clock;
	}

	public NotificationView create(NotificationContent content, boolean revealMyNumbers) {
		NotificationContent complete = withDefaults(content);
		Notification notification = Notification.draft(complete, findings.of(complete), CurrentActor.name(),
				clock.instant());
		notifications.add(notification);
		audit.record(AuditEntry.success("NOTIFICATION_CREATED", subject(notification.id()), summary(complete)));
		return reader.view(notification, revealMyNumbers);
	}

	public NotificationView revise(UUID id, int version, NotificationContent content, boolean revealMyNumbers) {
		Notification notification = reader.load(id);
		if (notification.version() != version) {
			throw new OptimisticLockingFailureException("stale");
		}
		NotificationContent complete = keepUnchangedMyNumbers(withDefaults(content), notification);
		NotificationContent before = notification.content();
		notification.revise(complete, findings.of(complete), CurrentActor.name(), clock.instant());
		notifications.update(notification);
		audit.record(AuditEntry.success("NOTIFICATION_UPDATED", subject(id), summary(complete)));
		unmarkChanged(id, before, complete);
		return reader.view(reader.load(id), revealMyNumbers);
	}

	/**
	 * Items that came from the resident record and were changed now lose their mark: the
	 * screen says 変更あり instead (issue 18).
	 */
	private void unmarkChanged(UUID id, NotificationContent before, NotificationContent after) {
		origins.find(id).ifPresent(origin -> {
			List<String> changed = RecordMarks.changed(json, before, after, origin.fromRecord());
			if (!changed.isEmpty()) {
				origins.update(id, origin.changed(changed));
			}
		});
	}

	/** Findings of content not saved yet: the live panel of the staff screen. */
	@Transactional(readOnly = true)
	public List<Finding> preview(NotificationContent content) {
		return findings.of(withDefaults(content));
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
		LocalDate filedOn = (content.filedOn() != null) ? content.filedOn() : LocalDate.now(clock);
		return codes.settle(content.with(filedOn, content.moveReasonCode(), null), filedOn);
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

	private static String summary(NotificationContent content) {
		return content.type() + "/" + content.variant() + " persons=" + content.persons().size();
	}

}
