package jp.madoguchi.forms.template;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.moving.NotificationContent.Address;
import org.jspecify.annotations.Nullable;

/**
 * The data a form's fields bind to: a notification, flattened for printing (labels in
 * Japanese next to the codes), with the procedures of its guide. A field's {@code bind}
 * path names a component of this record (e.g. {@code newAddress}, {@code filer.name});
 * inside a repeat over {@code persons} or {@code procedures}, a component of
 * {@link Person} or {@link Procedure}. Templates are validated against these components,
 * so a path that names nothing is caught when the template is saved.
 *
 * @param reference the notification's short reference (the first 8 characters of its id)
 * @param addressee to whom forms are addressed, e.g. 釧路市長
 * @param previousHeadName the head of the household a person leaves (世帯変更: the household
 * before the change), as given on the notification
 * @param ticketNumber the reception's ticket number when the form is printed for a
 * reception (受付票), else the notification's reference
 * @param subjects the persons the form is about: for a procedure's form the persons the
 * guide named for that procedure (e.g. those of 75 or over on 後期高齢者医療), else every person
 * of the notification
 * @param procedure the procedure the form is printed for, null for the notification's own
 * forms (住民異動届, 案内票, 受付票)
 * @param households the households before and after of a notification started from the
 * resident record, one row per person
 */
