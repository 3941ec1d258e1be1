package jp.madoguchi.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per key (an IP address, say), in memory: each key may take
 * {@code capacity} steps at once and gets them back evenly over {@code period}. Used for
 * the public site's request rate and for failed sign-ins per address. Each instance
 * counts on its own; with several instances behind a balancer the limit applies per
 * instance.
 */
public final class RateLimiter {

	/** Above this many keys, buckets that are full again are dropped. */
	private static final int MAXIMUM_KEYS = 50_000;

	private final double capacity;

	private final double perNano;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	public RateLimiter(int capacity, Duration period) {
		this(capacity, period, System::nanoTime);
	}

	RateLimiter(int capacity, Duration period, LongSupplier nanoTime) {
		if (capacity < 1 || period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("capacity >= 1 and a positive period, got " + capacity + ", " + period);
		}
		this.capacity = capacity;
		this.perNano = capacity / (double) period.toNanos();
		this.nanoTime = nanoTime;
	}

	/**
	 * Takes a step for the key if one is left: empty when allowed, otherwise how long
	 * until the next step.
	 */
	public Optional<Duration> tryAcquire(String key) {
		return bucket(key).take(true);
	}

	/** How long the key must wait, when it has no step left; takes nothing. */
	public Optional<Duration> exhausted(String key) {
		Bucket bucket = buckets.get(key);
		return (bucket != null) ? bucket.take(false) : Optional.empty();
	}

	/** Uses up a step of the key (a failed sign-in), if one is left. */
	public void consume(String key) {
		bucket(key).take(true);
	}

	private Bucket bucket(String key) {
		if (buckets.size() > MAXIMUM_KEYS) {
			long now = nanoTime.getAsLong();
			buckets.values().removeIf(bucket -> bucket.fullAt(now));
		}
		return buckets.computeIfAbsent(key, (k) -> new Bucket(nanoTime.getAsLong()));
	}

	private final class Bucket {

		private double tokens = capacity;

		private long updated;

		Bucket(long now) {
			this.updated = now;
		}

		synchronized Optional<Duration> take(boolean consume) {
			long now = nanoTime.getAsLong();
			tokens = Math.min(capacity, tokens + (now - updated) * perNano);
			updated = now;
			if (tokens >= 1) {
				if (consume) {
					tokens -= 1;
				}
				return Optional.empty();
			}
			return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano)));
		}

		synchronized boolean fullAt(long now) {
			return tokens + (now - updated) * perNano >= capacity;
		}

	}

}
