package jp.madoguchi.moving.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jp.madoguchi.moving.Finding;
import jp.madoguchi.moving.HouseholdsBeforeAfter;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.moving.RecordOrigin;
import org.jspecify.annotations.Nullable;

/**
 * A notification as docs/design/http-api.md answers it: the content with id, version,
 * status and findings; for a draft started from the resident record,
 * {@code recordOrigin}.
 */
record NotificationResponse(UUID id, int version, NotificationStatus status, @JsonUnwrapped NotificationContent content,
		List<Finding> findings, Instant createdAt, String createdBy, Instant updatedAt, @Nullable Instant acceptedAt,
		@Nullable String acceptedBy, @Nullable RecordOrigin recordOrigin,
		@Nullable HouseholdsBeforeAfter beforeAndAfter) {

	static NotificationResponse of(NotificationView view) {
		return of(view, null);
	}

	/** With where a draft started from the resident record came from (null otherwise). */
	static NotificationResponse of(NotificationView view, @Nullable RecordOrigin origin) {
		return of(view, origin, null);
	}

	/**
	 * With where a draft started from the resident record came from and its households
	 * before and after (null otherwise).
	 */
	static NotificationResponse of(NotificationView view, @Nullable RecordOrigin origin,
			@Nullable HouseholdsBeforeAfter beforeAndAfter) {
		return new NotificationResponse(view.id(), view.version(), view.status(), view.content(), view.findings(),
				view.createdAt(), view.createdBy(), view.updatedAt(), view.acceptedAt(), view.acceptedBy(), origin,
				beforeAndAfter);
	}

}
