package jp.madoguchi.reception.domain;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * 待ち行列 with its counters. {@code firstNumber} is the first ticket of each day, so queues
 * have number ranges of their own. {@code slotMinutes} and {@code slotCapacity} are the
 * booking slots (予約枠): how long one is and how many visits it takes (0: not bookable).
 * {@code names} are the names residents read in their languages ({@link LocalNames}).
 */
public record Queue(String code, String name, String nameEn, Map<String, String> names, @Nullable String department,
		int firstNumber, int defaultServiceMinutes, int slotMinutes, int slotCapacity, boolean active, boolean sample,
		List<Counter> counters) {

	/** Slot length when the master says nothing. */
	public static final int DEFAULT_SLOT_MINUTES = 30;

	public Queue {
		names = LocalNames.of(names);
		counters = List.copyOf(counters);
	}

	/**
	 * The name in a resident's language, else English, else Japanese
	 * ({@link LocalNames}).
	 */
	public String localName(String language) {
		return LocalNames.pick(name, nameEn, names, language);
	}

	public long openCounters() {
		return counters.stream().filter(Counter::open).count();
	}

	public @Nullable Counter counter(String code) {
		return counters.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
	}

	/** 窓口; {@code names} as the queue's. */
	public record Counter(String code, String name, String nameEn, Map<String, String> names, boolean open) {

		public Counter {
			names = LocalNames.of(names);
		}

		/** The name in a resident's language, else English, else Japanese. */
		public String localName(String language) {
			return LocalNames.pick(name, nameEn, names, language);
		}

		/** The same counter, open (listed again on the master page). */
		public Counter reopened() {
			return new Counter(code, name, nameEn, names, true);
		}

		/** A counter named by its number in every language: 3番窓口, Counter 3, 3号窗口 …. */
		public static Counter numbered(String code, boolean open) {
			return new Counter(code, code + "番窓口", "Counter " + code,
					Map.of("zh", code + "号窗口", "ko", code + "번 창구", "vi", "Quầy số " + code, "pt", "Guichê " + code),
					open);
		}

	}

}
