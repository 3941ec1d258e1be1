package jp.madoguchi.reception;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A reception's turn in one queue as others see it.
 *
 * @param procedures the procedure codes (from the guide) this task is for, if routed by
 * the guide
 */
public record TaskView(UUID id, String queue, TaskStatus status, boolean priority, @Nullable String counter,
		Instant enqueuedAt, @Nullable Instant calledAt, @Nullable Instant serviceStartedAt,
		@Nullable Instant finishedAt, List<String> procedures) {

	public TaskView {
		procedures = List.copyOf(procedures);
	}

}
