package jp.madoguchi.reception.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * 待ち行列 with its counters. {@code firstNumber} is the first ticket of each day, so queues
 * have number ranges of their own.
 */
public record Queue(String code, String name, String nameEn, @Nullable String department, int firstNumber,
		int defaultServiceMinutes, boolean active, boolean sample, List<Counter> counters) {

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
