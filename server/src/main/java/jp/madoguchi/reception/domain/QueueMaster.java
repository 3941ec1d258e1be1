package jp.madoguchi.reception.domain;

import java.util.List;
import java.util.Optional;

/** Departments, queues and counters (masters). */
public interface QueueMaster {

	List<Queue> queues();

	/** One queue with its counters: two small indexed reads, on every call and ticket. */
	Optional<Queue> queue(String code);

	List<Department> departments();

	boolean queueExists(String code);

	boolean departmentExists(String code);

	void addQueue(Queue queue);

	/**
	 * Counters are upserted so one that disappears from the list is closed, never
	 * deleted.
	 */
	void updateQueue(Queue queue);

	void setCounterOpen(String queue, String counter, boolean open);

	void saveDepartment(Department department);

}
