package jp.madoguchi.moving.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.CardMyNumbers;
import jp.madoguchi.moving.HouseholdsBeforeAfter;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.moving.NotificationContent.Filer;
import jp.madoguchi.moving.NotificationContent.FilerKind;
import jp.madoguchi.moving.NotificationContent.Household;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.moving.RecordOrigin;
import jp.madoguchi.moving.ResidentRecordSource;
import jp.madoguchi.moving.ResidentRecordSource.RecordedResident;
import jp.madoguchi.moving.ResidentRecordSource.RecordedSentAhead;
import jp.madoguchi.platform.CurrentActor;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.madoguchi.moving.domain.NotificationReader.subject;

/**
 * Starts a draft from what the city already knows: the resident record for 転居, 転出 and
 * 世帯変更, the data sent ahead for a 特例転入. Everything the record says is copied exactly and
 * marked as coming from the record; staff then enter only what is new (the new address,
 * the move date). The lookup that fed the draft is audited with it.
 */
@Service
@Transactional
public class DraftsFromRecord {

	static final String AUDIT_ACTION = "NOTIFICATION_FROM_RECORD";

	private static final int MAX_PERSONS = 30;

	private final NotificationEditing editing;

	private final RecordOrigins origins;

	private final RecordedHouseholds households;

	private final ObjectProvider<ResidentRecordSource> record;

	private final AuditTrail audit;

	private final Clock clock;

	private final CardMyNumbers cardMyNumbers;

	DraftsFromRecord(NotificationEditing editing, RecordOrigins origins, RecordedHouseholds households,
			ObjectProvider<ResidentRecordSource> record, AuditTrail audit, Clock clock, CardMyNumbers cardMyNumbers) {
		this.cardMyNumbers = cardMyNumbers;
		this.editing = editing;
		this.origins = origins;
		this.households = households;
		this.record = record;
		this.audit = audit;
		this.clock = clock;
	}

	/** The draft and where it came from. */
	public record Started(NotificationView notification, RecordOrigin origin) {
	}

	/**
	 * A 転居, 転出 or 世帯変更 of these residents. Unknown or stale 宛名番号 are refused by name; a
	 * 転居 of persons from two households is a 世帯変更 too and is refused.
	 */
	public Started fromResidents(NotificationType type, Variant variant, @Nullable List<String> residentIds,
			@Nullable String filerResidentId, boolean revealMyNumbers) {
		return fromResidents(type, variant, residentIds, filerResidentId, null, null, revealMyNumbers);
	}

	/**
	 * A 転居, 転出 or 世帯変更 of these residents. Unknown or stale 宛名番号 are refused by name. The
	 * persons come from one household, except for a 世帯合併 and a 世帯構成変更 between two
	 * households: from exactly two, one of them the household joined
	 * ({@code joinedHouseholdId}); the persons picked from the other become the
	 * notification's persons, who join it. For a 世帯主変更 or 世帯分離, {@code headResidentId}
	 * names who heads the household afterwards. The households as recorded now are kept
	 * with the draft for its before and after.
	 */
	public Started fromResidents(NotificationType type, Variant variant, @Nullable List<String> residentIds,
			@Nullable String filerResidentId, @Nullable String joinedHouseholdId, @Nullable String headResidentId,
			boolean revealMyNumbers) {
		return fromResidents(type, variant, residentIds, filerResidentId, joinedHouseholdId, headResidentId,
				revealMyNumbers, null);
	}

