package jp.madoguchi.moving.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jp.madoguchi.moving.HouseholdsBeforeAfter;
import jp.madoguchi.moving.HouseholdsBeforeAfter.HouseholdBefore;
import jp.madoguchi.moving.HouseholdsBeforeAfter.Movement;
import jp.madoguchi.moving.HouseholdsBeforeAfter.PersonRow;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.moving.domain.RecordedHousehold.Member;
import org.jspecify.annotations.Nullable;

import static jp.madoguchi.moving.HouseholdsBeforeAfter.HEAD;

/**
 * Computes who leaves, who stays and who heads each household after a notification
 * started from the record (docs/resident-record.md "Before and after"). The
 * notification's persons are those whose household changes; the recorded household says
 * who else lives there. Rules:
 * <ul>
 * <li>転居・転出 of the whole household: everybody moves with it, the head stays head.</li>
 * <li>転居・転出 of part of it, 世帯分離, 世帯構成変更: the persons leave. Their head afterwards is the
 * person among them whose 続柄 is 世帯主 (a new household), else the head they join
 * ({@code household.headName}). Who stays keeps the recorded head; when the head leaves,
 * the one member who stays, or the only one who stays aged 15 or over, becomes head (the
 * new head is then obvious and no 世帯主変更届 is needed); otherwise the head is
 * undecided.</li>
 * <li>世帯主変更: nobody leaves; the person whose 続柄 is 世帯主 becomes head.</li>
 * <li>世帯合併, and a 世帯構成変更 between two households: the persons of household B join
 * household A (recorded first) under its head; A's members stay, and so do B's members
 * not picked.</li>
 * </ul>
 * The 続柄 afterwards is the notification's for its persons; for members who stay it is the
 * recorded one, unless their head changes, when it must be confirmed (null).
 */
public final class BeforeAndAfter {

	/** 住基法 practice: a new head is obvious when only one member of 15 or over remains. */
	static final int AGE_TO_HEAD = 15;

	private BeforeAndAfter() {
	}

	/**
	 * The before and after of {@code content}, whose persons were started from the
	 * residents {@code residentIds} (by position) of {@code households}.
	 */
	public static HouseholdsBeforeAfter of(NotificationContent content, List<@Nullable String> residentIds,
			List<RecordedHousehold> households) {
		// 世帯合併, or a 世帯構成変更 between two households: the persons join the first one
		boolean merger = content.type() == NotificationType.HOUSEHOLD_CHANGE
				&& (content.variant() == Variant.MERGER || content.variant() == Variant.RESTRUCTURE)
				&& households.size() > 1;
		RecordedHousehold joined = merger ? households.get(0) : null;
		RecordedHousehold left = households.isEmpty() ? null : households.get(merger ? 1 : 0);
		List<Person> persons = content.persons();
		List<@Nullable Member> matched = new ArrayList<>();
		for (int i = 0; i < persons.size(); i++) {
			matched.add(match(persons.get(i), (i < residentIds.size()) ? residentIds.get(i) : null, households));
		}
		Set<String> moving = new HashSet<>();
		matched.stream().filter(Objects::nonNull).forEach(m -> moving.add(m.residentId()));
		boolean headChange = content.type() == NotificationType.HOUSEHOLD_CHANGE
				&& content.variant() == Variant.HEAD_CHANGE;
		boolean whole = left != null && !headChange && content.type() != NotificationType.HOUSEHOLD_CHANGE
				&& left.members().stream().allMatch(m -> moving.contains(m.residentId()));
		String headOfPersons = headOfPersons(content, joined, left, headChange);

		List<PersonRow> rows = new ArrayList<>();
		for (int i = 0; i < persons.size(); i++) {
			Person person = persons.get(i);
			Member member = matched.get(i);
			RecordedHousehold of = (member != null) ? householdOf(member, households) : null;
			Movement movement = (member == null) ? Movement.NOT_RECORDED : (headChange || of == joined) ? Movement.STAYS
					: whole ? Movement.WHOLE_HOUSEHOLD : Movement.LEAVES;
			String after = person.relationship();
			if (HEAD.equals(after) && headOfPersons != null && !headOfPersons.equals(person.fullName())) {
				// was head, now joins someone else's household: its 続柄 there is still to
				// say
				after = null;
			}
			rows.add(new PersonRow((member != null) ? member.residentId() : null, person.fullName(), movement, true,
					(of != null) ? of.householdId() : null, (of != null) ? of.headName() : null,
					(member != null) ? member.relationship() : null, headOfPersons, after));
		}
		boolean undecided = false;
		if (joined != null) {
			for (Member member : joined.members()) {
				if (!moving.contains(member.residentId())) {
					rows.add(stays(member, joined, joined.headName(), member.relationship()));
				}
			}
		}
		if (left != null) {
			List<Member> staying = left.members().stream().filter(m -> !moving.contains(m.residentId())).toList();
			Member head = headChange ? null : recordedHead(left, staying);
			Member newHead = null;
			if (headChange) {
				// a 世帯主変更 that does not list the old head: nobody else changes household
				for (Member member : staying) {
					boolean sameHead = Objects.equals(headOfPersons, left.headName());
					String relationship = sameHead ? member.relationship()
							: member.name().equals(headOfPersons) ? HEAD : null;
					rows.add(stays(member, left, headOfPersons, relationship));
				}
			}
			else if (!staying.isEmpty()) {
				if (head == null) {
					newHead = obviousNewHead(staying, content.referenceDate());
					undecided = newHead == null;
				}
				Member heading = (head != null) ? head : newHead;
				for (Member member : staying) {
					String relationship = (head != null) ? member.relationship() : (member == newHead) ? HEAD : null;
					rows.add(stays(member, left, (heading != null) ? heading.name() : null, relationship));
				}
			}
		}
		List<HouseholdBefore> before = households.stream()
			.map(h -> new HouseholdBefore(h.householdId(), h.headName(), h.members().size()))
			.toList();
		return new HouseholdsBeforeAfter(before, rows, undecided);
	}

