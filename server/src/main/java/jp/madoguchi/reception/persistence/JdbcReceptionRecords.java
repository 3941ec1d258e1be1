package jp.madoguchi.reception.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.madoguchi.retention.LegalHold;
import jp.madoguchi.retention.LegalHoldColumns;
import jp.madoguchi.reception.Priority;
import jp.madoguchi.reception.ReceptionSource;
import jp.madoguchi.reception.TaskStatus;
import jp.madoguchi.reception.domain.QueueWaiting;
import jp.madoguchi.reception.domain.ReceptionRecord;
import jp.madoguchi.reception.domain.ReceptionRecords;
import jp.madoguchi.reception.domain.ReceptionSearch;
import jp.madoguchi.reception.domain.Task;
import jp.madoguchi.reception.domain.TimelineEvent;
import jp.madoguchi.text.SearchKeys;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Receptions, their tasks, the timeline and the daily ticket counters. Two statements
 * carry the concurrency guarantees: {@link #nextTicketNumber} (one counter row per queue
 * and day, incremented with {@code UPDATE … RETURNING}) and {@link #lockNextWaiting}
 * ({@code FOR UPDATE SKIP LOCKED}, so two counters calling at once take two different
 * receptions and neither waits for the other).
 */
@Repository
class JdbcReceptionRecords implements ReceptionRecords {

	private final JdbcClient jdbc;

	JdbcReceptionRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next ticket number of the queue on the day. The insert creates the day's row
	 * the first time; afterwards the row lock of the update serialises concurrent
	 * issuers.
	 */
	@Override
	public int nextTicketNumber(String queue, LocalDate day, int firstNumber) {
		return jdbc.sql("""
				insert into reception.ticket_counters (queue_code, day, last_number) values (?, ?, ?)
				on conflict (queue_code, day) do update set last_number = reception.ticket_counters.last_number + 1
				returning last_number""").params(queue, day, firstNumber).query(Integer.class).single();
	}

	@Override
	public void add(ReceptionRecord row) {
		jdbc.sql("""
				insert into reception.receptions (id, day, ticket_number, origin_queue, notification_id, source, name,
				name_key, priority, created_at, created_by, sent_ahead_notice)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(row.id(), row.day(), row.ticketNumber(), row.originQueue(), row.notificationId(),
					row.source().name(), row.name(), (row.name() != null) ? SearchKeys.fold(row.name()) : null,
					(row.priority() != null) ? row.priority().name() : null, Timestamp.from(row.createdAt()),
					row.createdBy(), row.sentAheadNotice())
			.update();
	}

	@Override
	public Optional<ReceptionRecord> find(UUID id) {
		return jdbc.sql("select * from reception.receptions where id = ?")
			.param(id)
			.query(JdbcReceptionRecords::row)
			.optional();
	}

	@Override
	public List<ReceptionRecord> openedBetween(LocalDate from, LocalDate to) {
		return jdbc.sql("select * from reception.receptions where day between ? and ? order by day, ticket_number")
			.params(from, to)
			.query(JdbcReceptionRecords::row)
			.list();
	}

	@Override
	public boolean linkNotification(UUID receptionId, UUID notificationId) {
		return jdbc.sql("update reception.receptions set notification_id = ? where id = ? and notification_id is null")
			.params(notificationId, receptionId)
			.update() == 1;
	}

	@Override
	public List<ReceptionRecord> sentAheadOn(LocalDate day) {
		return jdbc.sql("select * from reception.receptions where day = ? and sent_ahead_notice is not null")
			.param(day)
			.query(JdbcReceptionRecords::row)
			.list();
	}

	/**
	 * 受付情報照会: newest first. A name matches when its folded key starts with the folded
	 * search text; status and queue match any of the reception's tasks.
	 */
	@Override
	public List<ReceptionRecord> search(ReceptionSearch criteria) {
		StringBuilder sql = new StringBuilder("select r.* from reception.receptions r where true");
		List<Object> params = new ArrayList<>();
		if (criteria.date() != null) {
			sql.append(" and r.day = ?");
			params.add(criteria.date());
		}
		if (criteria.ticket() != null) {
			sql.append(" and (r.ticket_number = ?)");
			params.add(criteria.ticket());
		}
		String key = (criteria.name() != null) ? SearchKeys.fold(criteria.name()) : "";
		if (!key.isEmpty()) {
			sql.append(" and r.name_key like ?");
			params.add(key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (criteria.status() != null || criteria.queue() != null) {
			sql.append(" and exists (select 1 from reception.tasks t where t.reception_id = r.id");
			if (criteria.status() != null) {
				sql.append(" and t.status = ?");
				params.add(criteria.status().name());
			}
			if (criteria.queue() != null) {
				sql.append(" and t.queue_code = ?");
				params.add(criteria.queue());
			}
			sql.append(")");
		}
		sql.append(" order by r.created_at desc limit ?");
		params.add(criteria.limit());
		return jdbc.sql(sql.toString()).params(params).query(JdbcReceptionRecords::row).list();
	}

	@Override
	public void addTask(Task task) {
		jdbc.sql(
				"""
						insert into reception.tasks (id, reception_id, queue_code, day, ticket_number, status, priority,
						counter_code, enqueued_at, routed_from, procedures, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
			.params(task.id(), task.receptionId(), task.queue(), task.day(), task.ticketNumber(), task.status().name(),
					task.priority(), task.counter(), Timestamp.from(task.enqueuedAt()), task.routedFrom(),
					task.procedures().toArray(String[]::new))
			.update();
	}

	/** Stores a changed task if nobody changed it since it was read. */
	@Override
	public void update(Task task) {
		int updated = jdbc.sql("""
				update reception.tasks set status = ?, counter_code = ?, called_at = ?, called_by = ?,
				service_started_at = ?, finished_at = ?, version = version + 1 where id = ? and version = ?""")
			.params(task.status().name(), task.counter(), timestamp(task.calledAt()), task.calledBy(),
					timestamp(task.serviceStartedAt()), timestamp(task.finishedAt()), task.id(), task.version())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("task " + task.id() + " changed");
		}
	}

	@Override
	public List<Task> tasksOf(UUID receptionId) {
		return jdbc.sql("select * from reception.tasks where reception_id = ? order by seq")
			.param(receptionId)
			.query(JdbcReceptionRecords::task)
			.list();
	}

	/**
	 * The task, locked until the transaction ends, so two staff cannot change it at once.
	 */
	@Override
	public Optional<Task> lockTask(UUID id) {
		return jdbc.sql("select * from reception.tasks where id = ? for update")
			.param(id)
			.query(JdbcReceptionRecords::task)
			.optional();
	}

	/**
	 * The longest-waiting task of the queue today, priority residents first, locked. Rows
	 * another transaction is calling right now are skipped, not waited for.
	 */
	@Override
	public Optional<Task> lockNextWaiting(String queue, LocalDate day) {
		return jdbc.sql("""
				select * from reception.tasks where queue_code = ? and day = ? and status = 'WAITING'
				order by priority desc, enqueued_at, seq limit 1 for update skip locked""")
			.params(queue, day)
			.query(JdbcReceptionRecords::task)
			.optional();
	}

	/** The waiting tasks of a day per queue, in one grouped read (for the metrics). */
	@Override
	public List<QueueWaiting> waitingByQueue(LocalDate day) {
		return jdbc.sql("""
				select queue_code, count(*) as waiting, min(enqueued_at) as oldest from reception.tasks
				where day = ? and status = 'WAITING' group by queue_code""")
			.param(day)
			.query((rs, n) -> new QueueWaiting(rs.getString("queue_code"), rs.getInt("waiting"),
					rs.getTimestamp("oldest").toInstant()))
			.list();
	}

	/** Today's tasks of a queue in the given statuses, in calling order. */
	@Override
	public List<Task> tasksIn(String queue, LocalDate day, List<TaskStatus> statuses) {
		return jdbc.sql("""
				select * from reception.tasks where queue_code = ? and day = ? and status = any(?)
				order by priority desc, enqueued_at, seq""")
			.params(queue, day, statuses.stream().map(Enum::name).toArray(String[]::new))
			.query(JdbcReceptionRecords::task)
			.list();
	}

	@Override
	public Map<UUID, String> originQueues(Collection<UUID> receptionIds) {
		if (receptionIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select id, origin_queue from reception.receptions where id = any(?)")
			.param(receptionIds.toArray(UUID[]::new))
			.query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("origin_queue")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * How many waiting tasks of the same queue and day come before this one in calling
	 * order (priority first, then queueing time, then creation order).
	 */
	@Override
	public int waitingAhead(UUID taskId) {
		return jdbc.sql("""
				select count(*) from reception.tasks w join reception.tasks t on w.queue_code = t.queue_code
				and w.day = t.day where t.id = ? and w.status = 'WAITING'
				and (case when w.priority then 0 else 1 end, w.enqueued_at, w.seq)
				  < (case when t.priority then 0 else 1 end, t.enqueued_at, t.seq)""")
			.param(taskId)
			.query(Integer.class)
			.single();
	}

	/** The tasks a counter called today that are still open (called or in service). */
	@Override
	public List<Task> atCounter(String queue, String counter, LocalDate day) {
		return jdbc.sql("""
				select * from reception.tasks where queue_code = ? and counter_code = ? and day = ?
				and status in ('CALLED', 'IN_SERVICE') order by called_at""")
			.params(queue, counter, day)
			.query(JdbcReceptionRecords::task)
			.list();
	}

	/**
	 * How long the last {@code limit} services of the queue took since {@code since}:
	 * from the start of service (or the call, when nobody pressed 対応中) to its end.
	 */
	@Override
	public List<Duration> recentServiceTimes(String queue, Instant since, int limit) {
		return jdbc.sql("""
				select extract(epoch from finished_at - coalesce(service_started_at, called_at)) as seconds
				from reception.tasks where queue_code = ? and finished_at >= ? and called_at is not null
				order by finished_at desc limit ?""")
			.params(queue, Timestamp.from(since), limit)
			.query((rs, n) -> Duration.ofMillis(Math.round(rs.getDouble("seconds") * 1000)))
			.list();
	}

	@Override
	public void addEvent(UUID receptionId, Task.Change change, String actor) {
		jdbc.sql("""
				insert into reception.task_events (reception_id, task_id, queue_code, from_status, to_status,
				counter_code, actor, at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(receptionId, change.task().id(), change.task().queue(),
					(change.from() != null) ? change.from().name() : null, change.to().name(), change.counter(), actor,
					Timestamp.from(change.at()))
			.update();
	}

	@Override
	public List<TimelineEvent> events(UUID receptionId) {
		return jdbc.sql("select * from reception.task_events where reception_id = ? order by id")
			.param(receptionId)
			.query((rs, n) -> new TimelineEvent(rs.getLong("id"), rs.getObject("task_id", UUID.class),
					rs.getString("queue_code"), status(rs.getString("from_status")),
					TaskStatus.valueOf(rs.getString("to_status")), rs.getString("counter_code"), rs.getString("actor"),
					rs.getTimestamp("at").toInstant()))
			.list();
	}

	private static ReceptionRecord row(ResultSet rs, int n) throws SQLException {
		String priority = rs.getString("priority");
		return new ReceptionRecord(rs.getObject("id", UUID.class), rs.getObject("day", LocalDate.class),
				rs.getInt("ticket_number"), rs.getString("origin_queue"), rs.getObject("notification_id", UUID.class),
				ReceptionSource.valueOf(rs.getString("source")), rs.getString("name"),
				(priority != null) ? Priority.valueOf(priority) : null, rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), rs.getString("sent_ahead_notice"));
	}

	private static Task task(ResultSet rs, int n) throws SQLException {
		return new Task(rs.getObject("id", UUID.class), rs.getObject("reception_id", UUID.class),
				rs.getString("queue_code"), rs.getObject("day", LocalDate.class), rs.getInt("ticket_number"),
				TaskStatus.valueOf(rs.getString("status")), rs.getBoolean("priority"), rs.getString("counter_code"),
				rs.getTimestamp("enqueued_at").toInstant(), instant(rs.getTimestamp("called_at")),
				rs.getString("called_by"), instant(rs.getTimestamp("service_started_at")),
				instant(rs.getTimestamp("finished_at")), rs.getObject("routed_from", UUID.class),
				JdbcQueueMaster.strings(rs.getArray("procedures")), rs.getInt("version"));
	}

	private static @Nullable TaskStatus status(@Nullable String name) {
		return (name != null) ? TaskStatus.valueOf(name) : null;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	@Override
	public boolean setLegalHold(UUID id, LegalHold hold) {
		return LegalHoldColumns.store(jdbc, "reception.receptions", id, hold);
	}

	@Override
	public Optional<LegalHold> legalHold(UUID id) {
		return LegalHoldColumns.load(jdbc, "reception.receptions", id);
	}

}
