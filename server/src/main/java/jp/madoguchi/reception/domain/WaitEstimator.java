package jp.madoguchi.reception.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * 待ち時間の目安. For a resident with {@code ahead} receptions waiting before them:
 *
 * <pre>
 * estimate = ceil(ahead × m / c)
 * </pre>
 *
 * where {@code m} is the mean service time in minutes of the queue's last
 * {@value #SAMPLES} finished services of the last {@value #WINDOW_DAYS} days (start of
 * service, or the call when nobody pressed 対応中, to done or routed) and {@code c} the
 * number of open counters (at least 1). With fewer than {@value #MIN_SAMPLES}
 * measurements the queue's configured default service time stands in for {@code m}. The
 * estimate thus follows what the counters actually take, and a freshly opened queue still
 * gives a sensible figure.
 */
@Component
class WaitEstimator {

	static final int SAMPLES = 20;

	static final int MIN_SAMPLES = 3;

	static final int WINDOW_DAYS = 14;

	private final ReceptionRecords store;

	private final Clock clock;

	WaitEstimator(ReceptionRecords store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** The minutes one service takes in the queue, measured or the default. */
	double minutesPerService(Queue queue) {
		Instant since = clock.instant().minus(Duration.ofDays(WINDOW_DAYS));
		List<Duration> measured = store.recentServiceTimes(queue.code(), since, SAMPLES);
		if (measured.size() < MIN_SAMPLES) {
			return queue.defaultServiceMinutes();
		}
		return measured.stream().mapToLong(Duration::toSeconds).average().orElse(0) / 60.0;
	}

	int estimate(Queue queue, int ahead) {
		return estimate(ahead, minutesPerService(queue), queue.openCounters());
	}

	static int estimate(int ahead, double minutesPerService, long openCounters) {
		if (ahead <= 0) {
			return 0;
		}
		return (int) Math.ceil(ahead * minutesPerService / Math.max(1, openCounters));
	}

}
