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
	void aDeadlineOnANationalHolidayMondayIsKeptTheNextDayAndLateTheDayAfter() {
		// Moved 9-28: the 14th day is 10-12, スポーツの日 (a Monday); the deadline is 10-13.
		LocalDate moved = LocalDate.of(2026, 9, 28);
		assertThat(codes(familyMovingIn(moved, LocalDate.of(2026, 10, 13)))).doesNotContain("FILED_LATE");
		Finding late = finding(familyMovingIn(moved, LocalDate.of(2026, 10, 14)), "FILED_LATE");
		assertThat(late.message()).contains("令和8年10月13日").contains("2026年10月13日");
	}

	@Test
	void aDeadlineOnASaturdayRunsToMonday() {
		// Moved 11-14: the 14th day is 11-28, a Saturday; Sunday is closed too.
		LocalDate moved = LocalDate.of(2026, 11, 14);
		assertThat(codes(familyMovingIn(moved, LocalDate.of(2026, 11, 30)))).doesNotContain("FILED_LATE");
		assertThat(finding(familyMovingIn(moved, LocalDate.of(2026, 12, 1)), "FILED_LATE").message())
			.contains("令和8年11月30日");
	}

	@Test
	void aDeadlineOnTheThirtyFirstOfDecemberRunsPastTheNewYearDays() {
		// Moved 12-17: the 14th day is 12-31; 12-29 to 1-3 are closed, 1-4 is a Monday.
		LocalDate moved = LocalDate.of(2026, 12, 17);
		assertThat(codes(familyMovingIn(moved, LocalDate.of(2027, 1, 4)))).doesNotContain("FILED_LATE");
		assertThat(finding(familyMovingIn(moved, LocalDate.of(2027, 1, 5)), "FILED_LATE").message())
			.contains("令和9年1月4日");
	}

	@Test
	void theSpecialMoveInLimitOnAClosedDayRunsToTheNextOpenDay() {
		// Planned move-out 10-15: +30 is 11-14, a Saturday, so 11-16; earlier than 14
		// days
		// after the move (11-24).
		LocalDate moved = LocalDate.of(2026, 11, 10);
		LocalDate plannedOut = LocalDate.of(2026, 10, 15);
		NotificationContent onTime = with(familyMovingIn(moved, moved), NotificationType.MOVE_IN, Variant.SPECIAL,
				moved, LocalDate.of(2026, 11, 16), plannedOut);
		NotificationContent expired = with(onTime, NotificationType.MOVE_IN, Variant.SPECIAL, moved,
				LocalDate.of(2026, 11, 17), plannedOut);
		assertThat(codes(onTime)).doesNotContain("SPECIAL_MOVE_IN_EXPIRED");
		assertThat(finding(expired, "SPECIAL_MOVE_IN_EXPIRED").message()).contains("令和8年11月16日");
	}

	@Test
	void aNewHouseholdWithoutAHeadAmongItsPersonsIsRefused() {
		NotificationContent family = familyMovingIn(MOVED, MOVED);
		List<Person> wifeOnly = List.of(family.persons().get(1));
		Finding noHead = finding(with(family, new Household(null, true, null), wifeOnly), "HOUSEHOLD_NEW_HEAD_MISSING");
		assertThat(noHead.severity()).isEqualTo(Finding.Severity.ERROR);
		assertThat(noHead.field()).isEqualTo("persons");
		assertThat(noHead.message()).contains("妻");
		// Naming a head does not make a new household: its head moves with it.
		assertThat(codes(with(family, new Household("辻 太郎", true, null), wifeOnly)))
			.contains("HOUSEHOLD_NEW_HEAD_MISSING");
		assertThat(codes(family)).doesNotContain("HOUSEHOLD_NEW_HEAD_MISSING", "HEAD_OF_HOUSEHOLD_MISSING");
		// Joining an existing household names its head.
		assertThat(codes(with(family, new Household("辻 太郎", false, null), wifeOnly)))
			.doesNotContain("HOUSEHOLD_NEW_HEAD_MISSING", "HEAD_OF_HOUSEHOLD_MISSING");
	}

	@Test
	void eachKindOfHouseholdChangeChecksWhatItNeeds() {
		NotificationContent family = familyMovingIn(MOVED, MOVED);
		Person head = family.persons().get(0);
		Person wife = family.persons().get(1);
		Household none = new Household(null, null, null);
		Household both = new Household("釧路 一郎", null, null, "辻 太郎");
		// 世帯主変更: the new head among the members.
		assertThat(codes(change(family, Variant.HEAD_CHANGE, none, List.of(wife))))
			.contains("HOUSEHOLD_NEW_HEAD_MISSING");
		assertThat(codes(change(family, Variant.HEAD_CHANGE, none, List.of(head, wife)))).doesNotContain(
				"HOUSEHOLD_NEW_HEAD_MISSING", "HOUSEHOLD_PREVIOUS_HEAD_MISSING", "HEAD_OF_HOUSEHOLD_MISSING");
		// 世帯分離: a new head and the household left.
		assertThat(codes(change(family, Variant.SEPARATION, none, List.of(wife))))
			.contains("HOUSEHOLD_NEW_HEAD_MISSING", "HOUSEHOLD_PREVIOUS_HEAD_MISSING");
		assertThat(
				codes(change(family, Variant.SEPARATION, new Household(null, null, null, "辻 太郎"), List.of(head, wife))))
			.doesNotContain("HOUSEHOLD_NEW_HEAD_MISSING", "HOUSEHOLD_PREVIOUS_HEAD_MISSING");
		// 世帯合併 and 世帯構成変更: the household joined and the household left.
		for (Variant kind : List.of(Variant.MERGER, Variant.RESTRUCTURE)) {
			assertThat(codes(change(family, kind, none, List.of(wife)))).as(kind.name())
				.contains("HOUSEHOLD_JOINED_HEAD_MISSING", "HOUSEHOLD_PREVIOUS_HEAD_MISSING");
			assertThat(codes(change(family, kind, both, List.of(wife)))).as(kind.name())
				.doesNotContain("HOUSEHOLD_JOINED_HEAD_MISSING", "HOUSEHOLD_PREVIOUS_HEAD_MISSING",
						"HEAD_OF_HOUSEHOLD_MISSING");
		}
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
	void aPeriodOfStayThatEndedBeforeTheFilingIsAWarningNamingItsLastDay() {
		NotificationContent family = familyMovingIn(MOVED, MOVED);
		Person head = family.persons().get(0);
		ForeignResident endsOnFilingDay = new ForeignResident("NGUYEN VAN AN", null, "ベトナム",
				ForeignResidentCategory.MID_TO_LONG_TERM, "留学", MOVED, "AB12345678CD", MOVED, "1年");
		ForeignResident endedTheDayBefore = new ForeignResident("NGUYEN VAN AN", null, "ベトナム",
				ForeignResidentCategory.MID_TO_LONG_TERM, "留学", MOVED.minusDays(1), "AB12345678CD", MOVED, "1年");
		assertThat(codes(withForeigner(family, head, endsOnFilingDay))).doesNotContain("FOREIGN_STAY_EXPIRED");
		List<Finding> found = findings.of(withForeigner(family, head, endedTheDayBefore));
		assertThat(found).filteredOn((f) -> f.code().equals("FOREIGN_STAY_EXPIRED")).singleElement().satisfies((f) -> {
			assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
			assertThat(f.field()).isEqualTo("persons[1].foreignResident.periodOfStayEndsOn");
			assertThat(f.message()).contains(String.valueOf(MOVED.minusDays(1).getYear()), "在留期間");
		});
	}

	@Test
	void aCardHoldersMoveInProposesTheResidenceAddressEndorsement() {
		NotificationContent family = familyMovingIn(MOVED, MOVED);
		Person head = family.persons().get(0);
		ForeignResident special = new ForeignResident("KIM YOUNGSOO", null, "韓国",
				ForeignResidentCategory.SPECIAL_PERMANENT, null, null, "CD98765432EF", MOVED);
		Finding endorsement = finding(withForeigner(family, head, special), "RESIDENCE_ADDRESS_ENDORSEMENT");
		assertThat(endorsement.severity()).isEqualTo(Finding.Severity.INFO);
		assertThat(endorsement.field()).isEqualTo("persons[1].foreignResident.residenceCardNumber");
		assertThat(endorsement.message()).contains("裏面に新しい住居地");
		assertThat(findings.of(family)).extracting(Finding::code).doesNotContain("RESIDENCE_ADDRESS_ENDORSEMENT");
		NotificationContent moveOut = with(withForeigner(family, head, special), NotificationType.MOVE_OUT,
				Variant.DOMESTIC, MOVED, MOVED, null);
		assertThat(findings.of(moveOut)).extracting(Finding::code).doesNotContain("RESIDENCE_ADDRESS_ENDORSEMENT");
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

	private static NotificationContent change(NotificationContent family, Variant kind, Household household,
			List<Person> persons) {
		return with(with(family, NotificationType.HOUSEHOLD_CHANGE, kind, MOVED, MOVED, null), household, persons);
	}

	private Finding finding(NotificationContent content, String code) {
		return findings.of(content)
			.stream()
			.filter(f -> f.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new AssertionError(code + " not in " + findings.of(content)));
	}

	private List<String> codes(NotificationContent content) {
		return findings.of(content)
			.stream()
			.filter(f -> f.severity() != Finding.Severity.INFO)
			.map(Finding::code)
			.toList();
	}

}
