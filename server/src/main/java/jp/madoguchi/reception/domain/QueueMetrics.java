package jp.madoguchi.reception.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges per active queue for monitoring, tagged {@code queue}: how many wait today
 * ({@code madoguchi_queue_waiting}), how long the longest-waiting one has waited
 * ({@code madoguchi_queue_longest_wait_seconds}) and the estimate a newcomer would be
 * given ({@code madoguchi_queue_estimated_wait_seconds}, {@link WaitEstimator}). Queues
 * come and go through the admin screen, so the rows are rebuilt on a schedule (one
 * grouped query plus the queue master) rather than per scrape.
 */
@Component
public class QueueMetrics {

	private static final Logger log = LoggerFactory.getLogger(QueueMetrics.class);

	private final QueueMaster master;

	private final ReceptionRecords store;

	private final WaitEstimator estimator;

	private final Clock clock;

	private final MultiGauge waiting;

	private final MultiGauge longest;

	private final MultiGauge estimated;

	QueueMetrics(QueueMaster master, ReceptionRecords store, WaitEstimator estimator, Clock clock,
			MeterRegistry registry) {
		this.master = master;
		this.store = store;
		this.estimator = estimator;
		this.clock = clock;
		this.waiting = MultiGauge.builder("madoguchi.queue.waiting")
			.description("Receptions waiting in the queue today")
			.register(registry);
		this.longest = MultiGauge.builder("madoguchi.queue.longest.wait")
			.baseUnit("seconds")
			.description("How long the longest-waiting reception of the queue has waited")
			.register(registry);
		this.estimated = MultiGauge.builder("madoguchi.queue.estimated.wait")
			.baseUnit("seconds")
			.description("The wait a reception taken now would be told")
			.register(registry);
	}

	/** Recomputes every row; also callable directly (tests, the health page). */
	@Scheduled(initialDelay = 5_000, fixedDelay = 15_000)
	public void refresh() {
		try {
			Instant now = clock.instant();
			Map<String, QueueWaiting> byQueue = store.waitingByQueue(LocalDate.now(clock))
				.stream()
				.collect(Collectors.toMap(QueueWaiting::queue, Function.identity()));
			List<MultiGauge.Row<?>> waitingRows = new ArrayList<>();
			List<MultiGauge.Row<?>> longestRows = new ArrayList<>();
			List<MultiGauge.Row<?>> estimatedRows = new ArrayList<>();
			for (Queue queue : master.queues()) {
				if (!queue.active()) {
					continue;
				}
				QueueWaiting w = byQueue.get(queue.code());
				int count = (w != null) ? w.count() : 0;
				long oldest = (w != null) ? Math.max(0, Duration.between(w.oldestEnqueuedAt(), now).toSeconds()) : 0;
				Tags tags = Tags.of("queue", queue.code());
				waitingRows.add(MultiGauge.Row.of(tags, count));
				longestRows.add(MultiGauge.Row.of(tags, oldest));
				estimatedRows.add(MultiGauge.Row.of(tags, estimator.estimate(queue, count) * 60L));
			}
			waiting.register(waitingRows, true);
			longest.register(longestRows, true);
			estimated.register(estimatedRows, true);
		}
		catch (RuntimeException ex) {
			// The database is away: keep the last figures rather than break the schedule.
			log.warn("Queue metrics not refreshed: {}", ex.getMessage());
		}
	}

}
