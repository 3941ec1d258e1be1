package jp.madoguchi.reception.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments, queues and counters: master data kept by MASTER_ADMIN, every change
 * audited.
 */
@Service
@Transactional
public class QueueAdministration {

	private static final String CODE = "[a-z0-9][a-z0-9_-]{0,31}";

	private static final String COUNTER_CODE = "[A-Za-z0-9][A-Za-z0-9_-]{0,15}";

	private final QueueMaster master;

	private final AuditTrail audit;

	QueueAdministration(QueueMaster master, AuditTrail audit) {
		this.master = master;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Queue> queues() {
		return master.queues();
	}

	@Transactional(readOnly = true)
	public List<Department> departments() {
		return master.departments();
	}

	public Queue addQueue(Queue queue) {
		validate(queue);
		if (master.queueExists(queue.code())) {
			throw new ProblemException(HttpStatus.CONFLICT, "QUEUE_EXISTS", Map.of("field", "code"), queue.code());
		}
		master.addQueue(queue);
		audit.record(AuditEntry.success("QUEUE_CREATED", "queue:" + queue.code(), counters(queue)));
		return master.queue(queue.code()).orElseThrow();
	}

	public Queue updateQueue(Queue queue) {
		validate(queue);
		if (!master.queueExists(queue.code())) {
			throw ReceptionLookups.queueNotFound();
		}
		master.updateQueue(queue);
		audit.record(AuditEntry.success("QUEUE_UPDATED", "queue:" + queue.code(), counters(queue)));
		return master.queue(queue.code()).orElseThrow();
	}

	public void setCounterOpen(String queue, String counter, boolean open) {
		Queue found = master.queue(queue).orElseThrow(ReceptionLookups::queueNotFound);
		if (found.counter(counter) == null) {
			throw ProblemException.notFound("UNKNOWN_COUNTER", counter);
		}
		master.setCounterOpen(queue, counter, open);
		audit.record(
				AuditEntry.success(open ? "COUNTER_OPENED" : "COUNTER_CLOSED", "queue:" + queue, "counter=" + counter));
	}

	public void saveDepartment(Department department) {
		requireCode(department.code(), CODE, "code");
		requireText(department.name(), "name");
		if (department.defaultPrinter() != null && (department.defaultPrinter().length() > 50
				|| !department.defaultPrinter().matches("[\\p{L}\\p{N}._-]+"))) {
			throw field("INVALID_DEPARTMENT", "defaultPrinter", department.defaultPrinter());
		}
		master.saveDepartment(department);
		audit.record(AuditEntry.success("DEPARTMENT_SAVED", "department:" + department.code()));
	}

	private void validate(Queue queue) {
		requireCode(queue.code(), CODE, "code");
		requireText(queue.name(), "name");
		if (queue.department() != null && !master.departmentExists(queue.department())) {
			throw field("UNKNOWN_DEPARTMENT", "department", queue.department());
		}
		if (queue.counters().isEmpty()) {
			throw field("COUNTERS_REQUIRED", "counters");
		}
		Set<String> seen = new HashSet<>();
		for (Queue.Counter counter : queue.counters()) {
			requireCode(counter.code(), COUNTER_CODE, "counters");
			if (!seen.add(counter.code())) {
				throw field("DUPLICATE_COUNTER", "counters", counter.code());
			}
		}
		if (queue.firstNumber() < 1 || queue.firstNumber() > 9000) {
			throw field("VALIDATION_FAILED", "firstNumber").because("queueFirstNumber");
		}
		if (queue.defaultServiceMinutes() < 1 || queue.defaultServiceMinutes() > 240) {
			throw field("VALIDATION_FAILED", "defaultServiceMinutes").because("queueServiceMinutes");
		}
		if (queue.slotMinutes() < 5 || queue.slotMinutes() > 240) {
			throw field("VALIDATION_FAILED", "slotMinutes").because("queueSlotMinutes");
		}
		if (queue.slotCapacity() < 0 || queue.slotCapacity() > 100) {
			throw field("VALIDATION_FAILED", "slotCapacity").because("queueSlotCapacity");
		}
	}

	private static void requireCode(String code, String pattern, String field) {
		if (code == null || !code.matches(pattern)) {
			throw field("INVALID_CODE", field, String.valueOf(code));
		}
	}

	private static void requireText(String text, String field) {
		if (text == null || text.isBlank() || text.length() > 100) {
			throw field("VALIDATION_FAILED", field).because("queueName");
		}
	}

	private static ProblemException field(String code, String field, Object... arguments) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, Map.of("field", field), arguments);
	}

	private static String counters(Queue queue) {
		return "counters=" + queue.counters().stream().map(Queue.Counter::code).toList();
	}

}
