package jp.madoguchi.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.moving.NotificationContent.Filer;
import jp.madoguchi.moving.NotificationContent.FilerKind;
import jp.madoguchi.moving.NotificationContent.HealthInsurance;
import jp.madoguchi.moving.NotificationContent.Household;
import jp.madoguchi.moving.NotificationContent.HouseholdFacts;
import jp.madoguchi.moving.NotificationContent.IdentityDocument;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationContent.PersonFacts;
import jp.madoguchi.moving.NotificationContent.Sex;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;

/**
 * Sample move notifications for tests: complete and acceptable unless a test changes
 * them.
 */
public final class Households {

	/**
	 * 辻󠄂: U+8FBB U+E0102 (the two-dot form), a variation sequence the shipped font
	 * IPAmj明朝 lists (it lists U+E0102 and U+E0103 for 辻), so forms print it.
	 */
	public static final String TSUJI = "辻\uDB40\uDD02";

	/** 葛󠄀: U+845B U+E0100. */
	public static final String KATSURA = "葛\uDB40\uDD00";

	/** The new address in the city, without a building name. */
	public static final Address KUSHIRO = new Address("0850000", "北海道", "釧路市", "黒金町", "7丁目5番地", "", null);

	/** The previous address, without a building name. */
	public static final Address SAPPORO = new Address("0600001", "北海道", "札幌市中央区", "北一条西", "2丁目", "", null);

	private record Member(String family, String familyKana, String given, String givenKana, LocalDate born, Sex sex,
			String relationship) {
	}

	/**
	 * Members of the realistic household, in order. Names carry variation selectors
	 * because those are what a careless codec loses.
	 */
	private static final List<Member> MEMBERS = List.of(
			new Member(TSUJI, "ツジ", "太郎", "タロウ", LocalDate.of(1980, 4, 1), Sex.MALE, "世帯主"),
			new Member(TSUJI, "ツジ", "花子", "ハナコ", LocalDate.of(1982, 6, 3), Sex.FEMALE, "妻"),
			new Member(TSUJI, "ツジ", "一郎", "イチロウ", LocalDate.of(2010, 9, 14), Sex.MALE, "子"),
			new Member(TSUJI, "ツジ", "二葉", "フタバ", LocalDate.of(2014, 2, 28), Sex.FEMALE, "子"),
			new Member(TSUJI, "ツジ", "三郎", "サブロウ", LocalDate.of(2021, 11, 5), Sex.MALE, "子"),
			new Member(KATSURA + "城", "カツラギ", "キヨ", "キヨ", LocalDate.of(1950, 1, 20), Sex.FEMALE, "妻の母"),
			new Member(KATSURA + "城", "カツラギ", "源太郎", "ゲンタロウ", LocalDate.of(1948, 7, 7), Sex.MALE, "妻の父"),
			new Member(TSUJI, "ツジ", "桜子", "サクラコ", LocalDate.of(2024, 3, 30), Sex.FEMALE, "子"),
			new Member("髙橋", "タカハシ", "美咲", "ミサキ", LocalDate.of(1999, 12, 24), Sex.FEMALE, "同居人"),
			new Member(TSUJI, "ツジ", "健太", "ケンタ", LocalDate.of(1985, 5, 5), Sex.MALE, "縁故者"));

	private Households() {
	}

	// Minimal: a family of two, only the required items, dates chosen by the test.

	/** A male resident with only the required items. */
	public static Person person(String family, String given, String familyKana, String givenKana, LocalDate born,
			String relationship) {
		return new Person(family, given, familyKana, givenKana, null, born, Sex.MALE, relationship, null, null, true,
				null, null, null, null);
	}

