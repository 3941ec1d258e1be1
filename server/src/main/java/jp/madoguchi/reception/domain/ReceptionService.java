package jp.madoguchi.reception.domain;

import jp.madoguchi.platform.CurrentActor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.guidance.GuidedProcedure;
import jp.madoguchi.guidance.ProcedureGuide;
import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.platform.LegalHold;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.reception.NewReception;
import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.reception.Receptions;
import jp.madoguchi.reception.TaskStatus;
import jp.madoguchi.reception.TaskStatusChanged;
import jp.madoguchi.reception.TicketCalled;
import jp.madoguchi.reception.persistence.QueueMaster;
import jp.madoguchi.reception.persistence.ReceptionStore;
import jp.madoguchi.reception.persistence.ReceptionStore.Row;
import jp.madoguchi.text.ExactText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens receptions, calls them, moves them through their queues and routes them on. The
 * day is the Asia/Tokyo day of the application clock: numbers restart and yesterday's
 * leftovers stop being called at midnight. Every change is written to the timeline and
 * the audit trail; reads that show names are audited.
 */
@Service
@Transactional
public class ReceptionService implements Receptions {

	private static final List<TaskStatus> OPEN = List.of(TaskStatus.WAITING, TaskStatus.CALLED, TaskStatus.IN_SERVICE,
			TaskStatus.ABSENT);

	private final ReceptionStore store;

	private final QueueMaster master;

	private final WaitEstimator estimator;

	private final MovingNotifications notifications;

