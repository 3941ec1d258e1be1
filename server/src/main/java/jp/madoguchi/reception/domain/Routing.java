package jp.madoguchi.reception.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.guidance.GuidedProcedure;
import jp.madoguchi.guidance.ProcedureGuide;
import jp.madoguchi.moving.MovingNotifications;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * 回付: the task ends and the reception waits, with the same ticket number, in the named
 * queue, or, with no queue named, in one queue per department the procedure guide sends
 * the resident to (the departments' {@code guide_names} decide).
 */
@Component
class Routing {

	private final ReceptionRecords records;

	private final QueueMaster master;

	private final ReceptionLookups lookups;

	private final TaskTimeline timeline;

	private final MovingNotifications notifications;

	private final ProcedureGuide guide;

	Routing(ReceptionRecords records, QueueMaster master, ReceptionLookups lookups, TaskTimeline timeline,
			MovingNotifications notifications, ProcedureGuide guide) {
		this.records = records;
		this.master = master;
		this.lookups = lookups;
		this.timeline = timeline;
		this.notifications = notifications;
		this.guide = guide;
	}

	void route(ReceptionRecord row, Task task, @Nullable String toQueue, Instant now) {
		Map<String, List<String>> targets = new LinkedHashMap<>();
		if (toQueue != null) {
			Queue target = lookups.activeQueue(toQueue);
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
		timeline.record(task.route(now));
		targets.forEach((queue, procedures) -> {
			Task next = Task.waiting(row.id(), queue, task.day(), task.ticketNumber(), row.priority() != null,
					task.id(), procedures, now);
			records.addTask(next);
			timeline.record(Task.queued(next));
		});
	}

	/**
	 * One queue per department that has procedures in the guide, except the current one.
	 */
	private Map<String, List<String>> guideTargets(ReceptionRecord row, String currentQueue) {
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

}
