package jp.madoguchi.residentrecord.domain.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A small circuit breaker for the HTTP endpoint: after {@code threshold} failures in a
 * row it opens and no call is made for {@code openFor}; then one trial call is let
 * through (half-open): its success closes the breaker, its failure opens it again. A dead
 * endpoint is thus asked once per interval instead of once per delivery per poll, and
 * deliveries do not burn their attempts against it. Per instance, by design: each
 * instance learns about the endpoint on its own.
 */
public final class CircuitBreaker {

	public enum State {

		CLOSED, OPEN, HALF_OPEN

	}

	private final int threshold;

	private final Duration openFor;

	private final Clock clock;

	private int failures;

	private @Nullable Instant openedAt;

	private boolean trialInFlight;

	public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
		this.threshold = Math.max(1, threshold);
		this.openFor = openFor;
		this.clock = clock;
	}

	public synchronized State state() {
		if (openedAt == null) {
			return State.CLOSED;
		}
		return clock.instant().isBefore(openedAt.plus(openFor)) ? State.OPEN : State.HALF_OPEN;
	}

	/**
	 * Whether a call may go out now; in half-open state only one trial call at a time.
	 */
	public synchronized boolean tryAcquire() {
		State state = state();
		if (state == State.CLOSED) {
			return true;
		}
		if (state == State.HALF_OPEN && !trialInFlight) {
			trialInFlight = true;
			return true;
		}
		return false;
	}

	public synchronized void success() {
		failures = 0;
		openedAt = null;
		trialInFlight = false;
	}

	public synchronized void failure() {
		failures++;
		if (trialInFlight || failures >= threshold) {
			openedAt = clock.instant();
		}
		trialInFlight = false;
	}

	/** When an open breaker lets the next trial call through. */
	public synchronized @Nullable Instant retryAt() {
		return (openedAt != null) ? openedAt.plus(openFor) : null;
	}

}
