package jp.madoguchi.reception.web;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.madoguchi.reception.TaskStatus;
import jp.madoguchi.reception.domain.Queue;
import jp.madoguchi.reception.domain.QueueAdministration;
import jp.madoguchi.reception.domain.Calling;
import jp.madoguchi.reception.domain.ReceptionQueries;
import jp.madoguchi.reception.domain.QueueState;
import jp.madoguchi.reception.domain.Task;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Queues for counter staff: the state of a queue, calling the next resident, opening
 * counters.
 */
@RestController
@RequestMapping("/api/v1/queues")
@PreAuthorize(ReceptionApiController.STAFF)
class QueueApiController {

	private final ReceptionQueries receptions;

	private final Calling calling;

	private final QueueAdministration administration;

	QueueApiController(ReceptionQueries receptions, Calling calling, QueueAdministration administration) {
		this.receptions = receptions;
		this.calling = calling;
		this.administration = administration;
	}

	record CallBody(@NotBlank @Size(max = 16) String counter) {
	}

	record CounterBody(boolean open) {
	}

	/**
	 * @param waiting how many wait now
	 * @param estimatedWaitMinutes the estimate for someone taking a ticket now
	 * @param minutesPerService the measured (or default) minutes per service behind it
	 */
	record QueueResponse(String code, String name, String nameEn, int waiting, int estimatedWaitMinutes,
			List<Called> calledNow, List<Waiting> waitingTickets, double minutesPerService, long openCounters) {

		static QueueResponse of(QueueState state) {
			return new QueueResponse(state.queue().code(), state.queue().name(), state.queue().nameEn(),
					state.waiting().size(), state.estimatedWaitMinutes(),
					state.calledNow().stream().map(Called::of).toList(),
					state.waiting().stream().map(Waiting::of).toList(),
					Math.round(state.minutesPerService() * 10) / 10.0, state.queue().openCounters());
		}

	}

	record Called(int ticketNumber, @Nullable String counter, TaskStatus status, @Nullable OffsetDateTime calledAt) {

		static Called of(Task task) {
			return new Called(task.ticketNumber(), task.counter(), task.status(),
					ReceptionResponse.time(task.calledAt()));
		}

	}

	record Waiting(int ticketNumber, boolean priority, OffsetDateTime since) {

		static Waiting of(Task task) {
			return new Waiting(task.ticketNumber(), task.priority(), ReceptionResponse.time(task.enqueuedAt()));
		}

	}

	record QueueSummary(String code, String name, String nameEn, @Nullable String department,
			List<Queue.Counter> counters, boolean active) {

		static QueueSummary of(Queue queue) {
			return new QueueSummary(queue.code(), queue.name(), queue.nameEn(), queue.department(), queue.counters(),
					queue.active());
		}

	}

	@GetMapping
	List<QueueSummary> list() {
		return administration.queues().stream().map(QueueSummary::of).toList();
	}

	@GetMapping("/{queue}")
	QueueResponse get(@PathVariable String queue) {
		return QueueResponse.of(receptions.queueState(queue));
	}

	@PostMapping("/{queue}/call-next")
	ReceptionResponse callNext(@PathVariable String queue, @Valid @RequestBody CallBody body) {
		return ReceptionResponse.of(calling.callNext(queue, body.counter()));
	}

	/** 窓口の開閉: open counters count in the estimate. */
	@PostMapping("/{queue}/counters/{counter}")
	QueueSummary counter(@PathVariable String queue, @PathVariable String counter, @RequestBody CounterBody body) {
		administration.setCounterOpen(queue, counter, body.open());
		return administration.queues()
			.stream()
			.filter(q -> q.code().equals(queue))
			.map(QueueSummary::of)
			.findFirst()
			.orElseThrow();
	}

}
