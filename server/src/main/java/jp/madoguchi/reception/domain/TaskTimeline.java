package jp.madoguchi.reception.domain;

import jp.madoguchi.platform.CurrentActor;

import org.springframework.stereotype.Component;

/** Writes every task change to the reception's timeline, with who made it. */
@Component
class TaskTimeline {

	private final ReceptionRecords records;

	TaskTimeline(ReceptionRecords records) {
		this.records = records;
	}

	void record(Task.Change change) {
		records.addEvent(change.task().receptionId(), change, CurrentActor.name());
	}

}
