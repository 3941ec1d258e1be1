package jp.madoguchi.moving.domain;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A household as the resident record showed it when a draft was started from it: kept
 * with the draft so that its before and after do not change when the record does.
 *
 * @param householdId 世帯番号
 * @param headName 世帯主の氏名 as recorded
 * @param members every member, in the record's order
 */
public record RecordedHousehold(String householdId, @Nullable String headName, List<Member> members) {

	public RecordedHousehold {
		members = List.copyOf(members);
	}

	/**
	 * One member: 宛名番号, the name exactly as recorded (氏 and 名 with one space), birth date
	 * and 続柄.
	 */
	public record Member(String residentId, String name, @Nullable LocalDate birthDate, @Nullable String relationship) {
	}

}
