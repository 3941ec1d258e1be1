package jp.madoguchi.queuestatus.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the counter side sends to the public site, and all the public site keeps: per
 * queue, numbers and counters, never a name. The receiver reads it strictly (an unknown
 * field refuses the message), so nothing else can slip into the public store.
 *
 * @param sequence grows with every message of one sender
 * @param nonce random, once per message; the receiver refuses a nonce it has seen
 * @param publishedAt when the counter side read the queues
 * @param day the Tokyo day the numbers belong to
 */
public record StatusMessage(long sequence, String nonce, Instant publishedAt, LocalDate day, List<QueueStatus> queues) {

	public StatusMessage {
		queues = List.copyOf(queues);
	}

	/** One queue. */
	public record QueueStatus(String code, String name, String nameEn, List<Call> calledNow, List<Ticket> waiting,
			int estimatedWaitMinutes, double minutesPerService, int openCounters, List<HourWait> typicalWaits) {

		public QueueStatus {
			calledNow = List.copyOf(calledNow);
			waiting = List.copyOf(waiting);
			typicalWaits = List.copyOf(typicalWaits);
		}

		/**
		 * The estimate for the ticket with {@code ahead} people before it: ceil(ahead × m
		 * / c), as the counter's own estimate.
		 */
		public int estimateFor(int ahead) {
			return (int) Math.ceil(ahead * minutesPerService / Math.max(1, openCounters));
		}

	}

	/**
	 * A ticket: its number and the queue that issued it (numbers run per queue of issue,
	 * and a ticket routed on keeps its number).
	 */
	public record Ticket(String origin, int number) {
	}

	/** A ticket at a counter. */
	public record Call(String origin, int ticketNumber, String counter, String counterName, String counterNameEn) {
	}

	/** Today's typical wait in one hour, from the statistics. */
	public record HourWait(int hour, int minutes) {
	}

}
