package jp.madoguchi.reception.domain;

import java.time.Instant;
import java.util.UUID;

import jp.madoguchi.reception.TaskStatus;
import org.jspecify.annotations.Nullable;

/** One entry of a reception's timeline: a task changed status. */
public record TimelineEvent(long id, UUID taskId, String queue, @Nullable TaskStatus from, TaskStatus to,
		@Nullable String counter, String actor, Instant at) {
}
