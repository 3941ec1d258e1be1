package jp.madoguchi.reception.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.reception.ReceptionView;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.madoguchi.reception.domain.ReceptionLookups.subject;

/**
 * Moves a reception's task on: 対応中, 完了, 不在, back to the queue, (re)called, routed. Every
 * change is written to the timeline and the audit trail.
 */
@Service
@Transactional
public class TaskStatusChanges {

	private final ReceptionRecords records;

	private final ReceptionLookups lookups;

	private final ReceptionQueries queries;

	private final Calling calling;

	private final Routing routing;

	private final TaskTimeline timeline;

	private final AuditTrail audit;

	private final Clock clock;

	TaskStatusChanges(ReceptionRecords records, ReceptionLookups lookups, ReceptionQueries queries, Calling calling,
			Routing routing, TaskTimeline timeline, AuditTrail audit, Clock clock) {
		this.records = records;
		this.lookups = lookups;
		this.queries = queries;
		this.calling = calling;
		this.routing = routing;
		this.timeline = timeline;
		this.audit = audit;
		this.clock = clock;
	}

	public Ticket changeStatus(UUID receptionId, StatusChange change) {
		ReceptionRecord row = lookups.load(receptionId);
		Task task = records.lockTask(pick(receptionId, change.queue()).id()).orElseThrow();
		Instant now = clock.instant();
		switch (change.status()) {
			case IN_SERVICE -> timeline.record(task.startService(now));
			case DONE -> timeline.record(task.finish(now));
			case ABSENT -> timeline.record(task.markAbsent(now));
			case WAITING -> timeline.record(task.returnToQueue(now));
			case CALLED -> calling.call(task, change.counter(), now);
			case ROUTED -> routing.route(row, task, change.toQueue(), now);
		}
		records.update(task);
		audit.record(AuditEntry.success("RECEPTION_STATUS_CHANGED", subject(receptionId), "queue=" + task.queue()
				+ " status=" + change.status() + (change.toQueue() != null ? " toQueue=" + change.toQueue() : "")));
		return queries.ticket(lookups.view(row));
	}

	private Task pick(UUID receptionId, @Nullable String queue) {
		List<Task> tasks = records.tasksOf(receptionId);
		if (queue != null) {
			return tasks.stream()
				.filter(t -> t.queue().equals(queue))
				.reduce((first, second) -> second)
				.orElseThrow(() -> ProblemException.invalid("NOT_IN_QUEUE"));
		}
		UUID current = ReceptionView.currentOf(tasks.stream().map(Task::view).toList()).id();
		return tasks.stream().filter(t -> t.id().equals(current)).findFirst().orElseThrow();
	}

}
