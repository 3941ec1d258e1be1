package jp.madoguchi.forms.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.madoguchi.forms.template.FormData;
import jp.madoguchi.guidance.Guide;
import jp.madoguchi.guidance.GuidedProcedure;
import jp.madoguchi.moving.HouseholdsBeforeAfter;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.reception.ReceptionView;
import org.jspecify.annotations.Nullable;

/**
 * Flattens a notification and its guide into {@link FormData}. The labels are the words
 * of the printed forms (official documents in Japanese whatever the screen language),
 * hence kept here rather than in the UI message bundles.
 */
final class FormDataFactory {

	private static final Map<String, String> TYPES = Map.of("MOVE_IN", "転入届", "MOVE_OUT", "転出届", "MOVE_WITHIN", "転居届",
			"HOUSEHOLD_CHANGE", "世帯変更届");

	private static final Map<String, String> VARIANTS = Map.of("DOMESTIC", "", "SPECIAL", "特例転入（マイナンバーカード）",
			"FROM_ABROAD", "国外からの転入", "TO_ABROAD", "国外への転出", "NONE", "", "HEAD_CHANGE", "世帯主変更", "SEPARATION", "世帯分離",
			"MERGER", "世帯合併", "RESTRUCTURE", "世帯構成変更");

	private static final Map<String, String> SEXES = Map.of("MALE", "男", "FEMALE", "女", "NOT_APPLICABLE", "―");

	private static final Map<String, String> INSURANCES = Map.of("NHI", "国民健康保険", "EMPLOYEE", "職場の健康保険", "LATE_ELDERLY",
			"後期高齢者医療", "NONE", "なし");

	private static final Map<String, String> FILERS = Map.of("SELF", "本人", "HOUSEHOLD_MEMBER", "同一世帯員", "AGENT", "代理人");

	private static final Map<String, String> DOCUMENTS = Map.of("MY_NUMBER_CARD", "マイナンバーカード", "DRIVERS_LICENSE",
			"運転免許証", "PASSPORT", "旅券", "RESIDENCE_CARD", "在留カード", "SPECIAL_PERMANENT_RESIDENT_CERTIFICATE", "特別永住者証明書",
			"HEALTH_INSURANCE_CARD", "健康保険の資格確認書等", "PENSION_BOOK", "年金手帳", "OTHER", "その他");

	private FormDataFactory() {
	}

	private static final Map<String, String> MOVEMENTS = Map.of("LEAVES", "世帯を離れる", "WHOLE_HOUSEHOLD", "世帯ごと異動",
			"STAYS", "残る", "NOT_RECORDED", "住民記録にない人");

	static FormData of(NotificationView view, Guide guide, ZonedDateTime now, String addressee) {
		return of(view, guide, now, addressee, null);
	}

	/** With the households before and after of a notification started from the record. */
	static FormData of(NotificationView view, Guide guide, ZonedDateTime now, String addressee,
			@Nullable HouseholdsBeforeAfter change) {
		NotificationContent content = view.content();
		LocalDate reference = (content.referenceDate() != null) ? content.referenceDate() : now.toLocalDate();
		List<FormData.Person> persons = new ArrayList<>();
		for (Person person : content.persons()) {
			persons.add(person(person, reference));
		}
		NotificationContent.Filer filer = content.filer();
		String filerKind = (filer != null && filer.kind() != null) ? filer.kind().name() : "";
		List<FormData.Procedure> procedures = new ArrayList<>();
		for (GuidedProcedure procedure : guide.procedures()) {
			procedures.add(new FormData.Procedure(procedures.size() + 1, procedure.code(), procedure.name(),
					procedure.department(), procedure.counter(), procedure.documents(), procedure.reasons(),
					procedure.forms(), procedure.noFormReason(), procedure.persons()));
		}
		String id = view.id().toString();
		String shortReference = id.substring(0, 8).toUpperCase(java.util.Locale.ROOT);
		return new FormData(id, shortReference, TYPES.getOrDefault(content.type().name(), content.type().name()),
				content.type().name(), VARIANTS.getOrDefault(content.variant().name(), ""), content.variant().name(),
				content.movedOn(), content.filedOn(), content.plannedMoveOutOn(), content.newAddress(),
				content.previousAddress(), headName(content),
				(content.household() != null) ? content.household().previousHeadName() : null,
				(content.household() != null) ? content.household().newHousehold() : null, persons,
				new FormData.Filer(FILERS.getOrDefault(filerKind, ""), filerKind, (filer != null) ? filer.name() : null,
						(filer != null) ? filer.phone() : null, (filer != null) ? filer.powerOfAttorney() : null),
				content.identityDocuments().stream().map(d -> DOCUMENTS.getOrDefault(d.name(), d.name())).toList(),
				procedures, now.toLocalDate(), now.format(DateTimeFormatter.ofPattern("HH:mm")), addressee,
				shortReference, households(change));
	}