	private final ProcedureGuide guide;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	ReceptionService(ReceptionStore store, QueueMaster master, WaitEstimator estimator,
			MovingNotifications notifications, ProcedureGuide guide, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock, PlatformTransactionManager transactions) {
		this.store = store;
		this.master = master;
		this.estimator = estimator;
		this.notifications = notifications;
		this.guide = guide;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * A reception's ticket with its place in the queue it waits in (0 when not waiting).
	 */
	public record Ticket(ReceptionView reception, int position, int estimatedWaitMinutes) {
	}

	/** A change asked for through {@code POST /api/v1/receptions/{id}/status}. */
	public record StatusChange(TaskStatus status, @Nullable String toQueue, @Nullable String counter,
			@Nullable String queue) {
	}

	/**
	 * A queue now: who waits (in calling order), the estimate for a newcomer, who is at a
	 * counter.
	 */
	public record QueueState(Queue queue, List<Task> waiting, int estimatedWaitMinutes, List<Task> calledNow,
			double minutesPerService, List<Task> absent) {
	}

	/** A reception with its timeline, for the inquiry's detail page. */
	public record Detail(ReceptionView reception, List<ReceptionStore.Event> timeline) {
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public ReceptionView open(NewReception command) {
		return issue(command).reception();
	}

	/**
	 * Issues a ticket. The queue's counter row for the day is locked from taking a number
	 * until commit, so when no caller's transaction is open the number is taken in its
	 * own short transaction and the reception written in a second one: every terminal of
	 * the queue waits only for the increment, not for the other's inserts and audit. A
	 * number whose reception then fails is skipped, which staff never notice; two
	 * residents with one number would be noticed.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Ticket issue(NewReception command) {
		Queue queue = activeQueue(command.queue());
		String name = validName(command);
		LocalDate day = today();
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return ticket(
					write(command, queue, name, day, store.nextTicketNumber(queue.code(), day, queue.firstNumber())));
		}
		int number = inTransaction(() -> store.nextTicketNumber(queue.code(), day, queue.firstNumber()));
		ReceptionView opened = inTransaction(() -> write(command, queue, name, day, number));
		return inTransaction(() -> ticket(opened));
	}

	private @Nullable String validName(NewReception command) {
		String name = command.name();
		if (name != null) {
			name = name.strip();
			List<String> problems = ExactText.problems(name);
			if (!problems.isEmpty()) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_CHARACTER",
						Map.of("field", "name"), "name", String.join(" ", problems));
			}
			if (name.isEmpty()) {
				name = null;
			}
		}
		if (command.notificationId() != null) {
			NotificationView notification = notifications.find(command.notificationId())
				.orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "NOTIFICATION_NOT_FOUND",
						Map.of("field", "notificationId")));
			if (name == null) {
				name = residentName(notification.content());
			}
		}
		return name;
	}

	private ReceptionView write(NewReception command, Queue queue, @Nullable String name, LocalDate day, int number) {
		Instant now = clock.instant();
		Row row = new Row(UUID.randomUUID(), day, number, queue.code(), command.notificationId(), command.source(),
				name, command.priority(), now, CurrentActor.name());
		store.add(row);
		Task task = Task.waiting(row.id(), queue.code(), day, number, command.priority() != null, null, List.of(), now);
		store.addTask(task);
		recordChange(Task.queued(task));
		audit.record(AuditEntry.success("RECEPTION_OPENED", subject(row.id()),
				"queue=" + queue.code() + " ticket=" + number + " source=" + command.source()
						+ (command.notificationId() != null ? " notification=" + command.notificationId() : "")));
		if (command.priority() != null) {
			// Calling someone ahead of others is a decision staff answer for.
			audit.record(AuditEntry.success("RECEPTION_PRIORITY_GRANTED", subject(row.id()),
					"priority=" + command.priority()));
		}
		return view(row);
	}

	private <T> T inTransaction(Supplier<T> work) {
		T result = transaction.execute(status -> work.get());
		return Objects.requireNonNull(result);
	}

	/**
	 * 次の方を呼出: the longest-waiting task of the queue today, priority first. Concurrent
	 * callers skip each other's locked rows, so each gets a different reception.
	 */
	public Ticket callNext(String queueCode, String counterCode) {
		Queue queue = activeQueue(queueCode);
		requireCounter(queue, counterCode);
		Task task = store.lockNextWaiting(queue.code(), today())
			.orElseThrow(() -> ProblemException.notFound("QUEUE_EMPTY"));
		Task.Change change = task.call(counterCode, CurrentActor.name(), clock.instant());
		store.update(task);
		recordChange(change);
		announce(task, false);
		audit.record(AuditEntry.success("RECEPTION_CALLED", subject(task.receptionId()), "queue=" + queue.code()
				+ " ticket=" + task.ticketNumber() + " counter=" + counterCode + " priority=" + task.priority()));
		return ticket(view(loadRow(task.receptionId())));
	}

	public Ticket changeStatus(UUID receptionId, StatusChange change) {
		Row row = loadRow(receptionId);
		Task task = store.lockTask(pick(receptionId, change.queue()).id()).orElseThrow();
		Instant now = clock.instant();
		switch (change.status()) {
			case IN_SERVICE -> recordChange(task.startService(now));
			case DONE -> recordChange(task.finish(now));
			case ABSENT -> recordChange(task.markAbsent(now));
			case WAITING -> recordChange(task.returnToQueue(now));
			case CALLED -> {
				String counter = (change.counter() != null) ? change.counter() : task.counter();
				if (counter == null) {
					throw ProblemException.invalid("COUNTER_REQUIRED");
				}
				requireCounter(activeQueue(task.queue()), counter);
				boolean recall = task.status() == TaskStatus.CALLED;
				recordChange(task.call(counter, CurrentActor.name(), now));
				announce(task, recall);
			}
			case ROUTED -> route(row, task, change.toQueue(), now);
		}
		store.update(task);
		audit.record(AuditEntry.success("RECEPTION_STATUS_CHANGED", subject(receptionId), "queue=" + task.queue()
				+ " status=" + change.status() + (change.toQueue() != null ? " toQueue=" + change.toQueue() : "")));
		return ticket(view(row));
	}

	/**
	 * 回付: the task ends and the reception waits, with the same ticket number, in the
	 * named queue, or, with no queue named, in one queue per department the procedure
	 * guide sends the resident to (the departments' {@code guide_names} decide).
	 */
	private void route(Row row, Task task, @Nullable String toQueue, Instant now) {
		Map<String, List<String>> targets = new LinkedHashMap<>();
		if (toQueue != null) {
			Queue target = activeQueue(toQueue);
			if (target.code().equals(task.queue())) {
				throw ProblemException.invalid("ROUTE_TO_SAME_QUEUE");
			}
			targets.put(target.code(), List.of());
		}
		else {
			targets.putAll(guideTargets(row, task.queue()));
			if (targets.isEmpty()) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "ROUTE_TARGET_REQUIRED",
						Map.of("field", "toQueue"));
			}
		}
		recordChange(task.route(now));
		targets.forEach((queue, procedures) -> {
			Task next = Task.waiting(row.id(), queue, task.day(), task.ticketNumber(), row.priority() != null,
					task.id(), procedures, now);
			store.addTask(next);
			recordChange(Task.queued(next));
		});
	}

