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
 * @param ticketNumber the reception's ticket number when the form is printed for a
 * reception (受付票), else the notification's reference
 */
public record FormData(String notificationId, String reference, String type, String typeCode, String variant,
		String variantCode, @Nullable LocalDate movedOn, @Nullable LocalDate filedOn,
		@Nullable LocalDate plannedMoveOutOn, @Nullable Address newAddress, @Nullable Address previousAddress,
		@Nullable String headName, @Nullable Boolean newHousehold, List<Person> persons, Filer filer,
		List<String> identityDocuments, List<Procedure> procedures, LocalDate printedOn, String printedAt,
		String addressee, String ticketNumber) {

	public FormData {
		persons = List.copyOf(persons);
		identityDocuments = List.copyOf(identityDocuments);
		procedures = List.copyOf(procedures);
	}

	/**
	 * One person. {@code myNumber} is masked: forms never print a full My Number.
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

	}

	/** Who filed (届出人). */
	public record Filer(String kind, String kindCode, @Nullable String name, @Nullable String phone,
			@Nullable Boolean powerOfAttorney) {

	}

	/** One procedure of the guide, in route order. */
	public record Procedure(Integer order, String code, String name, String department, String counter,
			List<String> documents, List<String> reasons) {

		public Procedure {
			documents = List.copyOf(documents);
			reasons = List.copyOf(reasons);
		}

	}

}
