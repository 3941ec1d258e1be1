package jp.madoguchi.moving.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.moving.HouseholdsBeforeAfter;
import jp.madoguchi.moving.HouseholdsBeforeAfter.Movement;
import jp.madoguchi.moving.HouseholdsBeforeAfter.PersonRow;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Household;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.moving.domain.RecordedHousehold.Member;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who leaves, who stays and who heads each household after a notification started from
 * the record, computed from the notification and the household recorded with its draft.
 */
class BeforeAndAfterTests {

	static final String TSUJI = "辻\uDB40\uDD02";

	static final LocalDate MOVED = LocalDate.of(2026, 12, 1);

	/** 辻󠄂 太郎 (head), 花子 (妻), 一郎 (子, 16), さくら (子, 13). */
	static final RecordedHousehold FAMILY = new RecordedHousehold("H0042", TSUJI + " 太郎",
			List.of(member("0000123", "太郎", "1980-04-01", "世帯主"), member("0000124", "花子", "1982-06-03", "妻"),
					member("0000125", "一郎", "2010-05-05", "子"), member("0000126", "さくら", "2013-07-07", "子")));

	@Test
	void aMoveWithinOfThreeOfFourLeavesOneBehindWhoKeepsTheHousehold() {
		// wife and both children move; the head stays at the old address
		NotificationContent content = content(NotificationType.MOVE_WITHIN, Variant.NONE,
				new Household(TSUJI + " 太郎", null, null), person("花子", "1982-06-03", "妻"),
				person("一郎", "2010-05-05", "子"), person("さくら", "2013-07-07", "子"));
		HouseholdsBeforeAfter result = BeforeAndAfter.of(content, List.of("0000124", "0000125", "0000126"),
				List.of(FAMILY));
		assertThat(result.persons()).extracting(PersonRow::residentId)
			.containsExactly("0000124", "0000125", "0000126", "0000123");
		assertThat(result.persons()).extracting(PersonRow::movement)
			.containsExactly(Movement.LEAVES, Movement.LEAVES, Movement.LEAVES, Movement.STAYS);
		PersonRow head = row(result, "0000123");
		assertThat(head.inNotification()).isFalse();
		assertThat(head.headAfter()).isEqualTo(TSUJI + " 太郎");
		assertThat(head.relationshipAfter()).isEqualTo("世帯主");
		assertThat(head.becomesHead()).isFalse();
		// those who leave are no longer in his household; whom they live with is still to
		// say
		assertThat(row(result, "0000124").headBefore()).isEqualTo(TSUJI + " 太郎");
		assertThat(row(result, "0000124").headAfter()).isNull();
		assertThat(result.remainingHeadUndecided()).isFalse();

		// staff say the wife heads the new household: she becomes head, the children stay
		// 子
		NotificationContent newHousehold = content(NotificationType.MOVE_WITHIN, Variant.NONE,
				new Household(null, true, null), person("花子", "1982-06-03", "世帯主"), person("一郎", "2010-05-05", "子"),
				person("さくら", "2013-07-07", "子"));
		HouseholdsBeforeAfter after = BeforeAndAfter.of(newHousehold, List.of("0000124", "0000125", "0000126"),
				List.of(FAMILY));
		PersonRow wife = row(after, "0000124");
		assertThat(wife.relationshipBefore()).isEqualTo("妻");
		assertThat(wife.relationshipAfter()).isEqualTo("世帯主");
		assertThat(wife.becomesHead()).isTrue();
		assertThat(row(after, "0000126").headAfter()).isEqualTo(TSUJI + " 花子");
		assertThat(row(after, "0000126").relationshipAfter()).isEqualTo("子");
	}

	@Test
	void whenTheHeadLeavesTheOnlyMemberOfFifteenOrOverWhoStaysBecomesHead() {
		// the head and the 16-year-old move; the wife and the 13-year-old stay
		NotificationContent content = content(NotificationType.MOVE_WITHIN, Variant.NONE,
				new Household(TSUJI + " 太郎", null, null), person("太郎", "1980-04-01", "世帯主"),
				person("一郎", "2010-05-05", "子"));
		HouseholdsBeforeAfter result = BeforeAndAfter.of(content, List.of("0000123", "0000125"), List.of(FAMILY));
		PersonRow wife = row(result, "0000124");
		assertThat(wife.movement()).isEqualTo(Movement.STAYS);
		assertThat(wife.becomesHead()).isTrue();
		assertThat(wife.headAfter()).isEqualTo(TSUJI + " 花子");
		assertThat(wife.relationshipAfter()).isEqualTo("世帯主");
		// the daughter's 続柄 to her new head must be confirmed
		assertThat(row(result, "0000126").headAfter()).isEqualTo(TSUJI + " 花子");
		assertThat(row(result, "0000126").relationshipAfter()).isNull();
		PersonRow head = row(result, "0000123");
		assertThat(head.movement()).isEqualTo(Movement.LEAVES);
		assertThat(head.headAfter()).isEqualTo(TSUJI + " 太郎");
		assertThat(head.headLeavesOffice()).isFalse();
		assertThat(result.remainingHeadUndecided()).isFalse();
	}

