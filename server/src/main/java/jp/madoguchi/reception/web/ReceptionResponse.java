package jp.madoguchi.reception.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.reception.Priority;
import jp.madoguchi.reception.ReceptionSource;
import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.reception.TaskStatus;
import jp.madoguchi.reception.TaskView;
import jp.madoguchi.reception.domain.ReceptionDetail;
import jp.madoguchi.reception.domain.TimelineEvent;
import jp.madoguchi.reception.domain.Ticket;
import org.jspecify.annotations.Nullable;

/**
 * A reception as the API answers it (docs/design/http-api.md "Reception and queues"):
 * {@code queue}, {@code status} and {@code counter} are those of its current task;
 * {@code position} and {@code estimatedWaitMinutes} count while it waits (0 otherwise).
 * {@code tasks} lists every queue it went through; {@code timeline} comes with {@code GET
 * /receptions/{id}}. {@code sentAheadNotice} is the number of the moving-out data sent
 * ahead (特例転入) a ticket from the board's 本日来庁予定 was issued for.
 */
record ReceptionResponse(UUID id, LocalDate date, int ticketNumber, String queue, TaskStatus status,
		@Nullable String counter, int position, int estimatedWaitMinutes, @Nullable Priority priority,
		@Nullable UUID notificationId, ReceptionSource source, @Nullable String name, OffsetDateTime createdAt,
		String createdBy, List<TaskResponse> tasks, @Nullable List<TimelineEntry> timeline,
		@Nullable String sentAheadNotice) {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	static ReceptionResponse of(Ticket ticket) {
		return of(ticket, null);
	}

	static ReceptionResponse of(Ticket ticket, @Nullable List<TimelineEvent> events) {
		ReceptionView r = ticket.reception();
		TaskView current = r.current();
		return new ReceptionResponse(r.id(), r.day(), r.ticketNumber(), current.queue(), current.status(),
				current.counter(), ticket.position(), ticket.estimatedWaitMinutes(), r.priority(), r.notificationId(),
				r.source(), r.name(), time(r.createdAt()), r.createdBy(),
				r.tasks().stream().map(TaskResponse::of).toList(),
				(events != null) ? events.stream().map(TimelineEntry::of).toList() : null, r.sentAheadNotice());
	}

	static ReceptionResponse of(ReceptionDetail detail, Ticket ticket) {
		return of(ticket, detail.timeline());
	}

	static @Nullable OffsetDateTime time(@Nullable Instant instant) {
		return (instant != null) ? instant.atZone(TOKYO).toOffsetDateTime() : null;
	}

	record TaskResponse(UUID id, String queue, TaskStatus status, boolean priority, @Nullable String counter,
			OffsetDateTime enqueuedAt, @Nullable OffsetDateTime calledAt, @Nullable OffsetDateTime serviceStartedAt,
			@Nullable OffsetDateTime finishedAt, List<String> procedures) {

		static TaskResponse of(TaskView task) {
			return new TaskResponse(task.id(), task.queue(), task.status(), task.priority(), task.counter(),
					time(task.enqueuedAt()), time(task.calledAt()), time(task.serviceStartedAt()),
					time(task.finishedAt()), task.procedures());
		}

	}

	/** One status change: who, when, from, to, at which counter. */
	record TimelineEntry(UUID taskId, String queue, @Nullable TaskStatus from, TaskStatus to, @Nullable String counter,
			String actor, OffsetDateTime at) {

		static TimelineEntry of(TimelineEvent event) {
			return new TimelineEntry(event.taskId(), event.queue(), event.from(), event.to(), event.counter(),
					event.actor(), time(event.at()));
		}

	}

}
