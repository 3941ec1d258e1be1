package jp.madoguchi.moving;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.moving.NotificationContent.Person;
import org.jspecify.annotations.Nullable;

/**
 * What the city's resident record says now, in the terms of a notification: the
 * resident-record link implements it over its lookup, so that a 転居, 転出 or 世帯変更 can start
 * from the record and a 特例転入 from the data sent ahead (ADR-19). Moving owns the port
 * because the resident-record link already depends on moving.
 */
public interface ResidentRecordSource {

	/**
	 * The residents with these 宛名番号, in the order asked; ids the record does not have (or
	 * no longer has) are left out.
	 * @throws UnavailableException when the record cannot be read or reached
	 */
	List<RecordedResident> residents(List<String> residentIds);

	/**
	 * Every member of the household with this 世帯番号, in the record's order (the before of
	 * a draft's before and after); empty when the record has no such household.
	 * @throws UnavailableException when the record cannot be read or reached
	 */
	List<RecordedResident> household(String householdId);

	/**
	 * The data sent ahead with these numbers, in the order asked; unknown ones left out.
	 * @throws UnavailableException when the record cannot be read or reached
	 */
	List<RecordedSentAhead> sentAhead(List<String> noticeIds);

	/** Where the answers come from, e.g. {@code snapshot:/path} (kept with the draft). */
	String source();

	/**
	 * One resident as recorded: the person (names exactly as recorded, 続柄 as a label),
	 * the household and its head, the current address.
	 */
	record RecordedResident(String residentId, @Nullable String householdId, Person person,
			@Nullable String headOfHousehold, @Nullable Address address) {
	}

	/** Moving-out data sent ahead (特例転入): the persons, 転出元, 転出予定日, the head. */
	record RecordedSentAhead(String noticeId, @Nullable LocalDate plannedMoveOutOn, @Nullable Address previousAddress,
			@Nullable Address newAddress, @Nullable String headOfHousehold, List<Person> persons) {

		public RecordedSentAhead {
			persons = List.copyOf(persons);
		}

	}

	/** The record could not answer; the message says why, in Japanese. */
	class UnavailableException extends RuntimeException {

		public UnavailableException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
