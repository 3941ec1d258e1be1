package jp.madoguchi.moving.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jp.madoguchi.moving.Finding;
import jp.madoguchi.moving.NotificationChecks;
import jp.madoguchi.moving.Finding.Severity;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.FilerKind;
import jp.madoguchi.moving.NotificationContent.ForeignResident;
import jp.madoguchi.moving.NotificationContent.ForeignResidentCategory;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.text.FontCoverage;
import jp.madoguchi.text.JapaneseDates;
import jp.madoguchi.text.MyNumbers;
import jp.madoguchi.text.UnprintableCharacter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The law-based checks of a notification (住民基本台帳法, docs/design/domain.md §3), run on
 * every save. Deadlines count calendar days and do not count the day of the move (初日不算入):
 * moving on the 20th, the 14th day is the 4th of the next month, the last day on time.
 */
@Component
@ServedBy({ Role.COUNTER, Role.PUBLIC })
public class Findings implements NotificationChecks {

	/** §22, §23, §24, §25: within 14 days. */
	static final int FILING_PERIOD_DAYS = 14;

	/** §24-2: 特例転入 within 30 days after the planned move-out date. */
	static final int SPECIAL_MOVE_IN_AFTER_PLANNED_MOVE_OUT_DAYS = 30;

	static final String HEAD = "世帯主";

	private static final Pattern RESIDENCE_CARD_NUMBER = Pattern.compile("[A-Z]{2}\\d{8}[A-Z]{2}");

	private static final Pattern KATAKANA = Pattern.compile("[\\u30A0-\\u30FF\\u3000 ・ー]*");

	/**
	 * The 続柄 the system ships (the moving migration's list), for the public role, which
	 * has no database: ShippedRelationshipsTests keeps the two equal.
	 */
	static final List<String> SHIPPED_RELATIONSHIPS = List.of("世帯主", "妻", "夫", "妻(未届)", "夫(未届)", "子", "妻の子", "夫の子",
			"子の妻", "子の夫", "孫", "父", "母", "妻の父", "妻の母", "夫の父", "夫の母", "兄", "姉", "弟", "妹", "祖父", "祖母", "縁故者", "同居人");

	private final ObjectProvider<RelationshipMaster> relationships;

	private final ObjectProvider<FontCoverage> font;

	private final MessageSource messages;

	private final Clock clock;

	Findings(ObjectProvider<RelationshipMaster> relationships, ObjectProvider<FontCoverage> font,
			MessageSource messages, Clock clock) {
		this.relationships = relationships;
		this.font = font;
		this.messages = messages;
		this.clock = clock;
	}

	public List<Finding> of(NotificationContent content) {
		return check(content, Locale.JAPANESE);
	}

	@Override
	public List<String> relationships() {
		RelationshipMaster master = relationships.getIfAvailable();
		return (master != null) ? List.copyOf(master.names()) : SHIPPED_RELATIONSHIPS;
	}

	@Override
	public List<Finding> check(NotificationContent content, Locale locale) {
		Found found = new Found(locale);
		LocalDate filedOn = (content.filedOn() != null) ? content.filedOn() : LocalDate.now(clock);
		dates(content, filedOn, found);
		household(content, found);
		filer(content, found);
		addresses(content, found);
		Set<String> known = Set.copyOf(relationships());
		List<Person> persons = content.persons();
		if (persons.isEmpty()) {
			add(found, "PERSONS_MISSING", Severity.ERROR, "persons");
		}
		for (int i = 0; i < persons.size(); i++) {
			person(persons.get(i), "persons[" + i + "]", filedOn, known, found);
		}
		return List.copyOf(found);
	}

