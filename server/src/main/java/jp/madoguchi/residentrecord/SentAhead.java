package jp.madoguchi.residentrecord;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Moving-out data sent ahead for a 特例転入 (引越しワンストップサービス): the 転出証明書情報 the former
 * municipality sent through 住基ネット, and the planned visit date the resident gave on
 * マイナポータル. The persons are not residents of the city yet, so they have no 宛名番号.
 *
 * @param noticeId the resident-record system's number for this data
 * @param plannedMoveOutDate 転出予定年月日
 * @param plannedVisitDate 来庁予定日
 * @param previousAddress 転出元の住所
 * @param newAddress 転出先（転入予定）の住所
 * @param headOfHousehold 世帯主の氏名
 */
public record SentAhead(String noticeId, @Nullable LocalDate plannedMoveOutDate, @Nullable LocalDate plannedVisitDate,
		Resident.@Nullable Address previousAddress, Resident.@Nullable Address newAddress,
		@Nullable String headOfHousehold, List<Person> persons) {

	public SentAhead {
		persons = (persons != null) ? List.copyOf(persons) : List.of();
	}

	/** One person of the 転出証明書情報. */
	public record Person(@Nullable String familyName, @Nullable String givenName, @Nullable String familyNameKana,
			@Nullable String givenNameKana, @Nullable LocalDate birthDate, @Nullable String sex,
			@Nullable String relationship, @Nullable String nationality) {

		public String fullName() {
			return ((familyName != null) ? familyName : "") + ((givenName != null) ? " " + givenName : "");
		}

	}

}
