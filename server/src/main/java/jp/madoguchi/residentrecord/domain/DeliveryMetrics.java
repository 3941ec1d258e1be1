package jp.madoguchi.residentrecord.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jp.madoguchi.residentrecord.DeliveryState;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Gauges for monitoring: deliveries per state
 * ({@code madoguchi_resident_record_deliveries}), the backlog not yet acknowledged
 * ({@code madoguchi_resident_record_backlog}) and the age of its oldest entry
 * ({@code madoguchi_resident_record_oldest_unsent_seconds}). One grouped query serves all
 * of them and is reused for a few seconds, so a scrape costs at most one small query.
 */
@Component
class DeliveryMetrics {

	private static final Duration REUSE = Duration.ofSeconds(5);

	private final DeliveryRepository deliveries;

	private final Clock clock;

	private @Nullable DeliveryStatistics cached;

	private Instant cachedAt = Instant.EPOCH;

	DeliveryMetrics(DeliveryRepository deliveries, MeterRegistry registry, Clock clock) {
		this.deliveries = deliveries;
		this.clock = clock;
		for (DeliveryState state : DeliveryState.values()) {
			Gauge.builder("madoguchi.resident.record.deliveries", this, m -> m.statistics().count(state))
				.tag("state", state.name())
				.description("Resident-record deliveries in this state")
				.register(registry);
		}
		Gauge.builder("madoguchi.resident.record.backlog", this, DeliveryMetrics::backlog)
			.description("Accepted notifications not yet acknowledged by the resident-record system")
			.register(registry);
		Gauge.builder("madoguchi.resident.record.oldest.unsent", this, DeliveryMetrics::oldestAgeSeconds)
			.baseUnit("seconds")
			.description("Age of the oldest delivery not yet acknowledged")
			.register(registry);
	}

	double backlog() {
		DeliveryStatistics statistics = statistics();
		long total = 0;
		for (DeliveryState state : DeliveryState.values()) {
			if (state != DeliveryState.SENT) {
				total += statistics.count(state);
			}
		}
		return total;
	}

	double oldestAgeSeconds() {
		Instant oldest = statistics().oldestUnsent();
		return (oldest == null) ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
	}

	private synchronized DeliveryStatistics statistics() {
		Instant now = clock.instant();
		if (cached == null || now.isAfter(cachedAt.plus(REUSE))) {
			try {
				cached = deliveries.statistics();
				cachedAt = now;
			}
			catch (RuntimeException ex) {
				// The database is away: report what was last known rather than fail the
				// scrape.
				if (cached == null) {
					return new DeliveryStatistics(java.util.Map.of(), null);
				}
			}
		}
		return cached;
	}

}
