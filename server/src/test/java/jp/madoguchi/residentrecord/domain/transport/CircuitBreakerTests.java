package jp.madoguchi.residentrecord.domain.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTests {

	final MutableClock clock = new MutableClock();

	final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), clock);

	@Test
	void opensAfterTheThresholdOfFailuresInARow() {
		breaker.failure();
		breaker.failure();
		assertThat(breaker.tryAcquire()).isTrue();
		breaker.failure();
		assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(breaker.tryAcquire()).isFalse();
		assertThat(breaker.retryAt()).isEqualTo(clock.instant().plusSeconds(30));
	}

	@Test
	void aSuccessInBetweenStartsTheCountAgain() {
		breaker.failure();
		breaker.failure();
		breaker.success();
		breaker.failure();
		breaker.failure();
		assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void halfOpenLetsOneTrialThroughWhoseOutcomeDecides() {
		for (int i = 0; i < 3; i++) {
			breaker.failure();
		}
		clock.advance(Duration.ofSeconds(31));
		assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
		assertThat(breaker.tryAcquire()).isTrue();
		assertThat(breaker.tryAcquire()).as("only one trial at a time").isFalse();
		breaker.failure();
		assertThat(breaker.state()).as("a failed trial opens it again").isEqualTo(CircuitBreaker.State.OPEN);
		clock.advance(Duration.ofSeconds(31));
		assertThat(breaker.tryAcquire()).isTrue();
		breaker.success();
		assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(breaker.tryAcquire()).isTrue();
		assertThat(breaker.tryAcquire()).isTrue();
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-26T00:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Tokyo");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
