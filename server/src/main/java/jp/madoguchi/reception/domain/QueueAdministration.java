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
			throw new ProblemException(HttpStatus.CONFLICT, "QUEUE_EXISTS", "待ち行列「" + queue.code() + "」は既にあります。",
					Map.of("field", "code"));
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
			throw ProblemException.notFound("UNKNOWN_COUNTER", "窓口「" + counter + "」はこの待ち行列にありません。");
		}
		master.setCounterOpen(queue, counter, open);
		audit.record(
				AuditEntry.success(open ? "COUNTER_OPENED" : "COUNTER_CLOSED", "queue:" + queue, "counter=" + counter));
	}

	public void saveDepartment(Department department) {
		requireCode(department.code(), CODE, "code");
		requireText(department.name(), "name");
		master.saveDepartment(department);
		audit.record(AuditEntry.success("DEPARTMENT_SAVED", "department:" + department.code()));
	}

	private void validate(Queue queue) {
		requireCode(queue.code(), CODE, "code");
		requireText(queue.name(), "name");
		if (queue.department() != null && !master.departmentExists(queue.department())) {
			throw field("UNKNOWN_DEPARTMENT", "課「" + queue.department() + "」がありません。", "department");
		}
		if (queue.counters().isEmpty()) {
			throw field("COUNTERS_REQUIRED", "窓口を1つ以上指定してください。", "counters");
		}
		Set<String> seen = new HashSet<>();
		for (Queue.Counter counter : queue.counters()) {
			requireCode(counter.code(), COUNTER_CODE, "counters");
			if (!seen.add(counter.code())) {
				throw field("DUPLICATE_COUNTER", "窓口「" + counter.code() + "」が重複しています。", "counters");
			}
		}
		if (queue.firstNumber() < 1 || queue.firstNumber() > 9000) {
			throw field("VALIDATION_FAILED", "最初の番号は1〜9000で指定してください。", "firstNumber");
		}
		if (queue.defaultServiceMinutes() < 1 || queue.defaultServiceMinutes() > 240) {
			throw field("VALIDATION_FAILED", "標準対応時間は1〜240分で指定してください。", "defaultServiceMinutes");
		}
	}

	private static void requireCode(String code, String pattern, String field) {
		if (code == null || !code.matches(pattern)) {
			throw field("INVALID_CODE", "コード「" + code + "」は使えません（英小文字・数字・-・_）。", field);
		}
	}

	private static void requireText(String text, String field) {
		if (text == null || text.isBlank() || text.length() > 100) {
			throw field("VALIDATION_FAILED", "名称を100文字以内で入力してください。", field);
		}
	}

	private static ProblemException field(String code, String message, String field) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, message, Map.of("field", field));
	}

	private static String counters(Queue queue) {
		return "counters=" + queue.counters().stream().map(Queue.Counter::code).toList();
	}

}