	private void dates(NotificationContent content, LocalDate filedOn, Found found) {
		NotificationType type = content.type();
		LocalDate movedOn = content.movedOn();
		if (movedOn == null) {
			if (type != NotificationType.MOVE_OUT || content.plannedMoveOutOn() == null) {
				add(found, "MOVED_ON_MISSING", Severity.ERROR, "movedOn");
			}
			return;
		}
		if (type.requiresMoveDone() && movedOn.isAfter(filedOn)) {
			add(found, "MOVE_NOT_YET_HAPPENED", Severity.ERROR, "movedOn");
		}
		LocalDate lastDayOnTime = movedOn.plusDays(FILING_PERIOD_DAYS);
		if (filedOn.isAfter(lastDayOnTime)) {
			add(found, "FILED_LATE", Severity.WARNING, "filedOn", JapaneseDates.formatWithGregorian(lastDayOnTime));
		}
		if (type == NotificationType.MOVE_IN && content.variant() == Variant.SPECIAL) {
			LocalDate planned = content.plannedMoveOutOn();
			if (planned == null) {
				add(found, "PLANNED_MOVE_OUT_MISSING", Severity.ERROR, "plannedMoveOutOn");
				return;
			}
			LocalDate limit = min(lastDayOnTime, planned.plusDays(SPECIAL_MOVE_IN_AFTER_PLANNED_MOVE_OUT_DAYS));
			if (filedOn.isAfter(limit)) {
				add(found, "SPECIAL_MOVE_IN_EXPIRED", Severity.ERROR, "filedOn",
						JapaneseDates.formatWithGregorian(limit));
			}
		}
	}

	private void household(NotificationContent content, Found found) {
		long heads = content.persons().stream().filter(p -> HEAD.equals(p.relationship())).count();
		String headName = (content.household() != null) ? content.household().headName() : null;
		if (heads == 0 && (headName == null || headName.isBlank())) {
			add(found, "HEAD_OF_HOUSEHOLD_MISSING", Severity.ERROR, "household.headName");
		}
		if (heads > 1) {
			add(found, "MULTIPLE_HEADS_OF_HOUSEHOLD", Severity.ERROR, "persons");
		}
		if (headName != null) {
			unprintable(headName, "household.headName", found);
		}
	}

	private void filer(NotificationContent content, Found found) {
		if (content.filer() == null || content.filer().kind() == null) {
			add(found, "FILER_MISSING", Severity.ERROR, "filer.kind");
			return;
		}
		if (content.filer().kind() == FilerKind.AGENT && !Boolean.TRUE.equals(content.filer().powerOfAttorney())) {
			add(found, "POWER_OF_ATTORNEY_REQUIRED", Severity.ERROR, "filer.powerOfAttorney");
		}
		if (content.filer().name() != null) {
			unprintable(content.filer().name(), "filer.name", found);
		}
		if (content.identityDocuments().isEmpty() || content.filer().kind() == FilerKind.AGENT) {
			// §27: a notice goes to the person when identity was not confirmed or an
			// agent filed.
			add(found, "PERSONAL_NOTICE_REQUIRED", Severity.INFO, "identityDocuments");
		}
	}

	private void addresses(NotificationContent content, Found found) {
		boolean newAddressNeeded = content.type() != NotificationType.HOUSEHOLD_CHANGE;
		if (newAddressNeeded && content.newAddress() == null) {
			add(found, "ADDRESS_MISSING", Severity.ERROR, "newAddress");
		}
		if (content.type() == NotificationType.MOVE_IN && content.previousAddress() == null) {
			add(found, "PREVIOUS_ADDRESS_MISSING", Severity.ERROR, "previousAddress");
		}
		if (content.newAddress() != null) {
			unprintable(content.newAddress().town(), "newAddress.town", found);
			unprintable(content.newAddress().block(), "newAddress.block", found);
			unprintable(content.newAddress().building(), "newAddress.building", found);
		}
	}

