package jp.madoguchi.reception.domain;

import java.util.List;

/**
 * A queue now: who waits (in calling order), the estimate for a newcomer, who is at a
 * counter.
 */
public record QueueState(Queue queue, List<Task> waiting, int estimatedWaitMinutes, List<Task> calledNow,
		double minutesPerService, List<Task> absent) {
}
