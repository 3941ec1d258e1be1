package jp.madoguchi.moving.domain;

import java.util.List;
import java.util.UUID;

/**
 * The households as recorded when drafts were started from the resident record (the
 * before of their before and after).
 */
public interface RecordedHouseholds {

	void add(UUID notificationId, List<RecordedHousehold> households);

	/** The households kept with the draft, empty for one entered by hand. */
	List<RecordedHousehold> find(UUID notificationId);

}
