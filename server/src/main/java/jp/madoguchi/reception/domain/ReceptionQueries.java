package jp.madoguchi.reception.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.reception.QueueBoard;
import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.reception.TaskStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.madoguchi.reception.domain.ReceptionLookups.subject;

/**
 * Reads receptions, their tickets and the queues' state. Reads that show names are
 * audited.
 */
@Service
@Transactional
public class ReceptionQueries {

	private final ReceptionRecords records;

	private final QueueMaster master;

	private final ReceptionLookups lookups;

	private final WaitEstimator estimator;

	private final AuditTrail audit;

	ReceptionQueries(ReceptionRecords records, QueueMaster master, ReceptionLookups lookups, WaitEstimator estimator,
			AuditTrail audit) {
		this.records = records;
		this.master = master;
		this.lookups = lookups;
		this.estimator = estimator;
		this.audit = audit;
	}

	/** A reception with its tasks; audited as a read of personal data. */
	public Optional<ReceptionView> find(UUID id) {
		Optional<ReceptionView> found = records.find(id).map(lookups::view);
		found.ifPresent(r -> audit.record(AuditEntry.success("RECEPTION_VIEWED", subject(id))));
		return found;
	}

	public Ticket read(UUID id) {
		return ticket(find(id).orElseThrow(ReceptionLookups::receptionNotFound));
	}

	public ReceptionDetail detail(UUID id) {
		ReceptionView reception = find(id).orElseThrow(ReceptionLookups::receptionNotFound);
		return new ReceptionDetail(reception, records.events(id));
	}

	/** The receptions opened on the given days (inclusive), for figures; no names. */
	@Transactional(readOnly = true)
	public List<ReceptionView> openedBetween(LocalDate from, LocalDate to) {
		return records.openedBetween(from, to).stream().map(ReceptionRecord::withoutName).map(lookups::view).toList();
	}

	/** Every queue's name (Japanese) by its code, inactive ones too. */
	public Map<String, String> queueNames() {
		Map<String, String> names = new LinkedHashMap<>();
		master.queues().forEach(q -> names.put(q.code(), q.name()));
		return names;
	}

	public List<ReceptionView> search(ReceptionSearch criteria) {
		List<ReceptionView> found = records.search(criteria).stream().map(lookups::view).toList();
		audit.record(AuditEntry.success("RECEPTION_SEARCHED", null,
				"date=" + criteria.date() + " status=" + criteria.status() + " ticket=" + criteria.ticket() + " queue="
						+ criteria.queue() + " name=" + (criteria.name() != null ? "(given)" : "") + " hits="
						+ found.size()));
		return found;
	}

	@Transactional(readOnly = true)
	public QueueState queueState(String queueCode) {
		Queue queue = lookups.queue(queueCode);
		LocalDate day = lookups.today();
		List<Task> waiting = records.tasksIn(queue.code(), day, List.of(TaskStatus.WAITING));
		List<Task> called = records.tasksIn(queue.code(), day, List.of(TaskStatus.CALLED, TaskStatus.IN_SERVICE))
			.stream()
			.sorted((a, b) -> b.calledAt().compareTo(a.calledAt()))
			.toList();
		double minutes = estimator.minutesPerService(queue);
		return new QueueState(queue, waiting, WaitEstimator.estimate(waiting.size(), minutes, queue.openCounters()),
				called, minutes, records.tasksIn(queue.code(), day, List.of(TaskStatus.ABSENT)));
	}

	/**
	 * Every active queue now, ticket numbers and counters only (no names, nothing to
	 * audit).
	 */
	@Transactional(readOnly = true)
	public List<QueueBoard> queueBoards() {
		List<QueueBoard> boards = new java.util.ArrayList<>();
		for (Queue queue : master.queues()) {
			if (!queue.active()) {
				continue;
			}
			QueueState state = queueState(queue.code());
			Map<UUID, String> origins = records
				.originQueues(java.util.stream.Stream.concat(state.calledNow().stream(), state.waiting().stream())
					.map(Task::receptionId)
					.toList());
			List<QueueBoard.Call> calls = state.calledNow()
				.stream()
				.filter(t -> t.status() == TaskStatus.CALLED)
				.map(t -> {
					Queue.Counter counter = queue.counter(t.counter());
					return new QueueBoard.Call(origins.getOrDefault(t.receptionId(), queue.code()), t.ticketNumber(),
							t.counter(), (counter != null) ? counter.name() : t.counter(),
							(counter != null) ? counter.nameEn() : t.counter());
				})
				.toList();
			boards.add(new QueueBoard(queue.code(), queue.name(), queue.nameEn(), calls, state.waiting()
				.stream()
				.map(t -> new QueueBoard.Ticket(origins.getOrDefault(t.receptionId(), queue.code()), t.ticketNumber()))
				.toList(), state.estimatedWaitMinutes(), state.minutesPerService(),
					(int) Math.max(1, queue.openCounters())));
		}
		return boards;
	}

	/** The tasks a counter has called and not finished yet: 対応中の受付. */
	@Transactional(readOnly = true)
	public List<Task> atCounter(String queue, String counter) {
		return records.atCounter(queue, counter, lookups.today());
	}

	/**
	 * The notification each of these receptions was opened for, where there is one: the
	 * board links straight to it. Reads no names, so nothing to audit.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, UUID> notificationsOf(List<Task> tasks) {
		Map<UUID, UUID> found = new LinkedHashMap<>();
		for (Task task : tasks) {
			records.find(task.receptionId())
				.map(ReceptionRecord::notificationId)
				.ifPresent(notification -> found.put(task.receptionId(), notification));
		}
		return found;
	}

	/**
	 * The number of the data sent ahead each of these receptions was issued for, where
	 * there is one and no notification yet: the board offers 特例転入を始める. No names read.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> sentAheadOf(List<Task> tasks) {
		Map<UUID, String> found = new LinkedHashMap<>();
		for (Task task : tasks) {
			records.find(task.receptionId())
				.filter(r -> r.notificationId() == null && r.sentAheadNotice() != null)
				.ifPresent(r -> found.put(task.receptionId(), r.sentAheadNotice()));
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
		Queue queue = lookups.queue(current.queue());
		int ahead = records.waitingAhead(current.id());
		return new Ticket(reception, ahead + 1, estimator.estimate(queue, ahead));
	}

}
