package jp.madoguchi.moving.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.moving.NotificationContent.Filer;
import jp.madoguchi.moving.NotificationContent.FilerKind;
import jp.madoguchi.moving.NotificationContent.ForeignResident;
import jp.madoguchi.moving.NotificationContent.ForeignResidentCategory;
import jp.madoguchi.moving.NotificationContent.HealthInsurance;
import jp.madoguchi.moving.NotificationContent.Household;
import jp.madoguchi.moving.NotificationContent.HouseholdFacts;
import jp.madoguchi.moving.NotificationContent.IdentityDocument;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationContent.PersonFacts;
import jp.madoguchi.moving.NotificationContent.Sex;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.text.DateParseException;
import jp.madoguchi.text.JapaneseDates;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.BindingResult;

/**
 * The staff screen's form: plain public fields bound by direct field access, dates kept
 * as typed (和暦 shorthand such as R7.4.1 is accepted) so a mistyped date is shown back,
 * not lost.
 */
class NotificationForm {

	public int version;

	public NotificationType type = NotificationType.MOVE_IN;

	public Variant variant = Variant.DOMESTIC;

	public String movedOn = "";

	public String filedOn = "";

	public String plannedMoveOutOn = "";

	public AddressForm newAddress = new AddressForm();

	public AddressForm previousAddress = new AddressForm();

	public String headName = "";

	/** "true" (a new household), "false" (an existing one) or "" (not said). */
	public String newHousehold = "";

	public String previousHeadName = "";

	public boolean hasDog;

	public boolean hasMoped;

	public boolean waterService;

	public List<PersonForm> persons = new ArrayList<>();

	public @Nullable FilerKind filerKind = FilerKind.SELF;

	public String filerName = "";

	public String filerPhone = "";

	public boolean powerOfAttorney;

	public List<IdentityDocument> identityDocuments = new ArrayList<>();

	public static class AddressForm {

		public String postalCode = "";

		public String prefecture = "";

		public String city = "";

		public String town = "";

		public String block = "";

		public String building = "";

		public String country = "";

		boolean isEmpty() {
			return (postalCode + prefecture + city + town + block + building + country).isBlank();
		}

		@Nullable Address toAddress() {
			return isEmpty() ? null : new Address(blankToNull(postalCode), blankToNull(prefecture), blankToNull(city),
					blankToNull(town), blankToNull(block), building, blankToNull(country));
		}

		static AddressForm of(@Nullable Address address) {
			AddressForm form = new AddressForm();
			if (address != null) {
				form.postalCode = text(address.postalCode());
				form.prefecture = text(address.prefecture());
				form.city = text(address.city());
				form.town = text(address.town());
				form.block = text(address.block());
				form.building = text(address.building());
				form.country = text(address.country());
			}
			return form;
		}

	}

	public static class PersonForm {

		public String familyName = "";

		public String givenName = "";

		public String familyNameKana = "";

		public String givenNameKana = "";

		public String formerSurname = "";

		public String birthDate = "";

		public @Nullable Sex sex;

		public String relationship = "";

		public String myNumber = "";

		public boolean myNumberCard;

		/**
		 * 本籍 and 筆頭者 (Japanese residents): from the QR, the record or the licence's PIN
		 * 2.
		 */
		public String registeredDomicile = "";

		public String familyRegisterHead = "";

		public @Nullable HealthInsurance healthInsurance;

		public boolean careCertified;

		public boolean disabilityCertificate;

		public boolean pregnant;

		public boolean inNursery;

		public boolean publicAssistance;

		public boolean singleParent;

		public boolean foreignResident;

		public String nameAlphabet = "";

		public String nationality = "";

		public @Nullable ForeignResidentCategory category;

		public String residenceStatus = "";

		public String periodOfStay = "";

		public String periodOfStayEndsOn = "";

		public String residenceCardNumber = "";

	}

	static NotificationForm of(NotificationContent content, int version) {
		NotificationForm form = new NotificationForm();
		form.version = version;
		form.type = content.type();
		form.variant = content.variant();
		form.movedOn = date(content.movedOn());
		form.filedOn = date(content.filedOn());
		form.plannedMoveOutOn = date(content.plannedMoveOutOn());
		form.newAddress = AddressForm.of(content.newAddress());
		form.previousAddress = AddressForm.of(content.previousAddress());
		if (content.household() != null) {
			form.headName = text(content.household().headName());
			Boolean fresh = content.household().newHousehold();
			form.newHousehold = (fresh != null) ? fresh.toString() : "";
			form.previousHeadName = text(content.household().previousHeadName());
			HouseholdFacts facts = content.household().facts();
			if (facts != null) {
				form.hasDog = Boolean.TRUE.equals(facts.hasDog());
				form.hasMoped = Boolean.TRUE.equals(facts.hasMoped());
				form.waterService = Boolean.TRUE.equals(facts.waterService());
			}
		}
		for (Person person : content.persons()) {
			form.persons.add(person(person));
		}
		if (content.filer() != null) {
			form.filerKind = content.filer().kind();
			form.filerName = text(content.filer().name());
			form.filerPhone = text(content.filer().phone());
			form.powerOfAttorney = Boolean.TRUE.equals(content.filer().powerOfAttorney());
		}
		form.identityDocuments = new ArrayList<>(content.identityDocuments());
		return form;
	}

