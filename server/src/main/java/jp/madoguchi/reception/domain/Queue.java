package jp.madoguchi.reception.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * 待ち行列 with its counters. {@code firstNumber} is the first ticket of each day, so queues
 * have number ranges of their own. {@code slotMinutes} and {@code slotCapacity} are the
 * booking slots (予約枠): how long one is and how many visits it takes (0: not bookable).
 */
public record Queue(String code, String name, String nameEn, @Nullable String department, int firstNumber,
		int defaultServiceMinutes, int slotMinutes, int slotCapacity, boolean active, boolean sample,
		List<Counter> counters) {

	/** Slot length when the master says nothing. */
	public static final int DEFAULT_SLOT_MINUTES = 30;

	public Queue {
		counters = List.copyOf(counters);
	}

	public long openCounters() {
		return counters.stream().filter(Counter::open).count();
	}

	public @Nullable Counter counter(String code) {
		return counters.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
	}

	/** 窓口. */
	public record Counter(String code, String name, String nameEn, boolean open) {
	}

}
