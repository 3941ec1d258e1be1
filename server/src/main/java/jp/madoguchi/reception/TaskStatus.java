package jp.madoguchi.reception;

/**
 * Where a reception stands in one queue: 待ち, 呼出中, 対応中, 完了, 他課へ回付, 不在.
 */
public enum TaskStatus {

	WAITING, CALLED, IN_SERVICE, DONE, ROUTED, ABSENT;

	/** Whether the task is over in its queue (nothing more can happen to it there). */
	public boolean isFinal() {
		return this == DONE || this == ROUTED;
	}

}
