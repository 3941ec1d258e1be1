package jp.madoguchi.moving.domain;

import java.time.Instant;
import java.util.List;

import jp.madoguchi.moving.RecordOrigin;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marks of items filled from the resident record, named as the form names its fields,
 * and an item changed by staff leaving the record's list for 変更あり.
 */
class RecordMarksTests {

	@Test
	void itemsAreNamedAsTheFormNamesThem() {
		assertThat(RecordMarks.formField("persons[2].familyName")).isEqualTo("persons[2].familyName");
		assertThat(RecordMarks.formField("household.headName")).isEqualTo("headName");
		assertThat(RecordMarks.formField("household.previousHeadName")).isEqualTo("previousHeadName");
		assertThat(RecordMarks.formField("filer.name")).isEqualTo("filerName");
		assertThat(RecordMarks.formField("persons[0].foreignResident.nameAlphabet"))
			.isEqualTo("persons[0].nameAlphabet");
		assertThat(RecordMarks.formField("previousAddress.block")).isEqualTo("previousAddress.block");
	}

	@Test
	void aChangedItemSaysSoAndTheOthersStayFromTheRecord() {
		RecordOrigin origin = new RecordOrigin("snapshot:/x", List.of("0000123"), List.of(),
				List.of("persons[0].familyName", "persons[0].givenName", "household.headName"), Instant.EPOCH, "clerk",
				null);
		assertThat(origin.changedByStaff()).isEmpty();
		RecordOrigin changed = origin.changed(List.of("persons[0].givenName", "movedOn"));
		assertThat(changed.fromRecord()).containsExactly("persons[0].familyName", "household.headName");
		assertThat(changed.changedByStaff()).containsExactly("persons[0].givenName");
		assertThat(RecordMarks.byFormField(changed)).containsEntry("persons[0].familyName", RecordMarks.FROM_RECORD)
			.containsEntry("headName", RecordMarks.FROM_RECORD)
			.containsEntry("persons[0].givenName", RecordMarks.CHANGED)
			.doesNotContainKey("movedOn");
	}

}
