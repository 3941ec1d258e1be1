package jp.madoguchi.reception.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.retention.LegalHold;
import jp.madoguchi.reception.TaskStatus;

/**
 * Receptions, their tasks, the timeline and the daily ticket counters. Two methods carry
 * the concurrency guarantees: {@link #nextTicketNumber} (one counter per queue and day,
 * incremented atomically) and {@link #lockNextWaiting} (two counters calling at once take
 * two different receptions and neither waits for the other).
 */
public interface ReceptionRecords {

	/**
	 * The next ticket number of the queue on the day. The first call of a day creates the
	 * day's counter; afterwards concurrent issuers are serialised on it until commit.
	 */
	int nextTicketNumber(String queue, LocalDate day, int firstNumber);

	void add(ReceptionRecord reception);

	Optional<ReceptionRecord> find(UUID id);

	List<ReceptionRecord> openedBetween(LocalDate from, LocalDate to);

	/**
	 * Links a reception to the notification started for it, unless it has one already.
	 * @return whether it was linked now
	 */
	boolean linkNotification(UUID receptionId, UUID notificationId);

	/** The day's receptions issued from moving-out data sent ahead (特例転入). */
	List<ReceptionRecord> sentAheadOn(LocalDate day);

	/** 受付情報照会: newest first. */
	List<ReceptionRecord> search(ReceptionSearch search);

	void addTask(Task task);

	/**
	 * Stores a task's status change (status, counter, times, version) if nobody changed
	 * it since it was read.
	 */
	void update(Task task);

	List<Task> tasksOf(UUID receptionId);

	/**
	 * The task, locked until the transaction ends, so two staff cannot change it at once.
	 */
	Optional<Task> lockTask(UUID id);

	/**
	 * The longest-waiting task of the queue today, priority residents first, locked.
	 * Tasks another transaction is calling right now are skipped, not waited for.
	 */
	Optional<Task> lockNextWaiting(String queue, LocalDate day);

	/** The waiting tasks of a day per queue, in one grouped read (for the metrics). */
	List<QueueWaiting> waitingByQueue(LocalDate day);

	/** Today's tasks of a queue in the given statuses, in calling order. */
	List<Task> tasksIn(String queue, LocalDate day, List<TaskStatus> statuses);

	/** The queue each of these receptions was issued in, by reception id. */
	Map<UUID, String> originQueues(Collection<UUID> receptionIds);

	/**
	 * How many waiting tasks of the same queue and day come before this one in calling
	 * order (priority first, then queueing time, then creation order).
	 */
	int waitingAhead(UUID taskId);

	/** The tasks a counter called today that are still open (called or in service). */
	List<Task> atCounter(String queue, String counter, LocalDate day);

	/**
	 * How long the last {@code limit} services of the queue took since {@code since}:
	 * from the start of service (or the call, when nobody pressed 対応中) to its end.
	 */
	List<Duration> recentServiceTimes(String queue, Instant since, int limit);

	void addEvent(UUID receptionId, Task.Change change, String actor);

	List<TimelineEvent> events(UUID receptionId);

	/** Whether the reception exists (and now has the hold). */
	boolean setLegalHold(UUID id, LegalHold hold);

	Optional<LegalHold> legalHold(UUID id);

}
