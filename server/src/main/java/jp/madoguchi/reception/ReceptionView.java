package jp.madoguchi.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A reception as other modules see it: its ticket and every task, oldest first.
 * {@link #current()} is the task that matters now (being served, else called, else
 * waiting, else the last one). {@code sentAheadNotice} is the number of the moving-out
 * data sent ahead (特例転入) the ticket was issued for, from which the counter starts the
 * 特例転入.
 */
public record ReceptionView(UUID id, LocalDate day, int ticketNumber, String originQueue, @Nullable UUID notificationId,
		ReceptionSource source, @Nullable String name, @Nullable Priority priority, Instant createdAt, String createdBy,
		List<TaskView> tasks, @Nullable String sentAheadNotice) {

	public ReceptionView {
		tasks = List.copyOf(tasks);
	}

	public TaskView current() {
		return currentOf(tasks);
	}

	/** The task that matters now among {@code tasks} (oldest first, not empty). */
	public static TaskView currentOf(List<TaskView> tasks) {
		for (TaskStatus wanted : new TaskStatus[] { TaskStatus.IN_SERVICE, TaskStatus.CALLED, TaskStatus.WAITING,
				TaskStatus.ABSENT }) {
			for (TaskView task : tasks) {
				if (task.status() == wanted) {
					return task;
				}
			}
		}
		return tasks.get(tasks.size() - 1);
	}

}
