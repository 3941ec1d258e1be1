package jp.madoguchi.moving;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a draft started from the resident record came from: the lookup's source, the 宛名番号
 * of each person (in the order of the persons; for a 特例転入 the persons have none yet), the
 * data sent ahead used, and the items filled from the record as JSON paths into the
 * content (e.g. {@code persons[0].familyName}) so that the counter screen can mark them.
 * {@code changedByStaff} holds the items that came from the record and were changed since
 * (they leave {@code fromRecord}): the screen says 変更あり for them. Origins stored before
 * it existed read with an empty list.
 */
public record RecordOrigin(String source, List<@Nullable String> residentIds, List<String> sentAheadIds,
		List<String> fromRecord, Instant lookedUpAt, String lookedUpBy, @Nullable List<String> changedByStaff) {

	public RecordOrigin {
		residentIds = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(residentIds));
		sentAheadIds = List.copyOf(sentAheadIds);
		fromRecord = List.copyOf(fromRecord);
		changedByStaff = (changedByStaff != null) ? List.copyOf(changedByStaff) : List.of();
	}

	/** The same origin after staff changed these items (from the record until now). */
	public RecordOrigin changed(List<String> items) {
		List<String> still = fromRecord.stream().filter(path -> !items.contains(path)).toList();
		List<String> changed = new java.util.ArrayList<>(changedByStaff());
		items.stream().filter(path -> fromRecord.contains(path) && !changed.contains(path)).forEach(changed::add);
		return new RecordOrigin(source, residentIds, sentAheadIds, still, lookedUpAt, lookedUpBy, changed);
	}

	@Override
	public List<String> changedByStaff() {
		return (changedByStaff != null) ? changedByStaff : List.of();
	}

}
