package jp.madoguchi.moving;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A notification as other modules and the API see it. My Numbers inside are masked unless
 * the reader was allowed, and audited, to see them in full.
 */
public record NotificationView(UUID id, int version, NotificationStatus status, NotificationContent content,
		List<Finding> findings, Instant createdAt, String createdBy, Instant updatedAt, @Nullable Instant acceptedAt,
		@Nullable String acceptedBy) {

	public boolean hasErrors() {
		return findings.stream().anyMatch(Finding::isError);
	}

}
