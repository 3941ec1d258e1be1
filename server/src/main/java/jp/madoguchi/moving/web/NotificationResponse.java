package jp.madoguchi.moving.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jp.madoguchi.moving.Finding;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.NotificationView;
import org.jspecify.annotations.Nullable;

/**
 * A notification as docs/design/http-api.md answers it: the content with id, version,
 * status and findings.
 */
record NotificationResponse(UUID id, int version, NotificationStatus status, @JsonUnwrapped NotificationContent content,
		List<Finding> findings, Instant createdAt, String createdBy, Instant updatedAt, @Nullable Instant acceptedAt,
		@Nullable String acceptedBy) {

	static NotificationResponse of(NotificationView view) {
		return new NotificationResponse(view.id(), view.version(), view.status(), view.content(), view.findings(),
				view.createdAt(), view.createdBy(), view.updatedAt(), view.acceptedAt(), view.acceptedBy());
	}

}
