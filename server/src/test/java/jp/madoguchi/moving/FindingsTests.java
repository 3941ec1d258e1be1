package jp.madoguchi.moving;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.moving.NotificationContent.Filer;
import jp.madoguchi.moving.NotificationContent.FilerKind;
import jp.madoguchi.moving.NotificationContent.ForeignResident;
import jp.madoguchi.moving.NotificationContent.ForeignResidentCategory;
import jp.madoguchi.moving.NotificationContent.Household;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.moving.domain.Findings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static jp.madoguchi.support.Households.familyMovingIn;
import static jp.madoguchi.support.Households.person;
import static jp.madoguchi.support.Households.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each finding from the law's rule: produced one day past the limit, not produced on the
 * last day inside it. Runs against the real relationship master.
 */
@SpringBootTest
class FindingsTests {

	static final LocalDate MOVED = LocalDate.of(2026, 11, 20);

	@Autowired
	Findings findings;

	@Test
	void aCompleteNotificationFiledOnTimeHasNoErrorOrWarning() {
		assertThat(codes(familyMovingIn(MOVED, MOVED.plusDays(5)))).isEmpty();
	}

	@Test
	void filedOnTheFourteenthDayAfterTheMoveIsOnTimeAndTheFifteenthIsLate() {
		// 初日不算入: moved on 11-20, the 14 days run 11-21 .. 12-04.
		assertThat(codes(familyMovingIn(MOVED, LocalDate.of(2026, 12, 4)))).doesNotContain("FILED_LATE");
		assertThat(codes(familyMovingIn(MOVED, LocalDate.of(2026, 12, 5)))).contains("FILED_LATE");
	}

	@Test
	void lateMoveOutAndHouseholdChangeAreFlaggedToo() {
		for (NotificationType type : List.of(NotificationType.MOVE_OUT, NotificationType.HOUSEHOLD_CHANGE,
				NotificationType.MOVE_WITHIN)) {
			Variant variant = (type == NotificationType.MOVE_OUT) ? Variant.DOMESTIC
					: (type == NotificationType.MOVE_WITHIN) ? Variant.NONE : Variant.HEAD_CHANGE;
			NotificationContent onTime = with(familyMovingIn(MOVED, MOVED), type, variant, MOVED, MOVED.plusDays(14),
					null);
			NotificationContent late = with(onTime, type, variant, MOVED, MOVED.plusDays(15), null);
			assertThat(codes(onTime)).as(type.name()).doesNotContain("FILED_LATE");
			assertThat(codes(late)).as(type.name()).contains("FILED_LATE");
		}
	}

	@Test
	void lateFilingIsAWarningNotAnError() {
		Finding late = findings.of(familyMovingIn(MOVED, MOVED.plusDays(30)))
			.stream()
			.filter(f -> f.code().equals("FILED_LATE"))
			.findFirst()
			.orElseThrow();
		assertThat(late.severity()).isEqualTo(Finding.Severity.WARNING);
		assertThat(late.field()).isEqualTo("filedOn");
		assertThat(late.message()).contains("令和8年12月4日");
	}

	@Test
	void moveInAndMoveWithinCannotBeFiledBeforeTheMove() {
		assertThat(codes(familyMovingIn(MOVED, MOVED))).doesNotContain("MOVE_NOT_YET_HAPPENED");
		assertThat(codes(familyMovingIn(MOVED, MOVED.minusDays(1)))).contains("MOVE_NOT_YET_HAPPENED");
		NotificationContent within = with(familyMovingIn(MOVED, MOVED), NotificationType.MOVE_WITHIN, Variant.NONE,
				MOVED, MOVED.minusDays(1), null);
		assertThat(codes(within)).contains("MOVE_NOT_YET_HAPPENED");
		NotificationContent moveOutAhead = with(familyMovingIn(MOVED, MOVED), NotificationType.MOVE_OUT,
				Variant.DOMESTIC, MOVED, MOVED.minusDays(10), null);
		assertThat(codes(moveOutAhead)).doesNotContain("MOVE_NOT_YET_HAPPENED");
	}

	@Test
	void specialMoveInEndsThirtyDaysAfterThePlannedMoveOutWhenThatComesFirst() {
		LocalDate plannedOut = LocalDate.of(2026, 11, 1); // +30 = 12-01, before 12-04
		assertThat(codes(special(LocalDate.of(2026, 12, 1), plannedOut))).doesNotContain("SPECIAL_MOVE_IN_EXPIRED");
		assertThat(codes(special(LocalDate.of(2026, 12, 2), plannedOut))).contains("SPECIAL_MOVE_IN_EXPIRED");
	}

	@Test
	void specialMoveInEndsFourteenDaysAfterTheMoveWhenThatComesFirst() {
		LocalDate plannedOut = LocalDate.of(2026, 11, 25); // +30 = 12-25, after 12-04
		assertThat(codes(special(LocalDate.of(2026, 12, 4), plannedOut))).doesNotContain("SPECIAL_MOVE_IN_EXPIRED");
		assertThat(codes(special(LocalDate.of(2026, 12, 5), plannedOut))).contains("SPECIAL_MOVE_IN_EXPIRED");
	}

	@Test
	void aHouseholdNeedsAHeadAmongThePersonsOrByName() {
		NotificationContent family = familyMovingIn(MOVED, MOVED);
		List<Person> wifeOnly = List.of(family.persons().get(1));
		assertThat(codes(with(family, new Household(null, false, null), wifeOnly)))
			.contains("HEAD_OF_HOUSEHOLD_MISSING");
		assertThat(codes(with(family, new Household("辻 太郎", false, null), wifeOnly)))
			.doesNotContain("HEAD_OF_HOUSEHOLD_MISSING");
	}

