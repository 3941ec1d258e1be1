package jp.madoguchi.reception;

import java.util.List;

/**
 * One active queue now, without anything personal: the ticket numbers at the counters
 * (newest call first), the numbers waiting in calling order (priority first), and what
 * the estimate is made of. This is all the public site may learn of a queue.
 */
public record QueueBoard(String queue, String name, String nameEn, List<Call> calledNow, List<Ticket> waiting,
		int estimatedWaitMinutes, double minutesPerService, int openCounters) {

	public QueueBoard {
		calledNow = List.copyOf(calledNow);
		waiting = List.copyOf(waiting);
	}

	/**
	 * A ticket as the slip names it: numbers run per queue of issue, so the number alone
	 * does not tell two tickets apart once one is routed on to another queue.
	 */
	public record Ticket(String originQueue, int number) {
	}

	/** A ticket at a counter. */
	public record Call(String originQueue, int ticketNumber, String counter, String counterName, String counterNameEn) {
	}

}