	/** The before and after as printed: labels in Japanese, what is open said so. */
	private static List<FormData.HouseholdRow> households(@Nullable HouseholdsBeforeAfter change) {
		if (change == null) {
			return List.of();
		}
		return change.persons()
			.stream()
			.map(row -> new FormData.HouseholdRow(row.name(), MOVEMENTS.getOrDefault(row.movement().name(), ""),
					(row.householdIdBefore() != null) ? row.householdIdBefore() : "",
					(row.headBefore() != null) ? row.headBefore() : "―",
					(row.relationshipBefore() != null) ? row.relationshipBefore() : "―",
					(row.headAfter() != null) ? row.headAfter() : "未定",
					(row.relationshipAfter() != null) ? row.relationshipAfter() : "要確認",
					row.becomesHead() ? "世帯主になる" : row.headLeavesOffice() ? "世帯主でなくなる" : ""))
			.toList();
	}

	/**
	 * The same data printed for a reception: its ticket number instead of the
	 * notification's reference.
	 */
	static FormData withTicket(FormData data, String ticketNumber) {
		return data.withTicket(ticketNumber);
	}

	/**
	 * The data for one form: a form of a procedure of the guide is about the persons the
	 * guide named for that procedure (the first procedure naming the form decides); any
	 * other form is about every person.
	 */
	static FormData forForm(FormData data, String formId) {
		for (FormData.Procedure procedure : data.procedures()) {
			if (procedure.forms().contains(formId)) {
				List<FormData.Person> subjects = procedure.persons()
					.stream()
					.filter(i -> i >= 0 && i < data.persons().size())
					.map(data.persons()::get)
					.toList();
				return data.forProcedure(procedure, subjects);
			}
		}
		return data;
	}

	/**
	 * A reception without a notification (a visit for another matter): the ticket, the
	 * name given at the desk and the time; no persons, no procedures.
	 */
	static FormData ofReception(ReceptionView reception, ZonedDateTime now, String addressee) {
		String id = reception.id().toString();
		return new FormData(id, id.substring(0, 8).toUpperCase(java.util.Locale.ROOT), "", reception.originQueue(), "",
				"", null, null, null, null, null, null, null, null, List.of(),
				new FormData.Filer("", "", reception.name(), null, null), List.of(), List.of(), now.toLocalDate(),
				now.format(DateTimeFormatter.ofPattern("HH:mm")), addressee,
				Integer.toString(reception.ticketNumber()));
	}

	private static FormData.Person person(Person person, LocalDate reference) {
		Integer age = (person.birthDate() != null && !person.birthDate().isAfter(reference))
				? Period.between(person.birthDate(), reference).getYears() : null;
		String sex = (person.sex() != null) ? person.sex().name() : "";
		String insurance = (person.facts() != null && person.facts().healthInsurance() != null)
				? person.facts().healthInsurance().name() : "";
		String kana = join(person.familyNameKana(), person.givenNameKana());
		return new FormData.Person(person.familyName(), person.givenName(), person.fullName(), person.familyNameKana(),
				person.givenNameKana(), kana, person.formerSurname(), person.birthDate(), age, age != null && age < 18,
				age != null && age >= 15, SEXES.getOrDefault(sex, ""), sex, person.relationship(), person.nationality(),
				(person.foreignResident() != null) ? person.foreignResident().nameAlphabet() : null,
				(person.foreignResident() != null) ? person.foreignResident().residenceStatus() : null,
				(person.foreignResident() != null) ? person.foreignResident().residenceCardNumber() : null,
				person.myNumberCard(), person.myNumber(), INSURANCES.getOrDefault(insurance, ""), insurance,
				person.registeredDomicile(), person.familyRegisterHead());
	}

	/** The head named on the household, else the person whose 続柄 is 世帯主. */
	private static @Nullable String headName(NotificationContent content) {
		if (content.household() != null && content.household().headName() != null
				&& !content.household().headName().isBlank()) {
			return content.household().headName();
		}
		return content.persons()
			.stream()
			.filter(p -> "世帯主".equals(p.relationship()))
			.map(Person::fullName)
			.findFirst()
			.orElse(null);
	}

	private static String join(@Nullable String family, @Nullable String given) {
		return (((family != null) ? family : "") + " " + ((given != null) ? given : "")).strip();
	}

}
