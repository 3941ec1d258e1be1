package jp.madoguchi.guidance.domain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.guidance.Guide;
import jp.madoguchi.guidance.GuidedProcedure;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.ForeignResident;
import jp.madoguchi.moving.NotificationContent.ForeignResidentCategory;
import jp.madoguchi.moving.NotificationContent.HealthInsurance;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationContent.PersonFacts;
import jp.madoguchi.moving.NotificationContent.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import static jp.madoguchi.moving.NotificationContent.ForeignResidentCategory.MID_TO_LONG_TERM;
import static jp.madoguchi.moving.NotificationContent.ForeignResidentCategory.SPECIAL_PERMANENT;
import static jp.madoguchi.moving.NotificationContent.ForeignResidentCategory.TEMPORARY_REFUGE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded master (as shipped in the bundle the public role loads, kept equal to the
 * database seed by GuideApiTests) applied to the households of docs/design/domain.md §8,
 * without a database.
 */
class SeedRulesTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static final ProcedureGuideService publicEngine = engine(new ClassPathResource("guidance/default-bundle.json"));

	static final LocalDate MOVED = LocalDate.of(2026, 11, 20);

	@Test
	void aCoupleWithA3And9YearOldMovingIn() {
		Guide guide = publicEngine.evaluate(SampleHouseholds.familyMovingIn(MOVED));
		assertThat(guide.codes()).containsExactly("MY_NUMBER_CARD_ADDRESS", "MY_NUMBER_CARD_CONTINUED_USE",
				"SEAL_REGISTRATION", "GARBAGE_GUIDE", "NHI_JOIN", "CHILD_ALLOWANCE_CLAIM", "CHILD_MEDICAL_SUBSIDY",
				"INFANT_HEALTH", "SCHOOL_TRANSFER", "WATER_SERVICE");
		assertThat(reasons(guide, "SCHOOL_TRANSFER")).containsExactly("子 花子さん（9歳）が義務教育年齢のため");
		assertThat(reasons(guide, "INFANT_HEALTH")).containsExactly("子 次郎さん（3歳）が小学校入学前のため（乳幼児健診・予防接種）");
		assertThat(reasons(guide, "CHILD_ALLOWANCE_CLAIM")).hasSize(2).allMatch((r) -> r.contains("18歳到達後"));
		assertThat(reasons(guide, "NHI_JOIN")).hasSize(4);
		assertThat(reasons(guide, "MY_NUMBER_CARD_ADDRESS")).containsExactly(
				"世帯主 一郎さん（41歳）がマイナンバーカードを持っているため（カードの住所を書き換えます）", "妻 幸子さん（38歳）がマイナンバーカードを持っているため（カードの住所を書き換えます）");
		everyProcedureHasAReason(guide);
		assertThat(guide.skippedRules()).isEmpty();
	}

	@Test
	void eachProcedureNamesThePersonsItsRulesMatchedAndAProcedureWithoutAFormSaysWhy() {
		Guide guide = publicEngine.evaluate(SampleHouseholds.familyMovingIn(MOVED));
		assertThat(procedure(guide, "MY_NUMBER_CARD_ADDRESS").persons()).containsExactly(0, 1);
		assertThat(procedure(guide, "SCHOOL_TRANSFER").persons()).containsExactly(2);
		assertThat(procedure(guide, "CHILD_ALLOWANCE_CLAIM").persons()).containsExactly(2, 3);
		assertThat(procedure(guide, "NHI_JOIN").persons()).containsExactly(0, 1, 2, 3);
		GuidedProcedure garbage = procedure(guide, "GARBAGE_GUIDE");
		assertThat(garbage.persons()).isEmpty();
		assertThat(garbage.forms()).isEmpty();
		assertThat(garbage.noFormReason()).contains("届出はありません");
		assertThat(procedure(guide, "NHI_JOIN").noFormReason()).isNull();
	}

	private static GuidedProcedure procedure(Guide guide, String code) {
		return guide.procedures().stream().filter((p) -> p.code().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void a76YearOldMovingOut() {
		Guide guide = publicEngine.evaluate(SampleHouseholds.elderlyMovingOut(MOVED));
		assertThat(guide.codes()).containsExactly("SEAL_REGISTRATION_VOID", "LATE_ELDERLY_LEAVE",
				"CARE_INSURANCE_LEAVE", "WATER_SERVICE");
		assertThat(reasons(guide, "CARE_INSURANCE_LEAVE"))
			.containsExactly("世帯主 トメさん（76歳）が介護保険の被保険者（65歳以上または要介護・要支援認定）のため");
		everyProcedureHasAReason(guide);
	}

	@Test
	void aForeignResidentAged30ArrivingFromAbroad() {
		Guide guide = publicEngine.evaluate(SampleHouseholds.foreignResidentFromAbroad(MOVED));
		assertThat(guide.codes()).containsExactly("SEAL_REGISTRATION", "RESIDENCE_CARD_ENDORSEMENT", "GARBAGE_GUIDE",
				"NHI_JOIN", "NATIONAL_PENSION_JOIN");
		assertThat(reasons(guide, "RESIDENCE_CARD_ENDORSEMENT")).containsExactly(
				"世帯主 NGUYEN VAN ANさん（30歳）が在留カード（または特別永住者証明書）を持つ外国人住民のため（この届出が住居地の届出を兼ね、カードの裏面に新しい住居地を記載します）");
		assertThat(reasons(guide, "NATIONAL_PENSION_JOIN")).singleElement()
			.asString()
			.contains("外国人住民", "国籍に関係なく", "脱退一時金");
		everyProcedureHasAReason(guide);
	}

	@Test
	void aPeriodOfStayNearItsEndOrPastItSendsTheResidentToTheImmigrationBureau() {
		assertThat(publicEngine.evaluate(foreignerWhoseStayEnds(MOVED.plusDays(91), MID_TO_LONG_TERM)).codes())
			.doesNotContain("STAY_PERIOD_RENEWAL");
		Guide near = publicEngine.evaluate(foreignerWhoseStayEnds(MOVED.plusDays(90), MID_TO_LONG_TERM));
		assertThat(reasons(near, "STAY_PERIOD_RENEWAL")).singleElement().asString().contains("3か月以内");
		Guide lastDay = publicEngine.evaluate(foreignerWhoseStayEnds(MOVED, MID_TO_LONG_TERM));
		assertThat(reasons(lastDay, "STAY_PERIOD_RENEWAL")).singleElement().asString().contains("3か月以内");
		Guide ended = publicEngine.evaluate(foreignerWhoseStayEnds(MOVED.minusDays(1), MID_TO_LONG_TERM));
		assertThat(reasons(ended, "STAY_PERIOD_RENEWAL")).singleElement().asString().contains("過ぎている");
		assertThat(procedure(ended, "STAY_PERIOD_RENEWAL").noFormReason()).contains("出入国在留管理局");
		assertThat(ended.skippedRules()).isEmpty();
	}

	@Test
	void onlyCardHoldersHaveTheirResidenceCardEndorsed() {
		assertThat(publicEngine.evaluate(foreignerWhoseStayEnds(null, SPECIAL_PERMANENT)).codes())
			.contains("RESIDENCE_CARD_ENDORSEMENT")
			.doesNotContain("STAY_PERIOD_RENEWAL");
		assertThat(publicEngine.evaluate(foreignerWhoseStayEnds(null, null)).codes())
			.contains("RESIDENCE_CARD_ENDORSEMENT");
		assertThat(publicEngine.evaluate(foreignerWhoseStayEnds(null, TEMPORARY_REFUGE)).codes())
			.doesNotContain("RESIDENCE_CARD_ENDORSEMENT");
	}

	/** The sample foreign resident from abroad with another category and end of stay. */
	private static NotificationContent foreignerWhoseStayEnds(LocalDate endsOn, ForeignResidentCategory category) {
		NotificationContent sample = SampleHouseholds.foreignResidentFromAbroad(MOVED);
		Person p = sample.persons().get(0);
		ForeignResident f = p.foreignResident();
		ForeignResident changed = new ForeignResident(f.nameAlphabet(), f.alias(), f.nationality(), category,
				f.residenceStatus(), endsOn, f.residenceCardNumber(), f.becameResidentOn(), "3年");
		return sample.withPersons(List.of(new Person(p.familyName(), p.givenName(), p.familyNameKana(),
				p.givenNameKana(), p.formerSurname(), p.birthDate(), p.sex(), p.relationship(), p.nationality(),
				changed, p.myNumberCard(), p.myNumber(), p.registeredDomicile(), p.familyRegisterHead(), p.facts())));
	}

	@Test
	void aSingleMotherWithABabyAndADogMovingWithinTheCity() {
		Guide guide = publicEngine.evaluate(SampleHouseholds.singleMotherMovingWithin(MOVED));
		assertThat(guide.codes()).containsExactly("MY_NUMBER_CARD_ADDRESS", "GARBAGE_GUIDE", "NHI_ADDRESS",
				"CHILD_ALLOWANCE_ADDRESS", "CHILD_MEDICAL_SUBSIDY", "SINGLE_PARENT_SUPPORT", "DOG_REGISTRATION");
		assertThat(reasons(guide, "SINGLE_PARENT_SUPPORT"))
			.containsExactly("世帯主 由美さん（32歳）が18歳到達後最初の3月31日までの子どもを育てるひとり親のため");
		assertThat(reasons(guide, "DOG_REGISTRATION")).containsExactly("世帯で犬を飼っているため（犬の登録の変更）");
		assertThat(reasons(guide, "CHILD_ALLOWANCE_ADDRESS")).containsExactly("子 蓮さん（0歳）が児童手当の対象（18歳到達後最初の3月31日まで）のため");
		everyProcedureHasAReason(guide);
	}

	@Test
	void careInsuranceStartsOnTheDayBeforeThe65thBirthday() {
		LocalDate born = LocalDate.of(1961, 11, 21);
		assertThat(codesFor(born, HealthInsurance.NHI, LocalDate.of(2026, 11, 19)))
			.doesNotContain("CARE_INSURANCE_JOIN");
		assertThat(codesFor(born, HealthInsurance.NHI, LocalDate.of(2026, 11, 20))).contains("CARE_INSURANCE_JOIN");
	}

	@Test
	void lateElderlyCareStartsOnThe75thBirthdayItself() {
		LocalDate born = LocalDate.of(1951, 11, 20);
		List<String> dayBefore = codesFor(born, HealthInsurance.NHI, LocalDate.of(2026, 11, 19));
		assertThat(dayBefore).contains("NHI_JOIN").doesNotContain("LATE_ELDERLY_JOIN");
		List<String> birthday = codesFor(born, HealthInsurance.NHI, LocalDate.of(2026, 11, 20));
		assertThat(birthday).contains("LATE_ELDERLY_JOIN").doesNotContain("NHI_JOIN");
	}

	@Test
	void schoolCohortsSplitBetweenApril1And2() {
		LocalDate may = LocalDate.of(2026, 5, 1);
		assertThat(codesFor(LocalDate.of(2020, 4, 1), HealthInsurance.EMPLOYEE, may)).contains("SCHOOL_TRANSFER")
			.doesNotContain("INFANT_HEALTH");
		assertThat(codesFor(LocalDate.of(2020, 4, 2), HealthInsurance.EMPLOYEE, may)).contains("INFANT_HEALTH")
			.doesNotContain("SCHOOL_TRANSFER");
	}

	@Test
	void childAllowanceWidenedToThe18CohortOnOctober1st2024() {
		LocalDate born = LocalDate.of(2008, 6, 1);
		assertThat(codesFor(born, HealthInsurance.EMPLOYEE, LocalDate.of(2024, 9, 30)))
			.doesNotContain("CHILD_ALLOWANCE_CLAIM");
		Guide after = guideFor(born, HealthInsurance.EMPLOYEE, LocalDate.of(2024, 10, 1));
		assertThat(reasons(after, "CHILD_ALLOWANCE_CLAIM")).singleElement().asString().contains("18歳到達後");

		Guide before = guideFor(LocalDate.of(2014, 6, 1), HealthInsurance.EMPLOYEE, LocalDate.of(2024, 9, 30));
		assertThat(reasons(before, "CHILD_ALLOWANCE_CLAIM")).singleElement().asString().contains("中学校修了前");
	}

	@Test
	void thePublicRoleLoadsABundleFileAndSkipsABadRuleVisibly(@TempDir Path dir) throws Exception {
		RuleBundle shipped = json.readValue(new ClassPathResource("guidance/default-bundle.json").getInputStream(),
				RuleBundle.class);
		List<RuleBundle.BundleProcedure> procedures = new ArrayList<>(shipped.procedures());
		RuleBundle.BundleProcedure garbage = procedures.stream()
			.filter((p) -> p.code().equals("GARBAGE_GUIDE"))
			.findFirst()
			.orElseThrow();
		procedures
			.set(procedures.indexOf(garbage),
					new RuleBundle.BundleProcedure(garbage.code(), garbage.name(), garbage.nameEn(),
							garbage.plainName(), garbage.department(), garbage.building(), garbage.floor(),
							garbage.window(), garbage.documents(), garbage.forms(), garbage.explanation(),
							garbage.routeOrder(), List.of(new RuleBundle.BundleRule("broken", LocalDate.of(2000, 1, 1),
									null, "on MOVE_IN\nhousehold where\n  trash = 3 reason \"x\"")),
							garbage.noFormReason()));
		Path file = dir.resolve("bundle.json");
		Files.writeString(file, json.writeValueAsString(
				new RuleBundle(1, "r9-test", shipped.generatedAt(), shipped.effectiveDates(), procedures)));

		Guide guide = engine(new FileSystemResource(file)).evaluate(SampleHouseholds.familyMovingIn(MOVED));
		assertThat(guide.rulesVersion()).isEqualTo("r9-test");
		assertThat(guide.codes()).doesNotContain("GARBAGE_GUIDE").contains("NHI_JOIN", "SCHOOL_TRANSFER");
		assertThat(guide.skippedRules()).singleElement().satisfies((skipped) -> {
			assertThat(skipped.procedureCode()).isEqualTo("GARBAGE_GUIDE");
			assertThat(skipped.line()).isEqualTo(3);
			assertThat(skipped.reason()).contains("trash");
		});
	}

	private static List<String> codesFor(LocalDate born, HealthInsurance insurance, LocalDate movedOn) {
		return guideFor(born, insurance, movedOn).codes();
	}

	private static Guide guideFor(LocalDate born, HealthInsurance insurance, LocalDate movedOn) {
		NotificationContent base = SampleHouseholds.familyMovingIn(movedOn);
		Person person = new Person("標茶", "光", "シベチャ", "ヒカル", null, born, Sex.FEMALE, "世帯主", null, null, false, null,
				null, null, new PersonFacts(insurance, null, null, null, null, null, null));
		return publicEngine.evaluate(base.withPersons(List.of(person)));
	}

	private static List<String> reasons(Guide guide, String code) {
		return guide.procedures()
			.stream()
			.filter((p) -> p.code().equals(code))
			.findFirst()
			.map(GuidedProcedure::reasons)
			.orElseThrow(() -> new AssertionError(code + " not in " + guide.codes()));
	}

	private static void everyProcedureHasAReason(Guide guide) {
		assertThat(guide.procedures()).allSatisfy((p) -> assertThat(p.reasons()).isNotEmpty());
	}

	private static ProcedureGuideService engine(Resource bundle) {
		return new ProcedureGuideService(new StaticListableBeanFactory().getBeanProvider(RuleCatalogue.class), json,
				Clock.systemUTC(), bundle);
	}

}