	@Test
	void whenTheHeadLeavesTwoAdultsBehindTheNewHeadIsUndecided() {
		NotificationContent content = content(NotificationType.MOVE_OUT, Variant.DOMESTIC,
				new Household(TSUJI + " 太郎", null, null), person("太郎", "1980-04-01", "世帯主"),
				person("さくら", "2013-07-07", "子"));
		HouseholdsBeforeAfter result = BeforeAndAfter.of(content, List.of("0000123", "0000126"), List.of(FAMILY));
		assertThat(result.remainingHeadUndecided()).isTrue();
		assertThat(row(result, "0000124").headAfter()).isNull();
		assertThat(row(result, "0000125").headAfter()).isNull();
		assertThat(result.persons()).noneMatch(PersonRow::becomesHead);

		// one member left behind heads what remains
		RecordedHousehold couple = new RecordedHousehold("H7", TSUJI + " 太郎",
				List.of(FAMILY.members().get(0), FAMILY.members().get(1)));
		HouseholdsBeforeAfter alone = BeforeAndAfter.of(content(NotificationType.MOVE_OUT, Variant.DOMESTIC,
				new Household(TSUJI + " 太郎", null, null), person("太郎", "1980-04-01", "世帯主")), List.of("0000123"),
				List.of(couple));
		assertThat(row(alone, "0000124").becomesHead()).isTrue();
	}

	@Test
	void aMoveOutOfTheWholeHouseholdKeepsItsHeadAndLeavesNobody() {
		NotificationContent content = content(NotificationType.MOVE_OUT, Variant.DOMESTIC,
				new Household(TSUJI + " 太郎", null, null), person("太郎", "1980-04-01", "世帯主"),
				person("花子", "1982-06-03", "妻"), person("一郎", "2010-05-05", "子"), person("さくら", "2013-07-07", "子"));
		HouseholdsBeforeAfter result = BeforeAndAfter.of(content, List.of("0000123", "0000124", "0000125", "0000126"),
				List.of(FAMILY));
		assertThat(result.persons()).hasSize(4)
			.allMatch(r -> r.movement() == Movement.WHOLE_HOUSEHOLD && r.inNotification())
			.allMatch(r -> (TSUJI + " 太郎").equals(r.headAfter()))
			.allMatch(r -> r.relationshipBefore().equals(r.relationshipAfter()));
		assertThat(result.remainingHeadUndecided()).isFalse();
		assertThat(result.householdsBefore()).singleElement()
			.satisfies(h -> assertThat(h.members()).isEqualTo(4))
			.satisfies(h -> assertThat(h.headName()).isEqualTo(TSUJI + " 太郎"));
	}

	@Test
	void aHeadChangeMovesNobodyAndNamesTheNewHead() {
		NotificationContent content = content(NotificationType.HOUSEHOLD_CHANGE, Variant.HEAD_CHANGE,
				new Household(null, null, null, TSUJI + " 太郎"), person("太郎", "1980-04-01", "夫"),
				person("花子", "1982-06-03", "世帯主"));
		HouseholdsBeforeAfter result = BeforeAndAfter.of(content, List.of("0000123", "0000124"), List.of(FAMILY));
		assertThat(result.persons()).hasSize(4).allMatch(r -> r.movement() == Movement.STAYS);
		assertThat(row(result, "0000124").becomesHead()).isTrue();
		assertThat(row(result, "0000123").headLeavesOffice()).isTrue();
		assertThat(row(result, "0000123").relationshipAfter()).isEqualTo("夫");
		assertThat(row(result, "0000125").headAfter()).isEqualTo(TSUJI + " 花子");
		assertThat(row(result, "0000125").relationshipAfter()).isNull();
	}

