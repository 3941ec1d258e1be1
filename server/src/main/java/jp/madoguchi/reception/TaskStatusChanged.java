package jp.madoguchi.reception;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A task changed status: what statistics count (waits, service times, per counter).
 *
 * @param from the previous status, null for a task just queued
 */
public record TaskStatusChanged(UUID receptionId, UUID taskId, String queue, @Nullable TaskStatus from, TaskStatus to,
		@Nullable String counter, String actor, Instant at) {
}
