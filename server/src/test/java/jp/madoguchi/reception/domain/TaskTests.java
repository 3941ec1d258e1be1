package jp.madoguchi.reception.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.reception.TaskStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The task's guarded transitions and the estimate formula, without a database. */
class TaskTests {

	static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

	static Task waiting() {
		return Task.waiting(UUID.randomUUID(), "moving", LocalDate.of(2026, 11, 26), 1, false, null, List.of(), NOW);
	}

	@Test
	void theUsualPathRecordsEachStep() {
		Task task = waiting();
		Task.Change called = task.call("3", "clerk", NOW.plusSeconds(60));
		assertThat(called.from()).isEqualTo(TaskStatus.WAITING);
		assertThat(called.to()).isEqualTo(TaskStatus.CALLED);
		assertThat(called.counter()).isEqualTo("3");
		task.startService(NOW.plusSeconds(120));
		Task.Change done = task.finish(NOW.plusSeconds(600));
		assertThat(done.from()).isEqualTo(TaskStatus.IN_SERVICE);
		assertThat(task.status()).isEqualTo(TaskStatus.DONE);
		assertThat(task.finishedAt()).isEqualTo(NOW.plusSeconds(600));
	}

	@Test
	void nonsenseTransitionsAreRefusedWith409() {
		Task task = waiting();
		assertThatThrownBy(() -> task.startService(NOW)).isInstanceOf(ProblemException.class)
			.satisfies(ex -> assertThat(((ProblemException) ex).code()).isEqualTo("INVALID_TRANSITION"))
			.satisfies(ex -> assertThat(((ProblemException) ex).status().value()).isEqualTo(409));
		task.call("1", "clerk", NOW);
		task.finish(NOW);
		assertThatThrownBy(() -> task.returnToQueue(NOW)).isInstanceOf(ProblemException.class);
		assertThatThrownBy(() -> task.call("1", "clerk", NOW)).isInstanceOf(ProblemException.class);
		assertThatThrownBy(() -> task.route(NOW)).isInstanceOf(ProblemException.class);
		assertThat(task.status()).isEqualTo(TaskStatus.DONE);
	}

	@Test
	void aRecallGoesToTheSameCounterOnly() {
		Task task = waiting();
		task.call("2", "clerk", NOW);
		assertThat(task.call("2", "clerk", NOW.plusSeconds(30)).from()).isEqualTo(TaskStatus.CALLED);
		assertThatThrownBy(() -> task.call("4", "other", NOW)).isInstanceOf(ProblemException.class);
	}

	@Test
	void anAbsentResidentReturnsToTheirOldPlace() {
		Task task = waiting();
		task.call("1", "clerk", NOW.plusSeconds(60));
		task.markAbsent(NOW.plusSeconds(300));
		task.returnToQueue(NOW.plusSeconds(900));
		assertThat(task.status()).isEqualTo(TaskStatus.WAITING);
		assertThat(task.enqueuedAt()).isEqualTo(NOW);
		assertThat(task.counter()).isNull();
	}

	@Test
	void theEstimateIsAheadTimesMinutesOverOpenCounters() {
		assertThat(WaitEstimator.estimate(0, 10, 1)).isZero();
		assertThat(WaitEstimator.estimate(3, 10, 1)).isEqualTo(30);
		assertThat(WaitEstimator.estimate(3, 10, 4)).isEqualTo(8);
		assertThat(WaitEstimator.estimate(5, 7.5, 2)).isEqualTo(19);
		assertThat(WaitEstimator.estimate(2, 10, 0)).isEqualTo(20); // no counter open:
																	// counted as one
	}

}
