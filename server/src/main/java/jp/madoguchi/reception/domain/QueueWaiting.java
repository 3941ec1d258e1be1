package jp.madoguchi.reception.domain;

import java.time.Instant;

/** How many wait in one queue on a day, and since when the longest-waiting one. */
public record QueueWaiting(String queue, int count, Instant oldestEnqueuedAt) {
}
