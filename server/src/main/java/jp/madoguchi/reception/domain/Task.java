package jp.madoguchi.reception.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.reception.TaskStatus;
import jp.madoguchi.reception.TaskView;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A reception's turn in one queue. Every change goes through a guarded method that
 * answers the change it made ({@link Change}) for the timeline; a change the state does
 * not allow (done → waiting, calling a finished task) is refused with 409
 * {@code INVALID_TRANSITION}.
 */
public final class Task {

	/** Which status may follow which. CALLED → CALLED is a recall. */
	private static final Map<TaskStatus, Set<TaskStatus>> ALLOWED = Map
		.of(TaskStatus.WAITING, EnumSet.of(TaskStatus.CALLED, TaskStatus.ROUTED, TaskStatus.ABSENT), TaskStatus.CALLED,
				EnumSet.of(TaskStatus.CALLED, TaskStatus.IN_SERVICE, TaskStatus.ABSENT, TaskStatus.ROUTED,
						TaskStatus.DONE),
				TaskStatus.IN_SERVICE, EnumSet.of(TaskStatus.DONE, TaskStatus.ROUTED), TaskStatus.ABSENT,
				EnumSet.of(TaskStatus.WAITING, TaskStatus.CALLED), TaskStatus.DONE, EnumSet.noneOf(TaskStatus.class),
				TaskStatus.ROUTED, EnumSet.noneOf(TaskStatus.class));

	private final UUID id;

	private final UUID receptionId;

	private final String queue;

	private final LocalDate day;

	private final int ticketNumber;

	private final boolean priority;

	private final @Nullable UUID routedFrom;

	private final List<String> procedures;

	private final int version;

	private TaskStatus status;

	private @Nullable String counter;

	private Instant enqueuedAt;

	private @Nullable Instant calledAt;

	private @Nullable String calledBy;

	private @Nullable Instant serviceStartedAt;

	private @Nullable Instant finishedAt;

	public Task(UUID id, UUID receptionId, String queue, LocalDate day, int ticketNumber, TaskStatus status,
			boolean priority, @Nullable String counter, Instant enqueuedAt, @Nullable Instant calledAt,
			@Nullable String calledBy, @Nullable Instant serviceStartedAt, @Nullable Instant finishedAt,
			@Nullable UUID routedFrom, List<String> procedures, int version) {
		this.id = id;
		this.receptionId = receptionId;
		this.queue = queue;
		this.day = day;
		this.ticketNumber = ticketNumber;
		this.status = status;
		this.priority = priority;
		this.counter = counter;
		this.enqueuedAt = enqueuedAt;
		this.calledAt = calledAt;
		this.calledBy = calledBy;
		this.serviceStartedAt = serviceStartedAt;
		this.finishedAt = finishedAt;
		this.routedFrom = routedFrom;
		this.procedures = List.copyOf(procedures);
		this.version = version;
	}

	/** A new task waiting at the end of its queue (priority ones ahead of the rest). */
	public static Task waiting(UUID receptionId, String queue, LocalDate day, int ticketNumber, boolean priority,
			@Nullable UUID routedFrom, List<String> procedures, Instant now) {
		return new Task(UUID.randomUUID(), receptionId, queue, day, ticketNumber, TaskStatus.WAITING, priority, null,
				now, null, null, null, null, routedFrom, procedures, 0);
	}

	/** One status change, as the timeline keeps it. */
	public record Change(Task task, @Nullable TaskStatus from, TaskStatus to, @Nullable String counter, Instant at) {
	}

	public static Change queued(Task task) {
		return new Change(task, null, TaskStatus.WAITING, null, task.enqueuedAt);
	}

	/** 呼出: to a counter; calling a called task again is a recall to the same counter. */
	public Change call(String toCounter, String actor, Instant now) {
		TaskStatus before = guard(TaskStatus.CALLED);
		if (before == TaskStatus.CALLED && counter != null && !counter.equals(toCounter)) {
			throw transitionRefused(before, TaskStatus.CALLED);
		}
		status = TaskStatus.CALLED;
		counter = toCounter;
		calledAt = now;
		calledBy = actor;
		return new Change(this, before, status, counter, now);
	}

	public Change startService(Instant now) {
		TaskStatus before = guard(TaskStatus.IN_SERVICE);
		status = TaskStatus.IN_SERVICE;
		serviceStartedAt = now;
		return new Change(this, before, status, counter, now);
	}

	public Change finish(Instant now) {
		return end(TaskStatus.DONE, now);
	}

	/** 回付: the task ends here; the caller queues the reception elsewhere. */
	public Change route(Instant now) {
		return end(TaskStatus.ROUTED, now);
	}

	private Change end(TaskStatus to, Instant now) {
		TaskStatus before = guard(to);
		status = to;
		finishedAt = now;
		return new Change(this, before, status, counter, now);
	}

	/** 不在: called but nobody came. */
	public Change markAbsent(Instant now) {
		TaskStatus before = guard(TaskStatus.ABSENT);
		status = TaskStatus.ABSENT;
		return new Change(this, before, status, counter, now);
	}

	/**
	 * The resident came back after being marked absent: the task waits again at its old
	 * place (its original queueing time), so it is called next rather than last.
	 */
	public Change returnToQueue(Instant now) {
		TaskStatus before = guard(TaskStatus.WAITING);
		status = TaskStatus.WAITING;
		counter = null;
		return new Change(this, before, status, null, now);
	}

	private TaskStatus guard(TaskStatus to) {
		if (!ALLOWED.get(status).contains(to)) {
			throw transitionRefused(status, to);
		}
		return status;
	}

	private static ProblemException transitionRefused(TaskStatus from, TaskStatus to) {
		return new ProblemException(HttpStatus.CONFLICT, "INVALID_TRANSITION",
				Map.of("from", from.name(), "to", to.name()), from.name(), to.name());
	}

	public TaskView view() {
		return new TaskView(id, queue, status, priority, counter, enqueuedAt, calledAt, serviceStartedAt, finishedAt,
				procedures);
	}

	public UUID id() {
		return id;
	}

	public UUID receptionId() {
		return receptionId;
	}

	public String queue() {
		return queue;
	}

	public LocalDate day() {
		return day;
	}

	public int ticketNumber() {
		return ticketNumber;
	}

	public TaskStatus status() {
		return status;
	}

	public boolean priority() {
		return priority;
	}

	public @Nullable String counter() {
		return counter;
	}

	public Instant enqueuedAt() {
		return enqueuedAt;
	}

	public @Nullable Instant calledAt() {
		return calledAt;
	}

	public @Nullable String calledBy() {
		return calledBy;
	}

	public @Nullable Instant serviceStartedAt() {
		return serviceStartedAt;
	}

	public @Nullable Instant finishedAt() {
		return finishedAt;
	}

	public @Nullable UUID routedFrom() {
		return routedFrom;
	}

	public List<String> procedures() {
		return procedures;
	}

	public int version() {
		return version;
	}

}