	/**
	 * One queue per department that has procedures in the guide, except the current one.
	 */
	private Map<String, List<String>> guideTargets(Row row, String currentQueue) {
		Map<String, List<String>> targets = new LinkedHashMap<>();
		if (row.notificationId() == null) {
			return targets;
		}
		NotificationView notification = notifications.find(row.notificationId()).orElse(null);
		if (notification == null) {
			return targets;
		}
		List<Department> departments = master.departments();
		List<Queue> queues = master.queues().stream().filter(Queue::active).toList();
		String currentDepartment = queues.stream()
			.filter(q -> q.code().equals(currentQueue))
			.map(Queue::department)
			.findFirst()
			.orElse(null);
		for (GuidedProcedure procedure : guide.evaluate(notification.content()).procedures()) {
			departments.stream()
				.filter(d -> d.handles(procedure.department()))
				.findFirst()
				.filter(d -> !d.code().equals(currentDepartment))
				.flatMap(d -> queues.stream().filter(q -> d.code().equals(q.department())).findFirst())
				.ifPresent(q -> targets.computeIfAbsent(q.code(), c -> new ArrayList<>()).add(procedure.code()));
		}
		return targets;
	}

	@Override
	public Optional<ReceptionView> find(UUID id) {
		Optional<ReceptionView> found = store.find(id).map(this::view);
		found.ifPresent(r -> audit.record(AuditEntry.success("RECEPTION_VIEWED", subject(id))));
		return found;
	}

	public Ticket read(UUID id) {
		return ticket(find(id).orElseThrow(ReceptionService::receptionNotFound));
	}

	public Detail detail(UUID id) {
		ReceptionView reception = find(id).orElseThrow(ReceptionService::receptionNotFound);
		return new Detail(reception, store.events(id));
	}

	/** The reception's legal hold; {@link LegalHold#NONE} when it has none. */
	@Transactional(readOnly = true)
	public LegalHold legalHold(UUID id) {
		return store.legalHold(id).orElse(LegalHold.NONE);
	}

