package jp.madoguchi.reception.domain;

import jp.madoguchi.reception.TaskStatus;
import org.jspecify.annotations.Nullable;

/** A change asked for through {@code POST /api/v1/receptions/{id}/status}. */
public record StatusChange(TaskStatus status, @Nullable String toQueue, @Nullable String counter,
		@Nullable String queue) {
}