	/**
	 * As above; {@code cardMyNumber}, a token of {@link CardMyNumbers} from the card read
	 * that found the household, puts the card's My Number on the card holder's person
	 * (when that resident is among the persons). A token that no longer opens (expired,
	 * another member of staff's) is refused: the card is read again.
	 */
	public Started fromResidents(NotificationType type, Variant variant, @Nullable List<String> residentIds,
			@Nullable String filerResidentId, @Nullable String joinedHouseholdId, @Nullable String headResidentId,
			boolean revealMyNumbers, @Nullable String cardMyNumber) {
		CardMyNumbers.Held fromCard = null;
		if (cardMyNumber != null && !cardMyNumber.isBlank()) {
			fromCard = cardMyNumbers.open(cardMyNumber)
				.orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CARD_MY_NUMBER_EXPIRED",
						Map.of("field", "cardMyNumber")));
		}
		if (type == NotificationType.MOVE_IN) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "FROM_RECORD_NOT_FOR_MOVE_IN",
					Map.of("field", "type"));
		}
		if (!type.allows(variant)) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "VARIANT_NOT_ALLOWED",
					Map.of("field", "variant"), String.valueOf(type), String.valueOf(variant));
		}
		String joinedId = blankAsNull(joinedHouseholdId);
		// 世帯合併, or a 世帯構成変更 whose persons move into another household (both from two
		// households: the persons picked from the one join the other)
		boolean merger = type == NotificationType.HOUSEHOLD_CHANGE
				&& (variant == Variant.MERGER || (variant == Variant.RESTRUCTURE && joinedId != null));
		boolean newHeadKind = type == NotificationType.HOUSEHOLD_CHANGE
				&& (variant == Variant.HEAD_CHANGE || variant == Variant.SEPARATION);
		String headId = blankAsNull(headResidentId);
		if (joinedId != null && !merger) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "JOINED_HOUSEHOLD_ONLY_FOR_MERGER",
					Map.of("field", "joinedHouseholdId"));
		}
		if (merger && joinedId == null) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "JOINED_HOUSEHOLD_REQUIRED",
					Map.of("field", "joinedHouseholdId"));
		}
		if (headId != null && !newHeadKind) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "NEW_HEAD_ONLY_FOR_HEAD_CHANGE",
					Map.of("field", "headResidentId"));
		}
		List<String> ids = distinct(residentIds, "residentIds", "FROM_RECORD_RESIDENTS_REQUIRED");
		if (headId != null && !ids.contains(headId)) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "NEW_HEAD_NOT_AMONG_PERSONS",
					Map.of("field", "headResidentId"), headId);
		}
		String filerId = blankAsNull(filerResidentId);
		List<String> asked = new ArrayList<>(ids);
		if (filerId != null && !asked.contains(filerId)) {
			asked.add(filerId);
		}
		ResidentRecordSource source = source();
		List<RecordedResident> found = lookup(() -> source.residents(asked), source, "residents=" + asked.size());
		List<String> unknown = new ArrayList<>(asked);
		found.forEach(r -> unknown.remove(r.residentId()));
		if (!unknown.isEmpty()) {
			audit.record(AuditEntry.failure(AUDIT_ACTION, null,
					"source=" + source.source() + " unknown residents=" + unknown.size()));
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "FROM_RECORD_UNKNOWN_RESIDENTS",
					Map.of("field", "residentIds", "unknownIds", unknown), String.join(", ", unknown));
		}
		List<RecordedResident> picked = ids.stream()
			.map(id -> found.stream().filter(r -> r.residentId().equals(id)).findFirst().orElseThrow())
			.toList();
		Set<@Nullable String> households = new LinkedHashSet<>();
		picked.forEach(r -> households.add(r.householdId()));
		if (merger) {
			if (households.size() != 2) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "MERGER_NEEDS_TWO_HOUSEHOLDS",
						Map.of("field", "residentIds", "households", households.size()), households.size());
			}
			if (!households.contains(joinedId)) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "JOINED_HOUSEHOLD_NOT_PICKED",
						Map.of("field", "joinedHouseholdId"), joinedId);
			}
		}
		else if (households.size() > 1) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "PERSONS_FROM_SEVERAL_HOUSEHOLDS",
					Map.of("field", "residentIds", "households", households.size()), households.size());
		}
		// a 世帯合併's persons are those who join: the ones picked from the other household
		List<RecordedResident> persons = merger
				? picked.stream().filter(r -> !Objects.equals(r.householdId(), joinedId)).toList() : picked;
		RecordedResident joinedMember = merger
				? picked.stream().filter(r -> Objects.equals(r.householdId(), joinedId)).findFirst().orElseThrow()
				: null;
		String recordedHeadOfPersons = persons.get(0).headOfHousehold();
		List<String> marks = new ArrayList<>();
		List<Person> people = new ArrayList<>();
		int cardPerson = -1;
		for (int i = 0; i < persons.size(); i++) {
			Person person = persons.get(i).person();
			List<String> personMarks = personMarks(person, "persons[" + i + "].");
			if (headId != null) {
				boolean becomesHead = persons.get(i).residentId().equals(headId);
				boolean wasHead = HouseholdsBeforeAfter.HEAD.equals(person.relationship());
				if (becomesHead || (wasHead && variant == Variant.HEAD_CHANGE)) {
					// the new 続柄 is what the notification says, not the record: the new
					// head
					// is 世帯主, the old one's new 続柄 is for staff to enter
					person = person.withRelationship(null, becomesHead ? HouseholdsBeforeAfter.HEAD : null);
					personMarks.remove("persons[" + i + "].relationship");
				}
			}
			if (fromCard != null && persons.get(i).residentId().equals(fromCard.residentId())) {
				// read from the card just now: the card holder's own number
				person = person.withMyNumber(fromCard.myNumber());
				cardPerson = i;
			}
			people.add(person);
			marks.addAll(personMarks);
		}
		RecordedResident first = persons.get(0);
		Address current = (joinedMember != null) ? joinedMember.address() : first.address();
		Address previous = null;
		Address now = null;
		if (current != null) {
			if (type == NotificationType.HOUSEHOLD_CHANGE) {
				// a 世帯変更 moves nobody: the address stays the one recorded (for a 世帯合併 the
				// joined household's)
				now = current;
				marks.addAll(addressMarks(current, "newAddress."));
			}
			else {
				previous = current;
				marks.addAll(addressMarks(current, "previousAddress."));
			}
		}
		Household household = null;
		if (merger) {
			household = new Household(joinedMember.headOfHousehold(), null, null, recordedHeadOfPersons);
			mark(marks, "household.headName", joinedMember.headOfHousehold());
			mark(marks, "household.previousHeadName", recordedHeadOfPersons);
		}
		else if (recordedHeadOfPersons != null) {
			if (type == NotificationType.HOUSEHOLD_CHANGE) {
				household = new Household(null, null, null, recordedHeadOfPersons);
				marks.add("household.previousHeadName");
			}
			else {
				household = new Household(recordedHeadOfPersons, null, null);
				marks.add("household.headName");
			}
		}
		Filer filer = null;
		if (filerId != null) {
			RecordedResident who = found.stream().filter(r -> r.residentId().equals(filerId)).findFirst().orElseThrow();
			boolean amongPersons = persons.stream().anyMatch(r -> r.residentId().equals(filerId));
			FilerKind kind = amongPersons ? FilerKind.SELF
					: households.contains(who.householdId()) ? FilerKind.HOUSEHOLD_MEMBER : null;
			filer = new Filer(kind, who.person().fullName(), null, null);
			marks.add("filer.name");
		}
		NotificationContent content = new NotificationContent(type, variant, null, null, null, now, previous, household,
				people, filer, null);
		List<RecordedHousehold> recorded = new ArrayList<>();
		List<@Nullable String> order = new ArrayList<>(households);
		if (merger) {
			order.remove(joinedId);
			order.add(0, joinedId);
		}
		for (String householdId : order) {
			recorded.add(recorded(source, householdId, picked));
		}
		List<@Nullable String> personIds = new ArrayList<>();
		persons.forEach(r -> personIds.add(r.residentId()));
		String what = "residents=" + persons.size() + ((cardPerson >= 0) ? " myNumberFromCard=person" + (cardPerson + 1)
				: (fromCard != null) ? " myNumberFromCard=notAmongPersons" : "");
		return save(content, marks, source, personIds, List.of(), what, revealMyNumbers, recorded);
	}

	/**
	 * The household as the record shows it now; the persons picked when the record cannot
	 * list its members (or the persons have no household number).
	 */
	private RecordedHousehold recorded(ResidentRecordSource source, @Nullable String householdId,
			List<RecordedResident> picked) {
		List<RecordedResident> members = (householdId != null)
				? lookup(() -> source.household(householdId), source, "household") : List.of();
		if (members.isEmpty()) {
			members = picked.stream().filter(r -> Objects.equals(r.householdId(), householdId)).toList();
		}
		String head = members.stream()
			.map(RecordedResident::headOfHousehold)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		return new RecordedHousehold(Objects.requireNonNullElse(householdId, ""), head,
				members.stream()
					.map(r -> new RecordedHousehold.Member(r.residentId(), r.person().fullName(),
							r.person().birthDate(), r.person().relationship()))
					.toList());
	}

	/**
	 * The households before and after for a notification started from the record: from
	 * its content as it stands and the households recorded with its draft; empty for one
	 * entered by hand.
	 */
	@Transactional(readOnly = true)
	public Optional<HouseholdsBeforeAfter> beforeAndAfter(UUID notificationId, NotificationContent content) {
		List<RecordedHousehold> recorded = households.find(notificationId);
		if (recorded.isEmpty()) {
			return Optional.empty();
		}
		List<@Nullable String> residentIds = origins.find(notificationId)
			.map(RecordOrigin::residentIds)
			.orElse(List.of());
		return Optional.of(BeforeAndAfter.of(content, residentIds, recorded));
	}

	/** A 特例転入 of every person of the data sent ahead with these numbers. */
	public Started fromSentAhead(@Nullable List<String> noticeIds, boolean revealMyNumbers) {
		List<String> ids = distinct(noticeIds, "sentAheadIds", "SENT_AHEAD_IDS_REQUIRED");
		ResidentRecordSource source = source();
		List<RecordedSentAhead> found = lookup(() -> source.sentAhead(ids), source, "sent-ahead=" + ids.size());
		List<String> unknown = new ArrayList<>(ids);
		found.forEach(s -> unknown.remove(s.noticeId()));
		if (!unknown.isEmpty()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_SENT_AHEAD_IDS",
					Map.of("field", "sentAheadIds", "unknownIds", unknown), String.join(", ", unknown));
		}
		RecordedSentAhead first = found.get(0);
		List<String> marks = new ArrayList<>();
		List<Person> people = new ArrayList<>();
		for (RecordedSentAhead entry : found) {
			for (Person person : entry.persons()) {
				marks.addAll(personMarks(person, "persons[" + people.size() + "]."));
				people.add(person);
			}
		}
		if (people.size() > MAX_PERSONS) {
			throw ProblemException.invalid("VALIDATION_FAILED", "persons", 1, MAX_PERSONS).because("range");
		}
		if (first.previousAddress() != null) {
			marks.addAll(addressMarks(first.previousAddress(), "previousAddress."));
		}
		if (first.newAddress() != null) {
			marks.addAll(addressMarks(first.newAddress(), "newAddress."));
		}
		if (first.plannedMoveOutOn() != null) {
			marks.add("plannedMoveOutOn");
		}
		Household household = null;
		if (first.headOfHousehold() != null) {
			household = new Household(first.headOfHousehold(), null, null);
			marks.add("household.headName");
		}
		NotificationContent content = new NotificationContent(NotificationType.MOVE_IN, Variant.SPECIAL, null, null,
				first.plannedMoveOutOn(), first.newAddress(), first.previousAddress(), household, people, null, null);
		List<@Nullable String> personIds = new ArrayList<>();
		people.forEach(p -> personIds.add(null));
		return save(content, marks, source, personIds, ids, "sent-ahead=" + ids.size(), revealMyNumbers, List.of());
	}

	@Transactional(readOnly = true)
	public Optional<RecordOrigin> origin(UUID notificationId) {
		return origins.find(notificationId);
	}

	private Started save(NotificationContent content, List<String> marks, ResidentRecordSource source,
			List<@Nullable String> residentIds, List<String> sentAheadIds, String what, boolean revealMyNumbers,
			List<RecordedHousehold> recorded) {
		NotificationView view = editing.create(content, revealMyNumbers);
		List<String> filled = new ArrayList<>(marks);
		// the 続柄 code is the master's for the recorded label: it came from the record too
		List<Person> saved = view.content().persons();
		for (int i = 0; i < saved.size(); i++) {
			if (saved.get(i).relationshipCode() != null && filled.contains("persons[" + i + "].relationship")) {
				filled.add(filled.indexOf("persons[" + i + "].relationship") + 1,
						"persons[" + i + "].relationshipCode");
			}
		}
		RecordOrigin origin = new RecordOrigin(source.source(), residentIds, sentAheadIds, filled, clock.instant(),
				CurrentActor.name(), List.of());
		origins.add(view.id(), origin);
		if (!recorded.isEmpty()) {
			households.add(view.id(), recorded);
		}
		audit.record(AuditEntry.success(AUDIT_ACTION, subject(view.id()),
				"source=" + source.source() + " " + what + " filled=" + filled.size()));
		return new Started(view, origin);
	}

	private ResidentRecordSource source() {
		ResidentRecordSource source = record.getIfAvailable();
		if (source == null) {
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "RESIDENT_RECORD_NOT_LINKED");
		}
		return source;
	}

	private <T> T lookup(java.util.function.Supplier<T> ask, ResidentRecordSource source, String what) {
		try {
			return ask.get();
		}
		catch (ResidentRecordSource.UnavailableException ex) {
			audit.record(AuditEntry.failure(AUDIT_ACTION, null, "source=" + source.source() + " " + what));
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "RESIDENT_RECORD_UNAVAILABLE",
					Objects.requireNonNullElse(ex.getMessage(), ""));
		}
	}

	private static @Nullable String blankAsNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static List<String> distinct(@Nullable List<String> given, String field, String code) {
		Set<String> ids = new LinkedHashSet<>();
		if (given != null) {
			given.stream().filter(Objects::nonNull).map(String::strip).filter(id -> !id.isEmpty()).forEach(ids::add);
		}
		if (ids.isEmpty()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, Map.of("field", field));
		}
		if (ids.size() > MAX_PERSONS) {
			throw ProblemException.invalid("VALIDATION_FAILED", field, 1, MAX_PERSONS).because("range");
		}
		return List.copyOf(ids);
	}

	/** The items of a person the record gave (absent ones are left for staff). */
	private static List<String> personMarks(Person person, String path) {
		List<String> marks = new ArrayList<>();
		mark(marks, path + "familyName", person.familyName());
		mark(marks, path + "givenName", person.givenName());
		mark(marks, path + "familyNameKana", person.familyNameKana());
		mark(marks, path + "givenNameKana", person.givenNameKana());
		mark(marks, path + "birthDate", person.birthDate());
		mark(marks, path + "sex", person.sex());
		mark(marks, path + "relationship", person.relationship());
		mark(marks, path + "nationality", person.nationality());
		if (person.foreignResident() != null) {
			mark(marks, path + "foreignResident.nameAlphabet", person.foreignResident().nameAlphabet());
			mark(marks, path + "foreignResident.residenceStatus", person.foreignResident().residenceStatus());
		}
		return marks;
	}

	private static List<String> addressMarks(Address address, String path) {
		List<String> marks = new ArrayList<>();
		mark(marks, path + "postalCode", address.postalCode());
		mark(marks, path + "prefecture", address.prefecture());
		mark(marks, path + "city", address.city());
		mark(marks, path + "town", address.town());
		mark(marks, path + "block", address.block());
		mark(marks, path + "building", address.building());
		return marks;
	}

	private static void mark(List<String> marks, String path, @Nullable Object value) {
		if (value != null && !(value instanceof String text && text.isEmpty())) {
			marks.add(path);
		}
	}

}
