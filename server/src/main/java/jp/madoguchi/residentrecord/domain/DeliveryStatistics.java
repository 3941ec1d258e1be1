package jp.madoguchi.residentrecord.domain;

import java.time.Instant;
import java.util.Map;

import jp.madoguchi.residentrecord.DeliveryState;
import org.jspecify.annotations.Nullable;

/** How many deliveries are in each state, and the oldest not yet SENT. */
public record DeliveryStatistics(Map<DeliveryState, Long> counts, @Nullable Instant oldestUnsent) {

	public long count(DeliveryState state) {
		return counts.getOrDefault(state, 0L);
	}

}