	/**
	 * A domestic move-in from Sapporo to Kushiro by the first person, who files it
	 * himself.
	 */
	public static NotificationContent moveIn(LocalDate movedOn, LocalDate filedOn, Person... persons) {
		return new NotificationContent(NotificationType.MOVE_IN, Variant.DOMESTIC, movedOn, filedOn, null, KUSHIRO,
				SAPPORO, new Household(null, true, null), List.of(persons),
				new Filer(FilerKind.SELF, persons[0].fullName(), "0154-00-0000", false),
				List.of(IdentityDocument.MY_NUMBER_CARD));
	}

	/**
	 * 辻󠄂 太郎 (U+E0102, two dots) and his wife moving in, with only the required items.
	 */
	public static NotificationContent familyMovingIn(LocalDate movedOn, LocalDate filedOn) {
		return moveIn(movedOn, filedOn, person("辻\uDB40\uDD02", "太郎", "ツジ", "タロウ", LocalDate.of(1980, 4, 1), "世帯主"),
				person("辻\uDB40\uDD02", "花子", "ツジ", "ハナコ", LocalDate.of(1982, 6, 3), "妻"));
	}

	// Realistic: up to ten persons with building names, 本籍, 筆頭者 and facts.

	/**
	 * A realistic household of {@code size} (1 to 10) moving in from Sapporo: both
	 * addresses with building names, kana, birth dates, 本籍 and 筆頭者, facts.
	 */
	public static NotificationContent movingIn(int size) {
		if (size < 1 || size > MEMBERS.size()) {
			throw new IllegalArgumentException("1 to " + MEMBERS.size() + " persons");
		}
		List<Person> persons = new ArrayList<>();
		for (Member member : MEMBERS.subList(0, size)) {
			boolean child = member.born().isAfter(LocalDate.of(2019, 1, 1));
			persons.add(
					new Person(member.family(), member.given(), member.familyKana(), member.givenKana(), null,
							member.born(), member.sex(), member.relationship(), "日本", null, true, null,
							"北海道札幌市中央区北一条西二丁目1番地", TSUJI + " 太郎",
							new PersonFacts(member.born().isBefore(LocalDate.of(1952, 1, 1))
									? HealthInsurance.LATE_ELDERLY : HealthInsurance.NHI, null, null, null, child, null,
									null)));
		}
		return new NotificationContent(NotificationType.MOVE_IN, Variant.DOMESTIC, LocalDate.of(2026, 11, 20),
				LocalDate.of(2026, 11, 26), null,
				new Address("0850000", "北海道", "釧路市", "黒金町", "7丁目5番地", "くしろ黒金マンション 1203号室", null),
				new Address("0600001", "北海道", "札幌市中央区", "北一条西", "2丁目1番地2", "サンプルハイツ北一条 405号", null),
				new Household(null, true, new HouseholdFacts(true, false, true)), persons,
				new Filer(FilerKind.SELF, TSUJI + " 太郎", "090-1234-5678", false),
				List.of(IdentityDocument.MY_NUMBER_CARD));
	}

	// Copies with one part changed.

	/** The notification filed by someone else. */
	public static NotificationContent with(NotificationContent c, Filer filer) {
		return new NotificationContent(c.type(), c.variant(), c.movedOn(), c.filedOn(), c.plannedMoveOutOn(),
				c.newAddress(), c.previousAddress(), c.household(), c.persons(), filer, c.identityDocuments());
	}

	/** The notification as another type and variant, on other dates. */
	public static NotificationContent with(NotificationContent c, NotificationType type, Variant variant,
			LocalDate movedOn, LocalDate filedOn, LocalDate plannedMoveOutOn) {
		return new NotificationContent(type, variant, movedOn, filedOn, plannedMoveOutOn, c.newAddress(),
				c.previousAddress(), c.household(), c.persons(), c.filer(), c.identityDocuments());
	}

	/** The notification for another household. */
	public static NotificationContent with(NotificationContent c, Household household, List<Person> persons) {
		return new NotificationContent(c.type(), c.variant(), c.movedOn(), c.filedOn(), c.plannedMoveOutOn(),
				c.newAddress(), c.previousAddress(), household, persons, c.filer(), c.identityDocuments());
	}

}
