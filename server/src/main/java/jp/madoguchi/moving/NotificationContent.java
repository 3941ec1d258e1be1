package jp.madoguchi.moving;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.madoguchi.moving.NotificationType.Variant;
import org.jspecify.annotations.Nullable;

/**
 * What a moving notification says (the API body of docs/design/http-api.md). Incomplete
 * while a draft: whatever is missing or wrong shows up as findings, not as refusals, so
 * staff can save as they go. Only malformed input (wrong types, over-long text) is
 * refused outright.
 */
public record NotificationContent(@NotNull NotificationType type, @NotNull Variant variant, @Nullable LocalDate movedOn,
		@Nullable LocalDate filedOn, @Nullable LocalDate plannedMoveOutOn, @Valid @Nullable Address newAddress,
		@Valid @Nullable Address previousAddress, @Valid @Nullable Household household,
		@Valid @Size(max = 30) @Nullable List<@Valid @NotNull Person> persons, @Valid @Nullable Filer filer,
		@Size(max = 10) @Nullable List<@NotNull IdentityDocument> identityDocuments,
		@Size(max = 10) @Nullable String moveReasonCode, @Size(max = 50) @Nullable String moveReason) {

	public NotificationContent {
		persons = (persons != null) ? List.copyOf(persons) : List.of();
		identityDocuments = (identityDocuments != null) ? List.copyOf(identityDocuments) : List.of();
	}

	/**
	 * Content without a 異動事由: the moving module fills code and label from the master by
	 * the notification's kind when it is saved.
	 */
	public NotificationContent(NotificationType type, Variant variant, @Nullable LocalDate movedOn,
			@Nullable LocalDate filedOn, @Nullable LocalDate plannedMoveOutOn, @Nullable Address newAddress,
			@Nullable Address previousAddress, @Nullable Household household, @Nullable List<Person> persons,
			@Nullable Filer filer, @Nullable List<IdentityDocument> identityDocuments) {
		this(type, variant, movedOn, filedOn, plannedMoveOutOn, newAddress, previousAddress, household, persons, filer,
				identityDocuments, null, null);
	}

	/**
	 * The date ages and deadlines count from: the move, or the filing when no move date
	 * is known.
	 */
	public @Nullable LocalDate referenceDate() {
		return (movedOn != null) ? movedOn : filedOn;
	}

	/** The same content with each person replaced, e.g. to mask or drop My Numbers. */
	public NotificationContent withPersons(List<Person> replaced) {
		return new NotificationContent(type, variant, movedOn, filedOn, plannedMoveOutOn, newAddress, previousAddress,
				household, replaced, filer, identityDocuments, moveReasonCode, moveReason);
	}

	/** The same content with the filing date and the 異動事由 (code and label) replaced. */
	public NotificationContent with(@Nullable LocalDate filed, @Nullable String reasonCode, @Nullable String reason) {
		return new NotificationContent(type, variant, movedOn, filed, plannedMoveOutOn, newAddress, previousAddress,
				household, persons, filer, identityDocuments, reasonCode, reason);
	}

	/** 住所: 〒, 都道府県, 市区町村, 町域, 番地, 方書 (building and room). */
	public record Address(@Size(max = 8) @Nullable String postalCode, @Size(max = 10) @Nullable String prefecture,
			@Size(max = 50) @Nullable String city, @Size(max = 100) @Nullable String town,
			@Size(max = 100) @Nullable String block, @Size(max = 200) @Nullable String building,
			@Size(max = 100) @Nullable String country) {

		/** One line as forms print it. */
		public String oneLine() {
			StringBuilder line = new StringBuilder();
			for (String part : new String[] { prefecture, city, town, block }) {
				if (part != null) {
					line.append(part);
				}
			}
			if (building != null && !building.isBlank()) {
				line.append(' ').append(building);
			}
			if (country != null && !country.isBlank()) {
				line.insert(0, country + " ");
			}
			return line.toString();
		}

	}

	/**
	 * 世帯: whether the persons form a new household ({@code newHousehold}: its head is
	 * among them) or join an existing one, named by its head ({@code headName}); for a
	 * 世帯変更 that moves persons between households (分離, 合併, 構成変更) also the head of the
	 * household they leave ({@code previousHeadName}); household facts. Absent members
	 * read as null, so bodies written before {@code previousHeadName} existed still read.
	 */
	public record Household(@Size(max = 100) @Nullable String headName, @Nullable Boolean newHousehold,
			@Valid @Nullable HouseholdFacts facts, @Size(max = 100) @Nullable String previousHeadName) {

		public Household(@Nullable String headName, @Nullable Boolean newHousehold, @Nullable HouseholdFacts facts) {
			this(headName, newHousehold, facts, null);
		}

	}

	public record HouseholdFacts(@Nullable Boolean hasDog, @Nullable Boolean hasMoped, @Nullable Boolean waterService) {
	}

	/**
	 * One person of the notification, with every item of docs/design/domain.md §3. Names
	 * are exact Unicode, variation selectors included; kana in katakana.
	 */
	public record Person(@Size(max = 100) @Nullable String familyName, @Size(max = 100) @Nullable String givenName,
			@Size(max = 100) @Nullable String familyNameKana, @Size(max = 100) @Nullable String givenNameKana,
			@Size(max = 100) @Nullable String formerSurname, @Nullable LocalDate birthDate, @Nullable Sex sex,
			@Size(max = 20) @Nullable String relationship, @Size(max = 100) @Nullable String nationality,
			@Valid @Nullable ForeignResident foreignResident, @Nullable Boolean myNumberCard,
			@Size(max = 20) @Nullable String myNumber, @Size(max = 200) @Nullable String registeredDomicile,
			@Size(max = 100) @Nullable String familyRegisterHead, @Valid @Nullable PersonFacts facts,
			@Size(max = 10) @Nullable String relationshipCode) {

		/**
		 * A person whose 続柄 is given by its label only (older clients, the paper-like
		 * forms): the code is looked up in the master when the notification is saved.
		 */
		public Person(@Nullable String familyName, @Nullable String givenName, @Nullable String familyNameKana,
				@Nullable String givenNameKana, @Nullable String formerSurname, @Nullable LocalDate birthDate,
				@Nullable Sex sex, @Nullable String relationship, @Nullable String nationality,
				@Nullable ForeignResident foreignResident, @Nullable Boolean myNumberCard, @Nullable String myNumber,
				@Nullable String registeredDomicile, @Nullable String familyRegisterHead, @Nullable PersonFacts facts) {
			this(familyName, givenName, familyNameKana, givenNameKana, formerSurname, birthDate, sex, relationship,
					nationality, foreignResident, myNumberCard, myNumber, registeredDomicile, familyRegisterHead, facts,
					null);
		}

		public String fullName() {
			String family = (familyName != null) ? familyName : "";
			String given = (givenName != null) ? givenName : "";
			return (family + " " + given).strip();
		}

		public Person withMyNumber(@Nullable String replaced) {
			return new Person(familyName, givenName, familyNameKana, givenNameKana, formerSurname, birthDate, sex,
					relationship, nationality, foreignResident, myNumberCard, replaced, registeredDomicile,
					familyRegisterHead, facts, relationshipCode);
		}

		/** The same person with the 続柄 given by code and label. */
		public Person withRelationship(@Nullable String code, @Nullable String label) {
			return new Person(familyName, givenName, familyNameKana, givenNameKana, formerSurname, birthDate, sex,
					label, nationality, foreignResident, myNumberCard, myNumber, registeredDomicile, familyRegisterHead,
					facts, code);
		}

	}

	public enum Sex {

		MALE, FEMALE, NOT_APPLICABLE

	}

	/**
	 * 外国人住民 items (§30-45): for a 中長期在留者 the card's 在留資格, 在留期間 ({@code periodOfStay} as
	 * the card writes it, e.g. "3年") and its last day, and the card number. Bodies
	 * written before {@code periodOfStay} existed still read (null).
	 */
	public record ForeignResident(@Size(max = 200) @Nullable String nameAlphabet,
			@Size(max = 100) @Nullable String alias, @Size(max = 100) @Nullable String nationality,
			@Nullable ForeignResidentCategory category, @Size(max = 100) @Nullable String residenceStatus,
			@Nullable LocalDate periodOfStayEndsOn, @Size(max = 20) @Nullable String residenceCardNumber,
			@Nullable LocalDate becameResidentOn, @Size(max = 50) @Nullable String periodOfStay) {

		public ForeignResident(@Nullable String nameAlphabet, @Nullable String alias, @Nullable String nationality,
				@Nullable ForeignResidentCategory category, @Nullable String residenceStatus,
				@Nullable LocalDate periodOfStayEndsOn, @Nullable String residenceCardNumber,
				@Nullable LocalDate becameResidentOn) {
			this(nameAlphabet, alias, nationality, category, residenceStatus, periodOfStayEndsOn, residenceCardNumber,
					becameResidentOn, null);
		}

	}

	/** The categories of 住民基本台帳法 §30-45. */
	public enum ForeignResidentCategory {

		/** 中長期在留者. */
		MID_TO_LONG_TERM,
		/** 特別永住者. */
		SPECIAL_PERMANENT,
		/** 一時庇護許可者. */
		TEMPORARY_REFUGE,
		/** 仮滞在許可者. */
		PROVISIONAL_STAY,
		/** 出生による経過滞在者. */
		TRANSITIONAL_BY_BIRTH,
		/** 国籍喪失による経過滞在者. */
		TRANSITIONAL_BY_NATIONALITY_LOSS

	}

	/** Facts the procedure guide needs; all optional. */
	public record PersonFacts(@Nullable HealthInsurance healthInsurance, @Nullable Boolean careCertified,
			@Nullable Boolean disabilityCertificate, @Nullable Boolean pregnant, @Nullable Boolean inNursery,
			@Nullable Boolean publicAssistance, @Nullable Boolean singleParent) {
	}

	public enum HealthInsurance {

		NHI, EMPLOYEE, LATE_ELDERLY, NONE

	}

	/** Who stands at the counter. */
	public record Filer(@Nullable FilerKind kind, @Size(max = 100) @Nullable String name,
			@Size(max = 30) @Nullable String phone, @Nullable Boolean powerOfAttorney) {
	}

	public enum FilerKind {

		SELF, HOUSEHOLD_MEMBER, AGENT

	}

	/** Documents that proved the filer's identity (§27). */
	public enum IdentityDocument {

		MY_NUMBER_CARD, DRIVERS_LICENSE, PASSPORT, RESIDENCE_CARD, SPECIAL_PERMANENT_RESIDENT_CERTIFICATE,
		HEALTH_INSURANCE_CARD, PENSION_BOOK, OTHER

	}

}
