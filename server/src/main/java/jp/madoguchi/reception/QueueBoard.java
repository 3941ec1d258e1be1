package jp.madoguchi.reception;

import java.util.List;

/**
 * One active queue now, without anything personal: the ticket numbers at the counters
 * (newest call first), the numbers waiting in calling order (priority first), and what
 * the estimate is made of. This is all the public site may learn of a queue.
 */
public record QueueBoard(String queue, String name, String nameEn, List<Call> calledNow, List<Integer> waiting,
		int estimatedWaitMinutes, double minutesPerService, int openCounters) {

	public QueueBoard {
		calledNow = List.copyOf(calledNow);
		waiting = List.copyOf(waiting);
	}

	/** A ticket at a counter. */
	public record Call(int ticketNumber, String counter, String counterName, String counterNameEn) {
	}

}