public record FormData(String notificationId, String reference, String type, String typeCode, String variant,
		String variantCode, @Nullable LocalDate movedOn, @Nullable LocalDate filedOn,
		@Nullable LocalDate plannedMoveOutOn, @Nullable Address newAddress, @Nullable Address previousAddress,
		@Nullable String headName, @Nullable String previousHeadName, @Nullable Boolean newHousehold,
		List<Person> persons, Filer filer, List<String> identityDocuments, List<Procedure> procedures,
		LocalDate printedOn, String printedAt, String addressee, String ticketNumber, List<Person> subjects,
		@Nullable Procedure procedure, List<HouseholdRow> households) {

	public FormData {
		persons = List.copyOf(persons);
		identityDocuments = List.copyOf(identityDocuments);
		procedures = List.copyOf(procedures);
		subjects = List.copyOf(subjects);
		households = List.copyOf(households);
	}

	/**
	 * Data for a form of no particular procedure, with the households before and after (a
	 * notification started from the record; empty otherwise).
	 */
	public FormData(String notificationId, String reference, String type, String typeCode, String variant,
			String variantCode, @Nullable LocalDate movedOn, @Nullable LocalDate filedOn,
			@Nullable LocalDate plannedMoveOutOn, @Nullable Address newAddress, @Nullable Address previousAddress,
			@Nullable String headName, @Nullable String previousHeadName, @Nullable Boolean newHousehold,
			List<Person> persons, Filer filer, List<String> identityDocuments, List<Procedure> procedures,
			LocalDate printedOn, String printedAt, String addressee, String ticketNumber,
			List<HouseholdRow> households) {
		this(notificationId, reference, type, typeCode, variant, variantCode, movedOn, filedOn, plannedMoveOutOn,
				newAddress, previousAddress, headName, previousHeadName, newHousehold, persons, filer,
				identityDocuments, procedures, printedOn, printedAt, addressee, ticketNumber, persons, null,
				households);
	}

	/** Data for one procedure's form, without households before and after. */
	public FormData(String notificationId, String reference, String type, String typeCode, String variant,
			String variantCode, @Nullable LocalDate movedOn, @Nullable LocalDate filedOn,
			@Nullable LocalDate plannedMoveOutOn, @Nullable Address newAddress, @Nullable Address previousAddress,
			@Nullable String headName, @Nullable String previousHeadName, @Nullable Boolean newHousehold,
			List<Person> persons, Filer filer, List<String> identityDocuments, List<Procedure> procedures,
			LocalDate printedOn, String printedAt, String addressee, String ticketNumber, List<Person> subjects,
			@Nullable Procedure procedure) {
		this(notificationId, reference, type, typeCode, variant, variantCode, movedOn, filedOn, plannedMoveOutOn,
				newAddress, previousAddress, headName, previousHeadName, newHousehold, persons, filer,
				identityDocuments, procedures, printedOn, printedAt, addressee, ticketNumber, subjects, procedure,
				List.of());
	}

	/** Data for a form of no particular procedure: its subjects are every person. */
	public FormData(String notificationId, String reference, String type, String typeCode, String variant,
			String variantCode, @Nullable LocalDate movedOn, @Nullable LocalDate filedOn,
			@Nullable LocalDate plannedMoveOutOn, @Nullable Address newAddress, @Nullable Address previousAddress,
			@Nullable String headName, @Nullable String previousHeadName, @Nullable Boolean newHousehold,
			List<Person> persons, Filer filer, List<String> identityDocuments, List<Procedure> procedures,
			LocalDate printedOn, String printedAt, String addressee, String ticketNumber) {
		this(notificationId, reference, type, typeCode, variant, variantCode, movedOn, filedOn, plannedMoveOutOn,
				newAddress, previousAddress, headName, previousHeadName, newHousehold, persons, filer,
				identityDocuments, procedures, printedOn, printedAt, addressee, ticketNumber, persons, null, List.of());
	}

	/** The same data printed for one procedure's form, about the persons given. */
	public FormData forProcedure(Procedure procedure, List<Person> subjects) {
		return new FormData(notificationId, reference, type, typeCode, variant, variantCode, movedOn, filedOn,
				plannedMoveOutOn, newAddress, previousAddress, headName, previousHeadName, newHousehold, persons, filer,
				identityDocuments, procedures, printedOn, printedAt, addressee, ticketNumber, subjects, procedure,
				households);
	}

	/** The same data with another ticket number (a reception's). */
	/**
	 * The same data with each person's My Number replaced by the one at their position
	 * (the full numbers, for a form printed by staff allowed to see them); the subjects
	 * are the same persons.
	 */
	public FormData withMyNumbers(List<@Nullable String> numbers) {
		List<Person> replaced = new java.util.ArrayList<>();
		java.util.Map<Person, Person> byPerson = new java.util.IdentityHashMap<>();
		for (int i = 0; i < persons.size(); i++) {
			Person person = persons.get(i);
			Person full = (i < numbers.size() && numbers.get(i) != null) ? person.withMyNumber(numbers.get(i)) : person;
			replaced.add(full);
			byPerson.put(person, full);
		}
		List<Person> replacedSubjects = subjects.stream().map(p -> byPerson.getOrDefault(p, p)).toList();
		return new FormData(notificationId, reference, type, typeCode, variant, variantCode, movedOn, filedOn,
				plannedMoveOutOn, newAddress, previousAddress, headName, previousHeadName, newHousehold, replaced,
				filer, identityDocuments, procedures, printedOn, printedAt, addressee, ticketNumber, replacedSubjects,
				procedure, households);
	}

	public FormData withTicket(String ticket) {
		return new FormData(notificationId, reference, type, typeCode, variant, variantCode, movedOn, filedOn,
				plannedMoveOutOn, newAddress, previousAddress, headName, previousHeadName, newHousehold, persons, filer,
				identityDocuments, procedures, printedOn, printedAt, addressee, ticket, subjects, procedure,
				households);
	}

	/**
	 * One person of the households before and after (住民記録から始めた届出): the {@code households}
	 * list, empty for a notification entered by hand.
	 *
	 * @param movement 世帯を離れる, 世帯ごと異動, 残る or 住民記録にない人
	 * @param headAfter the head afterwards, 未定 when still to be decided
	 * @param relationshipAfter the 続柄 afterwards, 要確認 when to be confirmed
	 * @param note 世帯主になる or 世帯主でなくなる, else empty
	 */
	public record HouseholdRow(String name, String movement, String householdBefore, String headBefore,
			String relationshipBefore, String headAfter, String relationshipAfter, String note) {

	}

	/**
	 * One person. {@code myNumber} is masked, unless the staff member printing holds
	 * MY_NUMBER_VIEW and the form carries it (see {@link FormData#withMyNumbers}).
	 *
	 * @param age the age on the notification's reference date
	 * @param child under 18 on the reference date (児童手当 counts to the March 31 after 18;
	 * the guide decides eligibility, the form only lists children)
	 */
	public record Person(@Nullable String familyName, @Nullable String givenName, String fullName,
			@Nullable String familyNameKana, @Nullable String givenNameKana, String fullNameKana,
			@Nullable String formerSurname, @Nullable LocalDate birthDate, @Nullable Integer age, Boolean child,
			Boolean fifteenOrOver, String sex, String sexCode, @Nullable String relationship,
			@Nullable String nationality, @Nullable String nameAlphabet, @Nullable String residenceStatus,
			@Nullable String residenceCardNumber, @Nullable Boolean myNumberCard, @Nullable String myNumber,
			String healthInsurance, String healthInsuranceCode, @Nullable String registeredDomicile,
			@Nullable String familyRegisterHead) {

		/**
		 * The same person with this My Number (the full number, for staff allowed to
		 * print it).
		 */
		public Person withMyNumber(@Nullable String number) {
			return new Person(familyName, givenName, fullName, familyNameKana, givenNameKana, fullNameKana,
					formerSurname, birthDate, age, child, fifteenOrOver, sex, sexCode, relationship, nationality,
					nameAlphabet, residenceStatus, residenceCardNumber, myNumberCard, number, healthInsurance,
					healthInsuranceCode, registeredDomicile, familyRegisterHead);
		}

	}

	/** Who filed (届出人). */
	public record Filer(String kind, String kindCode, @Nullable String name, @Nullable String phone,
			@Nullable Boolean powerOfAttorney) {

	}

	/**
	 * One procedure of the guide, in route order.
	 *
	 * @param forms the ids of the procedure's forms
	 * @param noFormReason why the procedure has no form (the master says), else null
	 * @param persons the positions (from 0) of the persons the guide named for it
	 */
	public record Procedure(Integer order, String code, String name, String department, String counter,
			List<String> documents, List<String> reasons, List<String> forms, @Nullable String noFormReason,
			List<Integer> persons) {

		public Procedure {
			documents = List.copyOf(documents);
			reasons = List.copyOf(reasons);
			forms = List.copyOf(forms);
			persons = List.copyOf(persons);
		}

		/** A procedure with no forms listed and no persons named (samples, tests). */
		public Procedure(Integer order, String code, String name, String department, String counter,
				List<String> documents, List<String> reasons) {
			this(order, code, name, department, counter, documents, reasons, List.of(), null, List.of());
		}

	}

}