	private static PersonForm person(Person person) {
		PersonForm form = new PersonForm();
		form.familyName = text(person.familyName());
		form.givenName = text(person.givenName());
		form.familyNameKana = text(person.familyNameKana());
		form.givenNameKana = text(person.givenNameKana());
		form.formerSurname = text(person.formerSurname());
		form.birthDate = date(person.birthDate());
		form.sex = person.sex();
		form.relationship = text(person.relationship());
		form.myNumber = text(person.myNumber());
		form.myNumberCard = Boolean.TRUE.equals(person.myNumberCard());
		form.registeredDomicile = text(person.registeredDomicile());
		form.familyRegisterHead = text(person.familyRegisterHead());
		PersonFacts facts = person.facts();
		if (facts != null) {
			form.healthInsurance = facts.healthInsurance();
			form.careCertified = Boolean.TRUE.equals(facts.careCertified());
			form.disabilityCertificate = Boolean.TRUE.equals(facts.disabilityCertificate());
			form.pregnant = Boolean.TRUE.equals(facts.pregnant());
			form.inNursery = Boolean.TRUE.equals(facts.inNursery());
			form.publicAssistance = Boolean.TRUE.equals(facts.publicAssistance());
			form.singleParent = Boolean.TRUE.equals(facts.singleParent());
		}
		ForeignResident resident = person.foreignResident();
		if (resident != null) {
			form.foreignResident = true;
			form.nameAlphabet = text(resident.nameAlphabet());
			form.nationality = text(resident.nationality());
			form.category = resident.category();
			form.residenceStatus = text(resident.residenceStatus());
			form.periodOfStay = text(resident.periodOfStay());
			form.periodOfStayEndsOn = date(resident.periodOfStayEndsOn());
			form.residenceCardNumber = text(resident.residenceCardNumber());
		}
		return form;
	}

	/**
	 * The content this form describes; unreadable dates are reported to {@code errors}.
	 */
	NotificationContent toContent(BindingResult errors) {
		List<Person> people = new ArrayList<>();
		for (int i = 0; i < persons.size(); i++) {
			PersonForm p = persons.get(i);
			String path = "persons[" + i + "].";
			ForeignResident resident = p.foreignResident ? new ForeignResident(blankToNull(p.nameAlphabet), null,
					blankToNull(p.nationality), p.category, blankToNull(p.residenceStatus),
					parse(p.periodOfStayEndsOn, path + "periodOfStayEndsOn", errors),
					blankToNull(p.residenceCardNumber), null, blankToNull(p.periodOfStay)) : null;
			people.add(new Person(blankToNull(p.familyName), blankToNull(p.givenName), blankToNull(p.familyNameKana),
					blankToNull(p.givenNameKana), blankToNull(p.formerSurname),
					parse(p.birthDate, path + "birthDate", errors), p.sex, blankToNull(p.relationship),
					resident != null ? resident.nationality() : null, resident, p.myNumberCard, blankToNull(p.myNumber),
					blankToNull(p.registeredDomicile), blankToNull(p.familyRegisterHead),
					new PersonFacts(p.healthInsurance, p.careCertified, p.disabilityCertificate, p.pregnant,
							p.inNursery, p.publicAssistance, p.singleParent)));
		}
		return new NotificationContent(type, variant, parse(movedOn, "movedOn", errors),
				parse(filedOn, "filedOn", errors), parse(plannedMoveOutOn, "plannedMoveOutOn", errors),
				newAddress.toAddress(), previousAddress.toAddress(),
				new Household(blankToNull(headName), newHousehold.isBlank() ? null : Boolean.valueOf(newHousehold),
						new HouseholdFacts(hasDog, hasMoped, waterService), blankToNull(previousHeadName)),
				people, new Filer(filerKind, blankToNull(filerName), blankToNull(filerPhone), powerOfAttorney),
				identityDocuments);
	}

	private static @Nullable LocalDate parse(String typed, String field, BindingResult errors) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return JapaneseDates.parse(typed);
		}
		catch (DateParseException ex) {
			errors.rejectValue(field, "date.invalid", new Object[] { typed }, ex.getMessage());
			return null;
		}
	}

	/** Each readable date field as both calendars, to confirm what was understood. */
	java.util.Map<String, String> dateEcho() {
		java.util.Map<String, String> echo = new java.util.HashMap<>();
		echo(echo, "movedOn", movedOn);
		echo(echo, "filedOn", filedOn);
		echo(echo, "plannedMoveOutOn", plannedMoveOutOn);
		for (int i = 0; i < persons.size(); i++) {
			echo(echo, "persons[" + i + "].birthDate", persons.get(i).birthDate);
			echo(echo, "persons[" + i + "].periodOfStayEndsOn", persons.get(i).periodOfStayEndsOn);
		}
		return echo;
	}

	private static void echo(java.util.Map<String, String> echo, String field, String typed) {
		if (typed != null && !typed.isBlank()) {
			JapaneseDates.tryParse(typed).ifPresent(date -> echo.put(field, JapaneseDates.formatWithGregorian(date)));
		}
	}

	private static String date(@Nullable LocalDate date) {
		return (date != null) ? date.toString() : "";
	}

	private static String text(@Nullable String text) {
		return (text != null) ? text : "";
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
