package jp.madoguchi.guidance.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.moving.NotificationContent.ForeignResident;
import jp.madoguchi.moving.NotificationContent.ForeignResidentCategory;
import jp.madoguchi.moving.NotificationContent.HealthInsurance;
import jp.madoguchi.moving.NotificationContent.Household;
import jp.madoguchi.moving.NotificationContent.HouseholdFacts;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationContent.PersonFacts;
import jp.madoguchi.moving.NotificationContent.Sex;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import org.jspecify.annotations.Nullable;

/**
 * Households of docs/design/domain.md §8 for the rule editor's "try it" preview (and for
 * tests): made-up people, moving on the given day, ages counted from it.
 */
public final class SampleHouseholds {

	private static final Address KUSHIRO = new Address("0850018", "北海道", "釧路市", "黒金町", "7丁目5番地", "", null);

	private static final Address SAPPORO = new Address("0600001", "北海道", "札幌市中央区", "北一条西", "2丁目", "", null);

	private SampleHouseholds() {
	}

	/** The samples by key, with a Japanese title, for a select box. */
	public static Map<String, String> titles() {
		Map<String, String> titles = new LinkedHashMap<>();
		titles.put("family", "転入: 夫婦と3歳・9歳の子");
		titles.put("elderly", "転出: 76歳の一人暮らし");
		titles.put("foreign", "国外からの転入: 30歳の外国人住民");
		titles.put("singleMother", "転居: ひとり親と赤ちゃん、犬");
		return titles;
	}

	public static @Nullable NotificationContent byKey(String key, LocalDate movedOn) {
		return switch (key) {
			case "family" -> familyMovingIn(movedOn);
			case "elderly" -> elderlyMovingOut(movedOn);
			case "foreign" -> foreignResidentFromAbroad(movedOn);
			case "singleMother" -> singleMotherMovingWithin(movedOn);
			default -> null;
		};
	}

	/** A couple with a 3-year-old and a 9-year-old moving in from Sapporo, all on NHI. */
	public static NotificationContent familyMovingIn(LocalDate movedOn) {
		PersonFacts nhi = facts(HealthInsurance.NHI);
		return notification(NotificationType.MOVE_IN, Variant.DOMESTIC, movedOn, SAPPORO,
				new HouseholdFacts(false, false, true),
				person("釧路", "一郎", "クシロ", "イチロウ", movedOn.minusYears(41).minusDays(10), Sex.MALE, "世帯主", true, nhi),
				person("釧路", "幸子", "クシロ", "サチコ", movedOn.minusYears(38).minusDays(100), Sex.FEMALE, "妻", true, nhi),
				person("釧路", "花子", "クシロ", "ハナコ", movedOn.minusYears(9).minusDays(40), Sex.FEMALE, "子", false, nhi),
				person("釧路", "次郎", "クシロ", "ジロウ", movedOn.minusYears(3).minusDays(20), Sex.MALE, "子", false, nhi));
	}

	/** A 76-year-old on 後期高齢者医療 moving out, with the city's water service. */
	public static NotificationContent elderlyMovingOut(LocalDate movedOn) {
		return notification(NotificationType.MOVE_OUT, Variant.DOMESTIC, movedOn, KUSHIRO,
				new HouseholdFacts(false, false, true),
				person("阿寒", "トメ", "アカン", "トメ", movedOn.minusYears(76).minusDays(30), Sex.FEMALE, "世帯主", true,
						facts(HealthInsurance.LATE_ELDERLY)));
	}

	/** A 30-year-old foreign resident arriving from abroad, not yet insured. */
	public static NotificationContent foreignResidentFromAbroad(LocalDate movedOn) {
		Person person = new Person(null, null, null, null, null, movedOn.minusYears(30).minusDays(45), Sex.MALE, "世帯主",
				"ベトナム",
				new ForeignResident("NGUYEN VAN AN", null, "ベトナム", ForeignResidentCategory.MID_TO_LONG_TERM,
						"技術・人文知識・国際業務", movedOn.plusYears(3), "AB12345678CD", movedOn),
				false, null, null, null, facts(HealthInsurance.NONE));
		return new NotificationContent(NotificationType.MOVE_IN, Variant.FROM_ABROAD, movedOn, movedOn, null, KUSHIRO,
				new Address(null, null, null, null, null, null, "ベトナム"), new Household(null, true, null),
				List.of(person), null, List.of());
	}

	/** A single mother with a baby and a dog moving within the city, both on NHI. */
	public static NotificationContent singleMotherMovingWithin(LocalDate movedOn) {
		PersonFacts mother = new PersonFacts(HealthInsurance.NHI, null, null, null, null, null, true);
		return notification(NotificationType.MOVE_WITHIN, Variant.NONE, movedOn, KUSHIRO,
				new HouseholdFacts(true, false, false),
				person("春採", "由美", "ハルトリ", "ユミ", movedOn.minusYears(32).minusDays(5), Sex.FEMALE, "世帯主", true, mother),
				person("春採", "蓮", "ハルトリ", "レン", movedOn.minusMonths(5), Sex.MALE, "子", false,
						facts(HealthInsurance.NHI)));
	}

	private static PersonFacts facts(HealthInsurance insurance) {
		return new PersonFacts(insurance, null, null, null, null, null, null);
	}

	private static Person person(String family, String given, String familyKana, String givenKana, LocalDate born,
			Sex sex, String relationship, boolean card, PersonFacts facts) {
		return new Person(family, given, familyKana, givenKana, null, born, sex, relationship, null, null, card, null,
				null, null, facts);
	}

	private static NotificationContent notification(NotificationType type, Variant variant, LocalDate movedOn,
			Address previous, HouseholdFacts household, Person... persons) {
		return new NotificationContent(type, variant, movedOn, movedOn.plusDays(3), null,
				type == NotificationType.MOVE_OUT ? SAPPORO : KUSHIRO, previous, new Household(null, true, household),
				List.of(persons), null, List.of());
	}

}
