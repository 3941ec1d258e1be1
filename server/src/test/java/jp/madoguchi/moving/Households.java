package jp.madoguchi.moving;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.moving.NotificationContent.Filer;
import jp.madoguchi.moving.NotificationContent.FilerKind;
import jp.madoguchi.moving.NotificationContent.Household;
import jp.madoguchi.moving.NotificationContent.IdentityDocument;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationContent.Sex;
import jp.madoguchi.moving.NotificationType.Variant;

/** Sample notifications for tests: complete and acceptable unless a test changes them. */
public final class Households {

	static final Address KUSHIRO = new Address("0850000", "北海道", "釧路市", "黒金町", "7丁目5番地", "", null);

	static final Address SAPPORO = new Address("0600001", "北海道", "札幌市中央区", "北一条西", "2丁目", "", null);

	private Households() {
	}

	static Person person(String family, String given, String familyKana, String givenKana, LocalDate born,
			String relationship) {
		return new Person(family, given, familyKana, givenKana, null, born, Sex.MALE, relationship, null, null, true,
				null, null, null, null);
	}

	static NotificationContent moveIn(LocalDate movedOn, LocalDate filedOn, Person... persons) {
		return new NotificationContent(NotificationType.MOVE_IN, Variant.DOMESTIC, movedOn, filedOn, null, KUSHIRO,
				SAPPORO, new Household(null, true, null), List.of(persons),
				new Filer(FilerKind.SELF, persons[0].fullName(), "0154-00-0000", false),
				List.of(IdentityDocument.MY_NUMBER_CARD));
	}

	public static NotificationContent familyMovingIn(LocalDate movedOn, LocalDate filedOn) {
		return moveIn(movedOn, filedOn, person("辻\uDB40\uDD02", "太郎", "ツジ", "タロウ", LocalDate.of(1980, 4, 1), "世帯主"),
				person("辻\uDB40\uDD02", "花子", "ツジ", "ハナコ", LocalDate.of(1982, 6, 3), "妻"));
	}

	static NotificationContent with(NotificationContent c, Filer filer) {
		return new NotificationContent(c.type(), c.variant(), c.movedOn(), c.filedOn(), c.plannedMoveOutOn(),
				c.newAddress(), c.previousAddress(), c.household(), c.persons(), filer, c.identityDocuments());
	}

	static NotificationContent with(NotificationContent c, NotificationType type, Variant variant, LocalDate movedOn,
			LocalDate filedOn, LocalDate plannedMoveOutOn) {
		return new NotificationContent(type, variant, movedOn, filedOn, plannedMoveOutOn, c.newAddress(),
				c.previousAddress(), c.household(), c.persons(), c.filer(), c.identityDocuments());
	}

	static NotificationContent with(NotificationContent c, Household household, List<Person> persons) {
		return new NotificationContent(c.type(), c.variant(), c.movedOn(), c.filedOn(), c.plannedMoveOutOn(),
				c.newAddress(), c.previousAddress(), household, persons, c.filer(), c.identityDocuments());
	}

}
