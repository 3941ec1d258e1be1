package jp.madoguchi.residentrecord.domain.lookup;

import java.util.List;

import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationContent.Sex;
import jp.madoguchi.moving.ResidentRecordSource;
import jp.madoguchi.residentrecord.Resident;
import jp.madoguchi.residentrecord.ResidentQuery;
import jp.madoguchi.residentrecord.ResidentRecordLookup;
import jp.madoguchi.residentrecord.ResidentRecordLookup.LookupUnavailableException;
import jp.madoguchi.residentrecord.SentAhead;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Moving's view of the resident record (ADR-19): the lookup's answers in the terms of a
 * notification, every name and kana copied as recorded, code point for code point.
 */
@Component
class RecordedResidents implements ResidentRecordSource {

	private final ResidentRecordLookup lookup;

	RecordedResidents(ResidentRecordLookup lookup) {
		this.lookup = lookup;
	}

	@Override
	public List<RecordedResident> residents(List<String> residentIds) {
		try {
			return lookup.findByIds(residentIds).stream().map(RecordedResidents::recorded).toList();
		}
		catch (LookupUnavailableException ex) {
			throw new UnavailableException(String.valueOf(ex.getMessage()), ex);
		}
	}

	@Override
	public List<RecordedResident> household(String householdId) {
		try {
			return lookup.find(new ResidentQuery(null, null, householdId))
				.stream()
				.filter(r -> householdId.equals(r.householdId()))
				.map(RecordedResidents::recorded)
				.toList();
		}
		catch (LookupUnavailableException ex) {
			throw new UnavailableException(String.valueOf(ex.getMessage()), ex);
		}
	}

	@Override
	public List<RecordedSentAhead> sentAhead(List<String> noticeIds) {
		try {
			return lookup.findSentAheadByIds(noticeIds)
				.stream()
				.map(s -> new RecordedSentAhead(s.noticeId(), s.plannedMoveOutDate(), address(s.previousAddress()),
						address(s.newAddress()), s.headOfHousehold(),
						s.persons().stream().map(RecordedResidents::person).toList()))
				.toList();
		}
		catch (LookupUnavailableException ex) {
			throw new UnavailableException(String.valueOf(ex.getMessage()), ex);
		}
	}

	@Override
	public String source() {
		return lookup.source();
	}

	private static RecordedResident recorded(Resident r) {
		return new RecordedResident(r.residentId(), r.householdId(), person(r), r.headOfHousehold(),
				address(r.address()));
	}

	private static Person person(Resident r) {
		NotificationContent.ForeignResident foreign = (r.nationality() != null || r.nameAlphabet() != null)
				? new NotificationContent.ForeignResident(r.nameAlphabet(), null, r.nationality(), null,
						r.statusOfResidence(), null, null, null)
				: null;
		return new Person(r.familyName(), r.givenName(), r.familyNameKana(), r.givenNameKana(), null, r.birthDate(),
				sex(r.sex()), r.relationship(), r.nationality(), foreign, null, null, null, null, null);
	}

	private static Person person(SentAhead.Person p) {
		return new Person(p.familyName(), p.givenName(), p.familyNameKana(), p.givenNameKana(), null, p.birthDate(),
				sex(p.sex()), p.relationship(), p.nationality(), null, null, null, null, null, null);
	}

	private static @Nullable Sex sex(@Nullable String recorded) {
		if (recorded == null) {
			return null;
		}
		for (Sex sex : Sex.values()) {
			if (sex.name().equals(recorded)) {
				return sex;
			}
		}
		return null;
	}

	private static NotificationContent.@Nullable Address address(Resident.@Nullable Address recorded) {
		if (recorded == null) {
			return null;
		}
		return new NotificationContent.Address(recorded.postalCode(), recorded.prefecture(), recorded.city(),
				recorded.town(), recorded.block(), blankAsNull(recorded.building()), null);
	}

	private static @Nullable String blankAsNull(@Nullable String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

}