	/**
	 * Puts a reception on legal hold (exempt from the retention purge, with its tasks and
	 * timeline) or releases it. A hold needs a reason; both are audited.
	 */
	public LegalHold setLegalHold(UUID id, boolean held, @Nullable String reason) {
		LegalHold hold = LegalHold.requested(held, reason, CurrentActor.name(), clock.instant());
		if (!store.setLegalHold(id, hold)) {
			throw receptionNotFound();
		}
		audit.record(AuditEntry.success(hold.auditAction(), subject(id), hold.reason()));
		return hold;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReceptionView> openedBetween(LocalDate from, LocalDate to) {
		return store.openedBetween(from, to)
			.stream()
			.map(r -> new Row(r.id(), r.day(), r.ticketNumber(), r.originQueue(), r.notificationId(), r.source(), null,
					r.priority(), r.createdAt(), r.createdBy()))
			.map(this::view)
			.toList();
	}

	@Override
	public Map<String, String> queueNames() {
		Map<String, String> names = new LinkedHashMap<>();
		master.queues().forEach(q -> names.put(q.code(), q.name()));
		return names;
	}

	public List<ReceptionView> search(ReceptionStore.Criteria criteria) {
		List<ReceptionView> found = store.search(criteria).stream().map(this::view).toList();
		audit.record(AuditEntry.success("RECEPTION_SEARCHED", null,
				"date=" + criteria.date() + " status=" + criteria.status() + " ticket=" + criteria.ticket() + " queue="
						+ criteria.queue() + " name=" + (criteria.name() != null ? "(given)" : "") + " hits="
						+ found.size()));
		return found;
	}

	@Transactional(readOnly = true)
	public QueueState queueState(String queueCode) {
		Queue queue = master.queue(queueCode).orElseThrow(ReceptionService::queueNotFound);
		LocalDate day = today();
		List<Task> waiting = store.tasksIn(queue.code(), day, List.of(TaskStatus.WAITING));
		List<Task> called = store.tasksIn(queue.code(), day, List.of(TaskStatus.CALLED, TaskStatus.IN_SERVICE))
			.stream()
			.sorted((a, b) -> b.calledAt().compareTo(a.calledAt()))
			.toList();
		double minutes = estimator.minutesPerService(queue);
		return new QueueState(queue, waiting, WaitEstimator.estimate(waiting.size(), minutes, queue.openCounters()),
				called, minutes, store.tasksIn(queue.code(), day, List.of(TaskStatus.ABSENT)));
	}

	/** The tasks a counter has called and not finished yet: 対応中の受付. */
	@Transactional(readOnly = true)
	public List<Task> atCounter(String queue, String counter) {
		return store.atCounter(queue, counter, today());
	}

	/**
	 * The notification each of these receptions was opened for, where there is one: the
	 * board links straight to it. Reads no names, so nothing to audit.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, UUID> notificationsOf(List<Task> tasks) {
		Map<UUID, UUID> found = new LinkedHashMap<>();
		for (Task task : tasks) {
			store.find(task.receptionId())
				.map(Row::notificationId)
				.ifPresent(notification -> found.put(task.receptionId(), notification));
		}
		return found;
	}

	/** The reception's place and estimate in the queue it waits in. */
	@Transactional(readOnly = true)
	public Ticket ticket(ReceptionView reception) {
		var current = reception.current();
		if (current.status() != TaskStatus.WAITING) {
			return new Ticket(reception, 0, 0);
		}
		Queue queue = master.queue(current.queue()).orElseThrow(ReceptionService::queueNotFound);
		int ahead = store.waitingAhead(current.id());
		return new Ticket(reception, ahead + 1, estimator.estimate(queue, ahead));
	}

	private Task pick(UUID receptionId, @Nullable String queue) {
		List<Task> tasks = store.tasksOf(receptionId);
		if (queue != null) {
			return tasks.stream()
				.filter(t -> t.queue().equals(queue))
				.reduce((first, second) -> second)
				.orElseThrow(() -> ProblemException.invalid("NOT_IN_QUEUE"));
		}
		UUID current = ReceptionView.currentOf(tasks.stream().map(Task::view).toList()).id();
		return tasks.stream().filter(t -> t.id().equals(current)).findFirst().orElseThrow();
	}

	private ReceptionView view(Row row) {
		return new ReceptionView(row.id(), row.day(), row.ticketNumber(), row.originQueue(), row.notificationId(),
				row.source(), row.name(), row.priority(), row.createdAt(), row.createdBy(),
				store.tasksOf(row.id()).stream().map(Task::view).toList());
	}

	private void recordChange(Task.Change change) {
		String actor = CurrentActor.name();
		store.addEvent(change.task().receptionId(), change, actor);
		events.publishEvent(new TaskStatusChanged(change.task().receptionId(), change.task().id(),
				change.task().queue(), change.from(), change.to(), change.counter(), actor, change.at()));
	}

	/**
	 * The display hears this inside the transaction and NOTIFYs, which fires on commit.
	 */
	private void announce(Task task, boolean recall) {
		events.publishEvent(new TicketCalled(task.receptionId(), task.id(), task.queue(), task.ticketNumber(),
				task.counter(), recall, clock.instant()));
	}

	private Queue activeQueue(String code) {
		Queue queue = master.queue(code).orElseThrow(ReceptionService::queueNotFound);
		if (!queue.active()) {
			throw ProblemException.conflict("QUEUE_CLOSED");
		}
		return queue;
	}

	private static void requireCounter(Queue queue, String counter) {
		if (queue.counter(counter) == null) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_COUNTER", Map.of("field", "counter"),
					counter);
		}
	}

	private Row loadRow(UUID id) {
		return store.find(id).orElseThrow(ReceptionService::receptionNotFound);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static @Nullable String residentName(NotificationContent content) {
		if (!content.persons().isEmpty() && !content.persons().get(0).fullName().isEmpty()) {
			return content.persons().get(0).fullName();
		}
		if (content.filer() != null && content.filer().name() != null && !content.filer().name().isBlank()) {
			return content.filer().name();
		}
		return null;
	}

	static ProblemException queueNotFound() {
		return ProblemException.notFound("QUEUE_NOT_FOUND");
	}

	private static ProblemException receptionNotFound() {
		return ProblemException.notFound("RECEPTION_NOT_FOUND");
	}

	private static String subject(UUID id) {
		return "reception:" + id;
	}

}
