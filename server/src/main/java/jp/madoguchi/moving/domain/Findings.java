package jp.madoguchi.moving.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jp.madoguchi.moving.Finding;
import jp.madoguchi.moving.NotificationChecks;
import jp.madoguchi.moving.Finding.Severity;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.FilerKind;
import jp.madoguchi.moving.NotificationContent.ForeignResident;
import jp.madoguchi.moving.NotificationContent.ForeignResidentCategory;
import jp.madoguchi.moving.NotificationContent.Household;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.text.ClosedDays;
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
 * moving on the 20th, the 14th day is the 4th of the next month, the last day on time. A
 * period whose last day is a closed day of the city ends on the next open day (地方自治法 §4-2
 * ④): the counter asks the holiday master, the public site (no database) the usual
 * ordinance with the national holidays computed from the law
 * ({@link ClosedDays#standard()}).
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

	private final ObjectProvider<CodeMasters> codes;

	private final ObjectProvider<ClosedDays> closedDays;

	private final MessageSource messages;

	private final Clock clock;

	Findings(ObjectProvider<RelationshipMaster> relationships, ObjectProvider<FontCoverage> font,
			ObjectProvider<ClosedDays> closedDays, ObjectProvider<CodeMasters> codes, MessageSource messages,
			Clock clock) {
		this.relationships = relationships;
		this.codes = codes;
		this.font = font;
		this.closedDays = closedDays;
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
		Set<String> known = relationshipsValidOn(filedOn);
		List<Person> persons = content.persons();
		if (persons.isEmpty()) {
			add(found, "PERSONS_MISSING", Severity.ERROR, "persons");
		}
		for (int i = 0; i < persons.size(); i++) {
			person(persons.get(i), "persons[" + i + "]", filedOn, known, found);
		}
		residenceAddressEndorsement(content, found);
		return List.copyOf(found);
	}

	/**
	 * The 続柄 a notification filed on {@code filedOn} may use: the master's codes valid
	 * that day (a code retired before it is unknown, one retired after it still counts);
	 * the public role, without the master, checks the shipped list.
	 */
	private Set<String> relationshipsValidOn(LocalDate filedOn) {
		CodeMasters masters = codes.getIfAvailable();
		return (masters != null) ? masters.labelsValidOn(CodeList.RELATIONSHIPS, filedOn) : Set.copyOf(relationships());
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
		ClosedDays calendar = closedDays.getIfAvailable(ClosedDays::standard);
		LocalDate lastDayOnTime = calendar.deadline(movedOn.plusDays(FILING_PERIOD_DAYS));
		if (filedOn.isAfter(lastDayOnTime)) {
			add(found, "FILED_LATE", Severity.WARNING, "filedOn", JapaneseDates.formatWithGregorian(lastDayOnTime));
		}
		if (type == NotificationType.MOVE_IN && content.variant() == Variant.SPECIAL) {
			LocalDate planned = content.plannedMoveOutOn();
			if (planned == null) {
				add(found, "PLANNED_MOVE_OUT_MISSING", Severity.ERROR, "plannedMoveOutOn");
				return;
			}
			LocalDate limit = min(lastDayOnTime,
					calendar.deadline(planned.plusDays(SPECIAL_MOVE_IN_AFTER_PLANNED_MOVE_OUT_DAYS)));
			if (filedOn.isAfter(limit)) {
				add(found, "SPECIAL_MOVE_IN_EXPIRED", Severity.ERROR, "filedOn",
						JapaneseDates.formatWithGregorian(limit));
			}
		}
	}

	/**
	 * Whom the persons live with afterwards. A new household has its head among them; an
	 * existing one they join (or move with) is named by its head unless the head moves
	 * too. A 世帯変更 says by its kind what it needs: 世帯主変更 the new head among the members;
	 * 世帯分離 the new head and the household left; 世帯合併 and 世帯構成変更 the household joined and
	 * the household left, so that no person is left without a household.
	 */
	private void household(NotificationContent content, Found found) {
		long heads = content.persons().stream().filter(p -> HEAD.equals(p.relationship())).count();
		Household household = content.household();
		String headName = (household != null) ? household.headName() : null;
		String previousHeadName = (household != null) ? household.previousHeadName() : null;
		if (content.type() == NotificationType.HOUSEHOLD_CHANGE) {
			Variant kind = content.variant();
			boolean newHead = kind == Variant.HEAD_CHANGE || kind == Variant.SEPARATION;
			if (newHead && heads == 0) {
				add(found, "HOUSEHOLD_NEW_HEAD_MISSING", Severity.ERROR, "persons", relationshipsListed(content));
			}
			if (!newHead && blank(headName)) {
				add(found, "HOUSEHOLD_JOINED_HEAD_MISSING", Severity.ERROR, "household.headName");
			}
			if (kind != Variant.HEAD_CHANGE && blank(previousHeadName)) {
				add(found, "HOUSEHOLD_PREVIOUS_HEAD_MISSING", Severity.ERROR, "household.previousHeadName");
			}
		}
		else if (household != null && Boolean.TRUE.equals(household.newHousehold())) {
			if (heads == 0) {
				add(found, "HOUSEHOLD_NEW_HEAD_MISSING", Severity.ERROR, "persons", relationshipsListed(content));
			}
		}
		else if (heads == 0 && blank(headName)) {
			add(found, "HEAD_OF_HOUSEHOLD_MISSING", Severity.ERROR, "household.headName");
		}
		if (heads > 1) {
			add(found, "MULTIPLE_HEADS_OF_HOUSEHOLD", Severity.ERROR, "persons");
		}
		if (headName != null) {
			unprintable(headName, "household.headName", found);
		}
		if (previousHeadName != null) {
			unprintable(previousHeadName, "household.previousHeadName", found);
		}
	}

	/** The 続柄 the persons were given, for a message: "妻、子" ("-" for none). */
	private static String relationshipsListed(NotificationContent content) {
		String listed = content.persons()
			.stream()
			.map(Person::relationship)
			.filter(r -> !blank(r))
			.distinct()
			.collect(Collectors.joining("、"));
		return listed.isEmpty() ? "-" : listed;
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
			foreignResident(person.foreignResident(), path + ".foreignResident", filedOn, found);
		}
		unprintable(person.familyName(), path + ".familyName", found);
		unprintable(person.givenName(), path + ".givenName", found);
		unprintable(person.formerSurname(), path + ".formerSurname", found);
	}

	private void foreignResident(ForeignResident resident, String path, LocalDate filedOn, Found found) {
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
		// The period of stay ended before the filing: the person may still be in Japan
		// lawfully while a renewal applied for in time is decided (入管法 §20 ⑥, the card
		// says 申請中 on its back), so staff check the card, and the immigration bureau
		// decides the rest. A warning, not an error: the law does not refuse the filing.
		if (resident.periodOfStayEndsOn() != null && resident.periodOfStayEndsOn().isBefore(filedOn)) {
			add(found, "FOREIGN_STAY_EXPIRED", Severity.WARNING, path + ".periodOfStayEndsOn",
					JapaneseDates.formatWithGregorian(resident.periodOfStayEndsOn()));
		}
	}

	/**
	 * 転入届 and 転居届 of a card holder count as the 住居地 notification (入管法第19条の9, 入管特例法): the
	 * new address is written on the back of the card at the counter.
	 */
	private void residenceAddressEndorsement(NotificationContent content, Found found) {
		if (content.type() != NotificationType.MOVE_IN && content.type() != NotificationType.MOVE_WITHIN) {
			return;
		}
		List<Person> persons = content.persons();
		for (int i = 0; i < persons.size(); i++) {
			ForeignResident resident = persons.get(i).foreignResident();
			if (resident != null && (resident.category() == ForeignResidentCategory.MID_TO_LONG_TERM
					|| resident.category() == ForeignResidentCategory.SPECIAL_PERMANENT)) {
				add(found, "RESIDENCE_ADDRESS_ENDORSEMENT", Severity.INFO,
						"persons[" + i + "].foreignResident.residenceCardNumber");
			}
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
