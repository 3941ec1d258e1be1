package jp.madoguchi.reception.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.reception.ReceptionView;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the reception services look up alike: the active queue, a stored reception with
 * its tasks, today. The day is the Asia/Tokyo day of the application clock: numbers
 * restart and yesterday's leftovers stop being called at midnight.
 */
@Component
class ReceptionLookups {

	private final ReceptionRecords records;

	private final QueueMaster master;

	private final Clock clock;

	ReceptionLookups(ReceptionRecords records, QueueMaster master, Clock clock) {
		this.records = records;
		this.master = master;
		this.clock = clock;
	}

	Queue queue(String code) {
		return master.queue(code).orElseThrow(ReceptionLookups::queueNotFound);
	}

	Queue activeQueue(String code) {
		Queue queue = master.queue(code).orElseThrow(ReceptionLookups::queueNotFound);
		if (!queue.active()) {
			throw ProblemException.conflict("QUEUE_CLOSED");
		}
		return queue;
	}

	static void requireCounter(Queue queue, String counter) {
		if (queue.counter(counter) == null) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_COUNTER", Map.of("field", "counter"),
					counter);
		}
	}

	ReceptionRecord load(UUID id) {
		return records.find(id).orElseThrow(ReceptionLookups::receptionNotFound);
	}

	ReceptionView view(ReceptionRecord row) {
		return new ReceptionView(row.id(), row.day(), row.ticketNumber(), row.originQueue(), row.notificationId(),
				row.source(), row.name(), row.priority(), row.createdAt(), row.createdBy(),
				records.tasksOf(row.id()).stream().map(Task::view).toList(), row.sentAheadNotice());
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	static ProblemException queueNotFound() {
		return ProblemException.notFound("QUEUE_NOT_FOUND");
	}

	static ProblemException receptionNotFound() {
		return ProblemException.notFound("RECEPTION_NOT_FOUND");
	}

	static String subject(UUID id) {
		return "reception:" + id;
	}

}