	@Test
	void aSeparationLeavesTheRestWithTheirHead() {
		NotificationContent content = content(NotificationType.HOUSEHOLD_CHANGE, Variant.SEPARATION,
				new Household(null, null, null, TSUJI + " 太郎"), person("一郎", "2010-05-05", "世帯主"));
		HouseholdsBeforeAfter result = BeforeAndAfter.of(content, List.of("0000125"), List.of(FAMILY));
		assertThat(row(result, "0000125").movement()).isEqualTo(Movement.LEAVES);
		assertThat(row(result, "0000125").becomesHead()).isTrue();
		assertThat(row(result, "0000125").headAfter()).isEqualTo(TSUJI + " 一郎");
		assertThat(row(result, "0000123").headAfter()).isEqualTo(TSUJI + " 太郎");
		assertThat(row(result, "0000124").relationshipAfter()).isEqualTo("妻");
	}

	@Test
	void aMergerJoinsTheOtherHouseholdUnderItsHead() {
		RecordedHousehold joined = new RecordedHousehold("H0050", "辻 太郎",
				List.of(new Member("0000300", "辻 太郎", LocalDate.of(1960, 1, 1), "世帯主")));
		RecordedHousehold joining = new RecordedHousehold("H0042", TSUJI + " 太郎",
				List.of(FAMILY.members().get(0), FAMILY.members().get(1)));
		NotificationContent content = content(NotificationType.HOUSEHOLD_CHANGE, Variant.MERGER,
				new Household("辻 太郎", null, null, TSUJI + " 太郎"), person("太郎", "1980-04-01", "世帯主"),
				person("花子", "1982-06-03", "妻"));
		HouseholdsBeforeAfter result = BeforeAndAfter.of(content, List.of("0000123", "0000124"),
				List.of(joined, joining));
		assertThat(result.householdsBefore()).extracting(HouseholdsBeforeAfter.HouseholdBefore::householdId)
			.containsExactly("H0050", "H0042");
		assertThat(result.persons()).allMatch(r -> "辻 太郎".equals(r.headAfter()));
		PersonRow formerHead = row(result, "0000123");
		assertThat(formerHead.movement()).isEqualTo(Movement.LEAVES);
		assertThat(formerHead.headLeavesOffice()).isTrue();
		// his 続柄 in the joined household is for staff to give
		assertThat(formerHead.relationshipAfter()).isNull();
		assertThat(row(result, "0000300").movement()).isEqualTo(Movement.STAYS);
		assertThat(row(result, "0000300").relationshipAfter()).isEqualTo("世帯主");
	}

	@Test
	void aPersonAddedByHandIsNotRecordedAndRemovedPersonsStillMatch() {
		// staff removed 花子 and added a lodger: the others still match by name and birth
		// date
		NotificationContent content = content(NotificationType.MOVE_OUT, Variant.DOMESTIC,
				new Household(TSUJI + " 太郎", null, null), person("一郎", "2010-05-05", "子"), new Person("佐藤", "次郎", null,
						null, null, LocalDate.of(1990, 1, 1), null, "同居人", null, null, null, null, null, null, null));
		HouseholdsBeforeAfter result = BeforeAndAfter.of(content, List.of("0000124", "0000125"), List.of(FAMILY));
		assertThat(result.persons().get(0).residentId()).isEqualTo("0000125");
		assertThat(result.persons().get(1).movement()).isEqualTo(Movement.NOT_RECORDED);
		assertThat(result.persons().get(1).relationshipBefore()).isNull();
		assertThat(row(result, "0000124").movement()).isEqualTo(Movement.STAYS);
	}

	private static PersonRow row(HouseholdsBeforeAfter result, String residentId) {
		return result.persons().stream().filter(r -> residentId.equals(r.residentId())).findFirst().orElseThrow();
	}

	private static Member member(String id, String given, String born, String relationship) {
		return new Member(id, TSUJI + " " + given, LocalDate.parse(born), relationship);
	}

	private static Person person(String given, String born, @Nullable String relationship) {
		return new Person(TSUJI, given, "ツジ", null, null, LocalDate.parse(born), null, relationship, null, null, null,
				null, null, null, null);
	}

	private static NotificationContent content(NotificationType type, Variant variant, Household household,
			Person... persons) {
		return new NotificationContent(type, variant, MOVED, MOVED, null, null, null, household,
				new ArrayList<>(List.of(persons)), null, null);
	}

}
