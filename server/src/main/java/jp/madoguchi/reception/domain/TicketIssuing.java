package jp.madoguchi.reception.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.platform.CurrentActor;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.reception.NewReception;
import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.text.ExactText;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static jp.madoguchi.reception.domain.ReceptionLookups.subject;

/**
 * Opens receptions: takes the queue's next number of the day and writes the reception,
 * its first task and the timeline; audited.
 */
@Service
public class TicketIssuing {

	private final ReceptionRecords records;

	private final ReceptionLookups lookups;

	private final ReceptionQueries queries;

	private final TaskTimeline timeline;

	private final MovingNotifications notifications;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	TicketIssuing(ReceptionRecords records, ReceptionLookups lookups, ReceptionQueries queries, TaskTimeline timeline,
			MovingNotifications notifications, AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
		this.records = records;
		this.lookups = lookups;
		this.queries = queries;
		this.timeline = timeline;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
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
		return issue(command, null);
	}

	/**
	 * Issues a ticket that remembers the moving-out data sent ahead it was issued for; a
	 * second ticket for the same data on the same day is refused.
	 */
	Ticket issue(NewReception command, @Nullable String sentAheadNotice) {
		Queue queue = lookups.activeQueue(command.queue());
		String name = validName(command);
		LocalDate day = lookups.today();
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return queries.ticket(write(command, queue, name, day,
					records.nextTicketNumber(queue.code(), day, queue.firstNumber()), sentAheadNotice));
		}
		int number = inTransaction(() -> records.nextTicketNumber(queue.code(), day, queue.firstNumber()));
		ReceptionView opened = inTransaction(() -> write(command, queue, name, day, number, sentAheadNotice));
		return inTransaction(() -> queries.ticket(opened));
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

	private ReceptionView write(NewReception command, Queue queue, @Nullable String name, LocalDate day, int number,
			@Nullable String sentAheadNotice) {
		Instant now = clock.instant();
		ReceptionRecord row = new ReceptionRecord(UUID.randomUUID(), day, number, queue.code(),
				command.notificationId(), command.source(), name, command.priority(), now, CurrentActor.name(),
				sentAheadNotice);
		records.add(row);
		// A booked visit counts from its slot's start when it comes after it (never later
		// than now, so nobody waits from the future).
		Instant queued = (command.queuedFrom() != null && command.queuedFrom().isBefore(now)) ? command.queuedFrom()
				: now;
		Task task = Task.waiting(row.id(), queue.code(), day, number, command.priority() != null, null, List.of(),
				queued);
		records.addTask(task);
		timeline.record(Task.queued(task));
		audit.record(AuditEntry.success("RECEPTION_OPENED", subject(row.id()),
				"queue=" + queue.code() + " ticket=" + number + " source=" + command.source()
						+ (command.notificationId() != null ? " notification=" + command.notificationId() : "")
						+ (sentAheadNotice != null ? " sentAhead=" + sentAheadNotice : "")));
		if (command.priority() != null) {
			// Calling someone ahead of others is a decision staff answer for.
			audit.record(AuditEntry.success("RECEPTION_PRIORITY_GRANTED", subject(row.id()),
					"priority=" + command.priority()));
		}
		return lookups.view(row);
	}

	private <T> T inTransaction(Supplier<T> work) {
		T result = transaction.execute(status -> work.get());
		return Objects.requireNonNull(result);
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

}
