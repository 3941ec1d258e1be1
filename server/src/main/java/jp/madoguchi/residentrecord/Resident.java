package jp.madoguchi.residentrecord;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One person as the resident-record system knows them now (a row of the city's snapshot
 * or an answer of its lookup API). Names are exact Unicode, variation selectors included.
 *
 * @param residentId 宛名番号 (the city's person number, not the My Number)
 * @param householdId 世帯番号
 * @param sex {@code MALE}, {@code FEMALE} or {@code NOT_APPLICABLE}
 * @param relationship 続柄 as seen from the head of household
 * @param headOfHousehold 世帯主の氏名
 * @param becameResidentOn 住民となった年月日
 * @param addressSince 住所を定めた年月日
 * @param nationality 国籍・地域 of a foreign resident, else null
 * @param nameAlphabet 氏名（アルファベット表記） of a foreign resident
 * @param statusOfResidence 在留資格 of a foreign resident
 */
public record Resident(String residentId, @Nullable String householdId, @Nullable String familyName,
		@Nullable String givenName, @Nullable String familyNameKana, @Nullable String givenNameKana,
		@Nullable LocalDate birthDate, @Nullable String sex, @Nullable String relationship,
		@Nullable String headOfHousehold, @Nullable Address address, @Nullable LocalDate becameResidentOn,
		@Nullable LocalDate addressSince, @Nullable String nationality, @Nullable String nameAlphabet,
		@Nullable String statusOfResidence) {

	/**
	 * 氏 and 名 as recorded, with one space between them (the card and the forms show it
	 * so).
	 */
	public String fullName() {
		return ((familyName != null) ? familyName : "") + ((givenName != null) ? " " + givenName : "");
	}

	/** 住所 and 方書, in the parts a notification form has. */
	public record Address(@Nullable String postalCode, @Nullable String prefecture, @Nullable String city,
			@Nullable String town, @Nullable String block, @Nullable String building) {
	}

}
