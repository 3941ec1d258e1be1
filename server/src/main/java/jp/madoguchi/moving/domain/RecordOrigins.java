package jp.madoguchi.moving.domain;

import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.moving.RecordOrigin;

/** Where drafts started from the resident record came from. */
public interface RecordOrigins {

	void add(UUID notificationId, RecordOrigin origin);

	Optional<RecordOrigin> find(UUID notificationId);

	/** Replaces the origin of a notification that has one (staff changed items). */
	void update(UUID notificationId, RecordOrigin origin);

}
