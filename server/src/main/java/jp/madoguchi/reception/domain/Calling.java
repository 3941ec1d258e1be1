package jp.madoguchi.reception.domain;

import java.time.Clock;
import java.time.Instant;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.CurrentActor;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.reception.TaskStatus;
import jp.madoguchi.reception.TicketCalled;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.madoguchi.reception.domain.ReceptionLookups.subject;

/**
 * 呼出: calls residents to a counter and tells the displays ({@link TicketCalled}).
 */
@Service
@Transactional
public class Calling {

	private final ReceptionRecords records;

	private final ReceptionLookups lookups;

	private final ReceptionQueries queries;

	private final TaskTimeline timeline;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Calling(ReceptionRecords records, ReceptionLookups lookups, ReceptionQueries queries, TaskTimeline timeline,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.lookups = lookups;
		this.queries = queries;
		this.timeline = timeline;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * 次の方を呼出: the longest-waiting task of the queue today, priority first. Concurrent
	 * callers skip each other's locked rows, so each gets a different reception.
	 */
	public Ticket callNext(String queueCode, String counterCode) {
		Queue queue = lookups.activeQueue(queueCode);
		ReceptionLookups.requireCounter(queue, counterCode);
		Task task = records.lockNextWaiting(queue.code(), lookups.today())
			.orElseThrow(() -> ProblemException.notFound("QUEUE_EMPTY"));
		Task.Change change = task.call(counterCode, CurrentActor.name(), clock.instant());
		records.update(task);
		timeline.record(change);
		announce(task, false);
		audit.record(AuditEntry.success("RECEPTION_CALLED", subject(task.receptionId()), "queue=" + queue.code()
				+ " ticket=" + task.ticketNumber() + " counter=" + counterCode + " priority=" + task.priority()));
		return queries.ticket(lookups.view(lookups.load(task.receptionId())));
	}

	/**
	 * Calls a task (locked by the caller, stored by the caller) to a counter, by default
	 * the one it was called to before; calling a called task again is a recall.
	 */
	public void call(Task task, @Nullable String toCounter, Instant now) {
		String counter = (toCounter != null) ? toCounter : task.counter();
		if (counter == null) {
			throw ProblemException.invalid("COUNTER_REQUIRED");
		}
		ReceptionLookups.requireCounter(lookups.activeQueue(task.queue()), counter);
		boolean recall = task.status() == TaskStatus.CALLED;
		timeline.record(task.call(counter, CurrentActor.name(), now));
		announce(task, recall);
	}

	/**
	 * The display hears this inside the transaction and NOTIFYs, which fires on commit.
	 */
	private void announce(Task task, boolean recall) {
		events.publishEvent(new TicketCalled(task.receptionId(), task.id(), task.queue(), task.ticketNumber(),
				task.counter(), recall, clock.instant()));
	}

}
