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
		@Size(max = 10) @Nullable List<@NotNull IdentityDocument> identityDocuments) {

	public NotificationContent {
		persons = (persons != null) ? List.copyOf(persons) : List.of();
		identityDocuments = (identityDocuments != null) ? List.copyOf(identityDocuments) : List.of();
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
				household, replaced, filer, identityDocuments);
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
	 * 世帯: the head's name (when the head is not among the persons) and household facts.
	 */
	public record Household(@Size(max = 100) @Nullable String headName, @Nullable Boolean newHousehold,
			@Valid @Nullable HouseholdFacts facts) {
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
			@Size(max = 100) @Nullable String familyRegisterHead, @Valid @Nullable PersonFacts facts) {

		public String fullName() {
			String family = (familyName != null) ? familyName : "";
			String given = (givenName != null) ? givenName : "";
			return (family + " " + given).strip();
		}

		public Person withMyNumber(@Nullable String replaced) {
			return new Person(familyName, givenName, familyNameKana, givenNameKana, formerSurname, birthDate, sex,
					relationship, nationality, foreignResident, myNumberCard, replaced, registeredDomicile,
					familyRegisterHead, facts);
		}

	}

	public enum Sex {

		MALE, FEMALE, NOT_APPLICABLE

	}

	/** 外国人住民 items (§30-45). */
	public record ForeignResident(@Size(max = 200) @Nullable String nameAlphabet,
			@Size(max = 100) @Nullable String alias, @Size(max = 100) @Nullable String nationality,
			@Nullable ForeignResidentCategory category, @Size(max = 100) @Nullable String residenceStatus,
			@Nullable LocalDate periodOfStayEndsOn, @Size(max = 20) @Nullable String residenceCardNumber,
			@Nullable LocalDate becameResidentOn) {
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