	@Test
	void relationshipsComeFromTheMasterWhereEldestSonNoLongerExists() {
		NotificationContent family = familyMovingIn(MOVED, MOVED);
		Person head = family.persons().get(0);
		Person eldestSon = person("辻", "一郎", "ツジ", "イチロウ", LocalDate.of(2010, 5, 5), "長男");
		Person child = person("辻", "一郎", "ツジ", "イチロウ", LocalDate.of(2010, 5, 5), "子");
		assertThat(codes(with(family, family.household(), List.of(head, eldestSon)))).contains("UNKNOWN_RELATIONSHIP");
		assertThat(codes(with(family, family.household(), List.of(head, child))))
			.doesNotContain("UNKNOWN_RELATIONSHIP");
	}

	@Test
	void anAgentNeedsAPowerOfAttorneyAHouseholdMemberDoesNot() {
		NotificationContent family = familyMovingIn(MOVED, MOVED);
		assertThat(codes(with(family, new Filer(FilerKind.AGENT, "代理 人", null, false))))
			.contains("POWER_OF_ATTORNEY_REQUIRED");
		assertThat(codes(with(family, new Filer(FilerKind.AGENT, "代理 人", null, true))))
			.doesNotContain("POWER_OF_ATTORNEY_REQUIRED");
		assertThat(codes(with(family, new Filer(FilerKind.HOUSEHOLD_MEMBER, "辻 花子", null, false))))
			.doesNotContain("POWER_OF_ATTORNEY_REQUIRED");
	}

	@Test
	void foreignResidentsNeedTheirItemsAndAWellFormedCardNumber() {
		NotificationContent family = familyMovingIn(MOVED, MOVED);
		Person head = family.persons().get(0);
		ForeignResident complete = new ForeignResident("NGUYEN VAN AN", null, "ベトナム",
				ForeignResidentCategory.MID_TO_LONG_TERM, "技術・人文知識・国際業務", LocalDate.of(2028, 3, 31), "AB12345678CD",
				MOVED);
		ForeignResident noStatus = new ForeignResident("NGUYEN VAN AN", null, "ベトナム",
				ForeignResidentCategory.MID_TO_LONG_TERM, null, null, "AB12345678CD", MOVED);
		ForeignResident shortNumber = new ForeignResident("NGUYEN VAN AN", null, "ベトナム",
				ForeignResidentCategory.MID_TO_LONG_TERM, "留学", null, "AB1234567CD", MOVED);
		assertThat(codes(withForeigner(family, head, complete))).doesNotContain("FOREIGN_RESIDENT_DATA_MISSING",
				"INVALID_RESIDENCE_CARD_NUMBER");
		assertThat(codes(withForeigner(family, head, noStatus))).contains("FOREIGN_RESIDENT_DATA_MISSING");
		assertThat(codes(withForeigner(family, head, shortNumber))).contains("INVALID_RESIDENCE_CARD_NUMBER");
	}

	@Test
	void aMyNumberWithAWrongCheckDigitIsAnError() {
		// 12345678901 → check digit 8 (docs/design/domain.md §3 weights), so ...8 is
		// valid and ...9
		// is not.
		NotificationContent family = familyMovingIn(MOVED, MOVED);
		Person valid = family.persons().get(0).withMyNumber("123456789018");
		Person wrong = family.persons().get(0).withMyNumber("123456789019");
		assertThat(codes(with(family, family.household(), List.of(valid, family.persons().get(1)))))
			.doesNotContain("INVALID_MY_NUMBER");
		assertThat(codes(with(family, family.household(), List.of(wrong, family.persons().get(1)))))
			.contains("INVALID_MY_NUMBER");
	}

	@Test
	void aVariationSequenceTheFormFontLacksIsReportedNotPrinted() {
		NotificationContent family = familyMovingIn(MOVED, MOVED);
		Person twoDots = family.persons().get(0);
		Person unknownVariant = person("辻\uDB40\uDDEF", "太郎", "ツジ", "タロウ", LocalDate.of(1980, 4, 1), "世帯主");
		assertThat(codes(with(family, family.household(), List.of(twoDots, family.persons().get(1)))))
			.doesNotContain("UNPRINTABLE_CHARACTER");
		List<Finding> found = findings
			.of(with(family, family.household(), List.of(unknownVariant, family.persons().get(1))));
		Finding unprintable = found.stream()
			.filter(f -> f.code().equals("UNPRINTABLE_CHARACTER"))
			.findFirst()
			.orElseThrow();
		assertThat(unprintable.field()).isEqualTo("persons[0].familyName");
		assertThat(unprintable.message()).contains("U+8FBB U+E01EF");
	}

	private NotificationContent special(LocalDate filedOn, LocalDate plannedOut) {
		return with(familyMovingIn(MOVED, MOVED), NotificationType.MOVE_IN, Variant.SPECIAL, MOVED, filedOn,
				plannedOut);
	}

	private static NotificationContent withForeigner(NotificationContent family, Person head,
			ForeignResident resident) {
		Person foreigner = new Person("グエン", "ヴァン アン", null, null, null, LocalDate.of(1995, 1, 1),
				NotificationContent.Sex.MALE, "同居人", "ベトナム", resident, false, null, null, null, null);
		return with(family, family.household(), List.of(head, foreigner));
	}

	private List<String> codes(NotificationContent content) {
		return findings.of(content)
			.stream()
			.filter(f -> f.severity() != Finding.Severity.INFO)
			.map(Finding::code)
			.toList();
	}

}
