package jp.madoguchi.moving.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationKind;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 続柄, 異動事由 and 届出の種類 masters (docs/design/domain.md §3): listed for everyone, changed
 * by MASTER_ADMIN, every change audited. A code is added valid from a day and retired
 * after a last day; it is deleted only while no stored notification holds it, and it is
 * not retired before a day a stored notification still needs it, so no notification is
 * left with a code its master no longer explains.
 */
@Service
@Transactional
public class CodeMasters {

	/** What the city writes in the source column when it adds its own code. */
	public static final String CITY_SOURCE = "市区町村独自";

	private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,10}");

	private final CodeMasterStore store;

	private final AuditTrail audit;

	private final Clock clock;

	CodeMasters(CodeMasterStore store, AuditTrail audit, Clock clock) {
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<StandardCode> all(CodeList list) {
		return store.all(list);
	}

	/** The label of a code, retired or not; codes are never renamed. */
	@Transactional(readOnly = true)
	public Optional<String> label(CodeList list, String code) {
		return store.find(list, code).map(StandardCode::label);
	}

	/**
	 * The labels of the codes valid on {@code day}, in list order: what a notification
	 * filed that day may use, whatever the master says today.
	 */
	@Transactional(readOnly = true)
	public Set<String> labelsValidOn(CodeList list, LocalDate day) {
		return validOn(list, day).stream()
			.map(StandardCode::label)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/** Today in the city, for screens that offer a default retirement day. */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public StandardCode add(CodeList list, String code, String label, @Nullable String source,
			@Nullable LocalDate validFrom, @Nullable NotificationType type, @Nullable Variant variant) {
		requireWellFormed(code, label);
		String from = source(source, CITY_SOURCE);
		NotificationType kind = null;
		Variant kindVariant = null;
		if (list.perKind()) {
			if (type == null || variant == null || !type.allows(variant)) {
				throw invalid("variant", "VARIANT_NOT_ALLOWED", String.valueOf(type), String.valueOf(variant));
			}
			LocalDate start = (validFrom != null) ? validFrom : LocalDate.MIN;
			store.all(list)
				.stream()
				.filter(r -> r.type() == type && r.variant() == variant && r.validOnOrAfter(start))
				.findFirst()
				.ifPresent(taken -> {
					throw ProblemException.conflict(
							(list == CodeList.MOVE_REASONS) ? "MOVE_REASON_KIND_TAKEN" : "NOTIFICATION_KIND_TAKEN",
							taken.code(), taken.label());
				});
			kind = type;
			kindVariant = variant;
		}
		StandardCode added = new StandardCode(code, label.strip(), from, validFrom, null, nextSortOrder(list), kind,
				kindVariant);
		if (!store.add(list, added)) {
			throw ProblemException.conflict("CODE_EXISTS", code, label.strip());
		}
		audit.record(AuditEntry.success("CODE_ADDED", list.subject(code), added.label() + " (" + from + ")"));
		return added;
	}

	/**
	 * Gives a code a new code, label and (when given) source, in place: its kind, period
	 * and place in the list stay. A new code or label is refused while stored
	 * notifications hold the code, as they would be left with a code or label the master
	 * no longer has; the codes of the notification kinds are held by no notification and
	 * can always be changed.
	 */
	public StandardCode change(CodeList list, String code, String newCode, String label, @Nullable String source) {
		StandardCode existing = existing(list, code);
		requireWellFormed(newCode, label);
		StandardCode changed = new StandardCode(newCode, label.strip(), source(source, existing.source()),
				existing.validFrom(), existing.validTo(), existing.sortOrder(), existing.type(), existing.variant());
		if (changed.equals(existing)) {
			return existing;
		}
		boolean renamed = !changed.code().equals(existing.code()) || !changed.label().equals(existing.label());
		long uses = renamed ? store.uses(list, code, null) : 0;
		if (uses > 0) {
			throw ProblemException.conflict("CODE_IN_USE", code, uses).because("change");
		}
		if (!store.change(list, code, changed)) {
			throw ProblemException.conflict("CODE_EXISTS", newCode, changed.label());
		}
		audit.record(AuditEntry.success("CODE_CHANGED", list.subject(code),
				"→ " + newCode + " " + changed.label() + " (" + changed.source() + ")"));
		return changed;
	}

	/**
	 * The notification kind of a type and variant on {@code day}, as the master has it
	 * then; a kind the master lacks (removed, retired, not valid yet) answers 422
	 * UNKNOWN_CODE naming {@code notificationKind}.
	 */
	@Transactional(readOnly = true)
	public NotificationKind notificationKind(NotificationType type, Variant variant, LocalDate day) {
		return store.all(CodeList.NOTIFICATION_KINDS)
			.stream()
			.filter(k -> k.type() == type && k.variant() == variant && k.validOn(day))
			.findFirst()
			.map(k -> new NotificationKind(k.code(), k.label()))
			.orElseThrow(() -> unknown("notificationKind", type + "/" + variant).because("notificationKind"));
	}

	/**
	 * Retires a code after {@code lastDay}; refused while a stored notification dated
	 * after that day holds it.
	 */
	public void retire(CodeList list, String code, LocalDate lastDay) {
		StandardCode existing = existing(list, code);
		if (existing.validFrom() != null && lastDay.isBefore(existing.validFrom())) {
			throw invalid("validTo", "RETIREMENT_BEFORE_START", code, existing.validFrom());
		}
		long uses = store.uses(list, code, lastDay);
		if (uses > 0) {
			throw ProblemException.conflict("CODE_IN_USE", code, uses).because("retire");
		}
		store.retire(list, code, lastDay);
		audit.record(AuditEntry.success("CODE_RETIRED", list.subject(code), "valid to " + lastDay));
	}

	/** Deletes a code no stored notification holds (one added by mistake). */
	public void delete(CodeList list, String code) {
		existing(list, code);
		long uses = store.uses(list, code, null);
		if (uses > 0) {
			throw ProblemException.conflict("CODE_IN_USE", code, uses).because("delete");
		}
		store.delete(list, code);
		audit.record(AuditEntry.success("CODE_DELETED", list.subject(code), null));
	}

	/**
	 * The content with its codes settled for the day it is filed: a code given must be in
	 * the master and valid that day (else 422 naming the field) and its label is the
	 * master's; a 続柄 given by label only gets the code of that label; a missing 異動事由 is
	 * the one of the notification's kind. A label the master does not know stays as it
	 * is, for the findings to report.
	 */
	@Transactional(readOnly = true)
	public NotificationContent settle(NotificationContent content, LocalDate filedOn) {
		List<StandardCode> relationships = validOn(CodeList.RELATIONSHIPS, filedOn);
		List<Person> persons = new ArrayList<>();
		for (int i = 0; i < content.persons().size(); i++) {
			Person person = content.persons().get(i);
			String code = blankToNull(person.relationshipCode());
			String field = "persons[" + i + "].relationshipCode";
			if (code != null) {
				StandardCode known = relationships.stream()
					.filter(r -> r.code().equals(code))
					.findFirst()
					.orElseThrow(() -> unknown(field, code));
				person = person.withRelationship(known.code(), known.label());
			}
			else if (person.relationship() != null) {
				String label = person.relationship().strip();
				Person unchanged = person;
				person = relationships.stream()
					.filter(r -> r.label().equals(label))
					.findFirst()
					.map(r -> unchanged.withRelationship(r.code(), r.label()))
					.orElse(person.withRelationship(null, person.relationship()));
			}
			persons.add(person);
		}
		List<StandardCode> reasons = store.all(CodeList.MOVE_REASONS)
			.stream()
			.filter(r -> r.validOn(filedOn) && r.type() == content.type() && r.variant() == content.variant())
			.toList();
		String given = blankToNull(content.moveReasonCode());
		StandardCode reason = reasons.stream()
			.filter(r -> given == null || r.code().equals(given))
			.findFirst()
			.orElse(null);
		if (given != null && reason == null) {
			throw unknown("moveReasonCode", given);
		}
		return content.withPersons(persons)
			.with(content.filedOn(), (reason != null) ? reason.code() : null, (reason != null) ? reason.label() : null);
	}

	private static void requireWellFormed(String code, String label) {
		if (!CODE.matcher(code).matches()) {
			throw invalid("code", "INVALID_CODE", code);
		}
		if (label.isBlank() || label.length() > 50) {
			throw invalid("label", "INVALID_CODE_LABEL", label);
		}
	}

	/** The source written down: as given, else {@code otherwise}. */
	private static String source(@Nullable String given, String otherwise) {
		String from = (given == null || given.isBlank()) ? otherwise : given.strip();
		if (from.length() > 200) {
			throw invalid("source", "INVALID_CODE_LABEL", from);
		}
		return from;
	}

	private List<StandardCode> validOn(CodeList list, LocalDate day) {
		return store.all(list).stream().filter(c -> c.validOn(day)).toList();
	}

	private StandardCode existing(CodeList list, String code) {
		return store.find(list, code).orElseThrow(() -> ProblemException.notFound("CODE_NOT_FOUND", code));
	}

	private int nextSortOrder(CodeList list) {
		return store.all(list).stream().mapToInt(StandardCode::sortOrder).max().orElse(0) + 10;
	}

	private static ProblemException unknown(String field, String code) {
		return invalid(field, "UNKNOWN_CODE", field, code);
	}

	private static ProblemException invalid(String field, String problem, Object... arguments) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, problem, Map.of("field", field), arguments);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