	private void person(Person person, String path, LocalDate filedOn, Set<String> knownRelationships, Found found) {
		boolean foreign = person.foreignResident() != null;
		if (blank(person.familyName()) && !(foreign && !blank(person.foreignResident().nameAlphabet()))) {
			add(found, "NAME_MISSING", Severity.ERROR, path + ".familyName");
		}
		if (!foreign && (blank(person.familyNameKana()) || blank(person.givenNameKana()))) {
			add(found, "FURIGANA_MISSING", Severity.WARNING, path + ".familyNameKana");
		}
		for (String kana : new String[] { person.familyNameKana(), person.givenNameKana() }) {
			if (kana != null && !KATAKANA.matcher(kana).matches()) {
				add(found, "FURIGANA_NOT_KATAKANA", Severity.ERROR, path + ".familyNameKana");
				break;
			}
		}
		if (person.birthDate() == null) {
			add(found, "BIRTH_DATE_MISSING", Severity.ERROR, path + ".birthDate");
		}
		else if (person.birthDate().isAfter(filedOn)) {
			add(found, "BIRTH_DATE_IN_FUTURE", Severity.ERROR, path + ".birthDate");
		}
		if (person.sex() == null) {
			add(found, "SEX_MISSING", Severity.ERROR, path + ".sex");
		}
		if (blank(person.relationship())) {
			add(found, "RELATIONSHIP_MISSING", Severity.ERROR, path + ".relationship");
		}
		else if (!knownRelationships.contains(person.relationship())) {
			add(found, "UNKNOWN_RELATIONSHIP", Severity.ERROR, path + ".relationship", person.relationship());
		}
		if (person.myNumber() != null && !person.myNumber().isEmpty() && !MyNumbers.isValid(person.myNumber())) {
			add(found, "INVALID_MY_NUMBER", Severity.ERROR, path + ".myNumber");
		}
		if (foreign) {
			foreignResident(person.foreignResident(), path + ".foreignResident", found);
		}
		unprintable(person.familyName(), path + ".familyName", found);
		unprintable(person.givenName(), path + ".givenName", found);
		unprintable(person.formerSurname(), path + ".formerSurname", found);
	}

	private void foreignResident(ForeignResident resident, String path, Found found) {
		ForeignResidentCategory category = resident.category();
		boolean cardHolder = category == ForeignResidentCategory.MID_TO_LONG_TERM
				|| category == ForeignResidentCategory.SPECIAL_PERMANENT;
		if (blank(resident.nationality())) {
			add(found, "FOREIGN_RESIDENT_DATA_MISSING", Severity.ERROR, path + ".nationality");
		}
		if (category == null) {
			add(found, "FOREIGN_RESIDENT_DATA_MISSING", Severity.ERROR, path + ".category");
		}
		if (category == ForeignResidentCategory.MID_TO_LONG_TERM && blank(resident.residenceStatus())) {
			add(found, "FOREIGN_RESIDENT_DATA_MISSING", Severity.ERROR, path + ".residenceStatus");
		}
		if (cardHolder && blank(resident.residenceCardNumber())) {
			add(found, "FOREIGN_RESIDENT_DATA_MISSING", Severity.ERROR, path + ".residenceCardNumber");
		}
		if (!blank(resident.residenceCardNumber())
				&& !RESIDENCE_CARD_NUMBER.matcher(resident.residenceCardNumber()).matches()) {
			add(found, "INVALID_RESIDENCE_CARD_NUMBER", Severity.ERROR, path + ".residenceCardNumber");
		}
	}

	private void unprintable(@Nullable String text, String path, Found found) {
		if (text == null || text.isEmpty()) {
			return;
		}
		FontCoverage coverage = font.getIfAvailable();
		if (coverage == null) {
			return;
		}
		for (UnprintableCharacter character : coverage.unprintable(text)) {
			add(found, "UNPRINTABLE_CHARACTER", Severity.WARNING, path, character.sequence(), codePoints(character));
		}
	}

	private static String codePoints(UnprintableCharacter character) {
		StringBuilder names = new StringBuilder();
		character.sequence()
			.codePoints()
			.forEach(c -> names.append(names.isEmpty() ? "" : " ").append(String.format("U+%04X", c)));
		return names.toString();
	}

	private void add(Found found, String code, Severity severity, String field, Object... arguments) {
		String message = messages.getMessage("finding." + code, arguments, code, found.locale);
		found.add(new Finding(code, severity, field, message));
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	/** The findings so far and the language their messages are written in. */
	private static final class Found extends ArrayList<Finding> {

		private static final long serialVersionUID = 1L;

		final transient Locale locale;

		Found(Locale locale) {
			this.locale = locale;
		}

	}

}