	/**
	 * Who heads the household of the notification's persons afterwards: the new head for
	 * a 世帯主変更, the joined household's head for a 世帯合併, else the person whose 続柄 is 世帯主,
	 * else the head they join.
	 */
	private static @Nullable String headOfPersons(NotificationContent content, @Nullable RecordedHousehold joined,
			@Nullable RecordedHousehold left, boolean headChange) {
		String named = (content.household() != null) ? blankAsNull(content.household().headName()) : null;
		if (joined != null) {
			return (joined.headName() != null) ? joined.headName() : named;
		}
		String head = content.persons()
			.stream()
			.filter(p -> HEAD.equals(p.relationship()))
			.map(Person::fullName)
			.findFirst()
			.orElse(null);
		if (head != null) {
			return head;
		}
		if (headChange) {
			return (left != null) ? left.headName() : named;
		}
		if (named != null && left != null && named.equals(left.headName())) {
			// the draft names the recorded head: right when the whole household moves,
			// but
			// persons who leave their head behind are not in his household any more
			boolean headMoves = content.persons().stream().anyMatch(p -> named.equals(p.fullName()));
			boolean everybody = left.members()
				.stream()
				.allMatch(m -> content.persons()
					.stream()
					.anyMatch(p -> m.name().equals(p.fullName()) && Objects.equals(m.birthDate(), p.birthDate())));
			return (headMoves || everybody) ? named : null;
		}
		return named;
	}

	/**
	 * The recorded member a person of the notification is: the resident it was started
	 * from when the birth date still agrees, else the member with the same name and birth
	 * date (staff may have removed or reordered persons).
	 */
	private static @Nullable Member match(Person person, @Nullable String residentId,
			List<RecordedHousehold> households) {
		for (RecordedHousehold household : households) {
			for (Member member : household.members()) {
				if (member.residentId().equals(residentId)
						&& (person.birthDate() == null || person.birthDate().equals(member.birthDate()))) {
					return member;
				}
			}
		}
		for (RecordedHousehold household : households) {
			for (Member member : household.members()) {
				if (member.name().equals(person.fullName()) && Objects.equals(member.birthDate(), person.birthDate())) {
					return member;
				}
			}
		}
		return null;
	}

	private static @Nullable RecordedHousehold householdOf(Member member, List<RecordedHousehold> households) {
		return households.stream().filter(h -> h.members().contains(member)).findFirst().orElse(null);
	}

	/** The recorded head if it stays, else null. */
	private static @Nullable Member recordedHead(RecordedHousehold household, List<Member> staying) {
		return staying.stream()
			.filter(m -> HEAD.equals(m.relationship()) || m.name().equals(household.headName()))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The member who obviously heads what remains: the only one, or the only one aged 15
	 * or over on the reference date (every birth date known). Null when it is for the
	 * household to say.
	 */
	private static @Nullable Member obviousNewHead(List<Member> staying, @Nullable LocalDate on) {
		if (staying.size() == 1) {
			return staying.get(0);
		}
		if (on == null || staying.stream().anyMatch(m -> m.birthDate() == null)) {
			return null;
		}
		List<Member> adults = staying.stream()
			.filter(m -> Period.between(Objects.requireNonNull(m.birthDate()), on).getYears() >= AGE_TO_HEAD)
			.toList();
		return (adults.size() == 1) ? adults.get(0) : null;
	}

	private static PersonRow stays(Member member, RecordedHousehold household, @Nullable String headAfter,
			@Nullable String relationshipAfter) {
		return new PersonRow(member.residentId(), member.name(), Movement.STAYS, false, household.householdId(),
				household.headName(), member.relationship(), headAfter, relationshipAfter);
	}

	private static @Nullable String blankAsNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
