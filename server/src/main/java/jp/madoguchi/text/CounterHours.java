package jp.madoguchi.text;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The counter's opening hours per weekday (窓口の開庁時間): a weekday without hours is not
 * opened. A closed day ({@link ClosedDays}) is closed all day whatever its weekday's
 * hours: hours never make a closed day an open one.
 *
 * @param days the hours of each weekday the counter opens
 */
public record CounterHours(Map<DayOfWeek, Span> days) {

	/** 8:45–17:30, Monday to Friday (Kushiro's). */
	public static final CounterHours STANDARD = weekdays(LocalTime.of(8, 45), LocalTime.of(17, 30));

	private static final String WEEKDAYS = "月火水木金土日";

	public CounterHours {
		Objects.requireNonNull(days, "days");
		days = Collections.unmodifiableMap(days.isEmpty() ? new EnumMap<>(DayOfWeek.class) : new EnumMap<>(days));
	}

	/**
	 * One weekday's hours: open from {@code opens} (inclusive) to {@code closes}
	 * (exclusive), on the same day.
	 */
	public record Span(LocalTime opens, LocalTime closes) {

		public Span {
			Objects.requireNonNull(opens, "opens");
			Objects.requireNonNull(closes, "closes");
			if (!opens.isBefore(closes)) {
				throw new IllegalArgumentException("opens " + opens + " is not before closes " + closes);
			}
		}

		public boolean contains(LocalTime time) {
			return !time.isBefore(opens) && time.isBefore(closes);
		}

		@Override
		public String toString() {
			return opens + "～" + closes;
		}

	}

	/** The same hours Monday to Friday. */
	public static CounterHours weekdays(LocalTime opens, LocalTime closes) {
		Map<DayOfWeek, Span> days = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day = DayOfWeek.MONDAY; day != DayOfWeek.SATURDAY; day = day.plus(1)) {
			days.put(day, new Span(opens, closes));
		}
		return new CounterHours(days);
	}

	public Optional<Span> on(DayOfWeek day) {
		return Optional.ofNullable(days.get(day));
	}

	/**
	 * Whether the counter's hours include this time of this weekday (closed days aside).
	 */
	public boolean isOpen(DayOfWeek day, LocalTime time) {
		Span span = days.get(day);
		return span != null && span.contains(time);
	}

	/** For reports: {@code 月～金 08:45～17:30}, runs of weekdays with the same hours. */
	public String summary() {
		if (days.isEmpty()) {
			return "なし";
		}
		List<String> parts = new ArrayList<>();
		DayOfWeek[] all = DayOfWeek.values();
		int i = 0;
		while (i < all.length) {
			Span span = days.get(all[i]);
			if (span == null) {
				i++;
				continue;
			}
			int last = i;
			while (last + 1 < all.length && span.equals(days.get(all[last + 1]))) {
				last++;
			}
			String run = (last == i) ? name(all[i]) : name(all[i]) + ((last == i + 1) ? "・" : "～") + name(all[last]);
			parts.add(run + " " + span);
			i = last + 1;
		}
		return String.join("、", parts);
	}

	private static String name(DayOfWeek day) {
		return String.valueOf(WEEKDAYS.charAt(day.getValue() - 1));
	}

}
