package jp.madoguchi.statistics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jp.madoguchi.moving.NotificationFacts;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.reception.ReceptionSource;
import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.reception.Receptions;
import jp.madoguchi.reception.TaskView;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Receptions (窓口受付) per day or hour of opening (Tokyo time), per kind of the notification
 * they were about, per queue or per counter, with waiting and service times and the share
 * of pre-applications and card reads.
 *
 * <p>
 * Times come from the tasks (a reception's turn in one queue): waiting is call − entry
 * into that queue (the last call counts, so a resident called again after being absent
 * waited until then); service is done or routed − start of service (the call when nobody
 * pressed 対応中, like the wait estimate). Tasks not yet called or not yet finished give no
 * time. By day, hour or kind a reception counts once with all its tasks; by queue or
 * counter it counts in every queue (counter) that served it, with that task's times only.
 * Median and 90th percentile interpolate like Excel's PERCENTILE.INC, so an exported
 * sheet can be checked by hand.
 */
@Service
public class ReceptionStatistics {

	/** The kind key of receptions opened without a notification. */
	public static final String NO_NOTIFICATION = "NONE";

	private final Receptions receptions;

	private final NotificationFacts facts;

	private final MessageSource messages;

	ReceptionStatistics(Receptions receptions, NotificationFacts facts, MessageSource messages) {
		this.receptions = receptions;
		this.facts = facts;
		this.messages = messages;
	}

	public enum GroupBy {

		DAY, HOUR, QUEUE, TYPE, COUNTER;

		public static GroupBy parse(String value) {
			for (GroupBy groupBy : values()) {
				if (groupBy.name().equalsIgnoreCase(value)) {
					return groupBy;
				}
			}
			throw ProblemException.invalid("INVALID_GROUP_BY", "day, hour, queue, type, counter", value);
		}

	}

	/**
	 * One row. Minutes have one decimal and are null when nothing was measured; shares
	 * are percent of the group's receptions with one decimal.
	 */
	public record Group(String key, String label, long receptions, @Nullable BigDecimal averageWaitMinutes,
			@Nullable BigDecimal medianWaitMinutes, @Nullable BigDecimal p90WaitMinutes,
			@Nullable BigDecimal averageServiceMinutes, @Nullable BigDecimal medianServiceMinutes,
			@Nullable BigDecimal p90ServiceMinutes, @Nullable BigDecimal prefilingPercent,
			@Nullable BigDecimal cardPercent) {
	}

	/** What is gathered for one group before the figures are made. */
	private static final class Bucket {

		final Set<UUID> receptions = new LinkedHashSet<>();

		final List<Long> waits = new ArrayList<>();

		final List<Long> services = new ArrayList<>();

		long prefiling;

		long card;

		void add(ReceptionView reception, List<TaskView> tasks) {
			if (receptions.add(reception.id())) {
				if (reception.source() == ReceptionSource.PREFILING) {
					prefiling++;
				}
				if (reception.source() == ReceptionSource.CARD) {
					card++;
				}
			}
			for (TaskView task : tasks) {
				Long wait = waitSeconds(task);
				if (wait != null) {
					waits.add(wait);
				}
				Long service = serviceSeconds(task);
				if (service != null) {
					services.add(service);
				}
			}
		}

	}

	public List<Group> receptions(LocalDate from, LocalDate to, GroupBy groupBy, Locale locale) {
		StatisticsPeriod.check(from, to);
		List<ReceptionView> opened = receptions.openedBetween(from, to);
		Map<String, String> labels = new LinkedHashMap<>();
		Map<String, Bucket> buckets = new LinkedHashMap<>();
		switch (groupBy) {
			case DAY -> {
				for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
					labels.put(day.toString(), day.toString());
				}
				opened.forEach(r -> bucket(buckets, tokyoDay(r)).add(r, r.tasks()));
			}
			case HOUR -> {
				for (int hour = 0; hour < 24; hour++) {
					labels.put(StatisticsPeriod.hourKey(hour),
							messages.getMessage("statistics.hour", new Object[] { hour }, locale));
				}
				opened.forEach(r -> bucket(buckets,
						StatisticsPeriod.hourKey(r.createdAt().atZone(StatisticsPeriod.TOKYO).getHour()))
					.add(r, r.tasks()));
			}
			case TYPE -> {
				for (NotificationType type : NotificationType.values()) {
					labels.put(type.name(), messages.getMessage("statistics.type." + type.name(), null, locale));
				}
				labels.put(NO_NOTIFICATION, messages.getMessage("statistics.type.NONE", null, locale));
				Map<UUID, NotificationType> types = facts
					.typesOf(opened.stream().map(ReceptionView::notificationId).filter(Objects::nonNull).toList());
				opened.forEach(r -> {
					NotificationType type = (r.notificationId() != null) ? types.get(r.notificationId()) : null;
					bucket(buckets, (type != null) ? type.name() : NO_NOTIFICATION).add(r, r.tasks());
				});
			}
			case QUEUE -> opened.forEach(r -> r.tasks().forEach(t -> bucket(buckets, t.queue()).add(r, List.of(t))));
			default -> opened.forEach(r -> r.tasks()
				.stream()
				.filter(t -> t.counter() != null)
				.forEach(t -> bucket(buckets, t.queue() + "/" + t.counter()).add(r, List.of(t))));
		}
		List<Group> groups = new ArrayList<>();
		// fixed rows first (every day, every hour, every kind), then what the data had
		labels.forEach((key, label) -> groups.add(group(key, label, buckets.getOrDefault(key, new Bucket()))));
		Map<String, String> queueNames = labels.isEmpty() ? receptions.queueNames() : Map.of();
		buckets.keySet()
			.stream()
			.filter(key -> !labels.containsKey(key))
			.sorted()
			.forEach(key -> groups.add(group(key, queueLabel(key, queueNames), buckets.get(key))));
		return groups;
	}

	/** "住民異動" for a queue, "住民異動 2" for counter 2 of it; the code if unknown. */
	private static String queueLabel(String key, Map<String, String> queueNames) {
		int slash = key.indexOf('/');
		String queue = (slash < 0) ? key : key.substring(0, slash);
		String name = queueNames.getOrDefault(queue, queue);
		return (slash < 0) ? name : name + " " + key.substring(slash + 1);
	}

	private static Bucket bucket(Map<String, Bucket> buckets, String key) {
		return buckets.computeIfAbsent(key, k -> new Bucket());
	}

	private static String tokyoDay(ReceptionView reception) {
		return reception.createdAt().atZone(StatisticsPeriod.TOKYO).toLocalDate().toString();
	}

	static @Nullable Long waitSeconds(TaskView task) {
		Instant called = task.calledAt();
		return (called != null) ? Duration.between(task.enqueuedAt(), called).toSeconds() : null;
	}

	static @Nullable Long serviceSeconds(TaskView task) {
		Instant start = (task.serviceStartedAt() != null) ? task.serviceStartedAt() : task.calledAt();
		Instant end = task.finishedAt();
		if (start == null || end == null || !task.status().isFinal()) {
			return null;
		}
		return Duration.between(start, end).toSeconds();
	}

	private static Group group(String key, String label, Bucket bucket) {
		long count = bucket.receptions.size();
		return new Group(key, label, count, average(bucket.waits), percentile(bucket.waits, 50),
				percentile(bucket.waits, 90), average(bucket.services), percentile(bucket.services, 50),
				percentile(bucket.services, 90), percent(bucket.prefiling, count), percent(bucket.card, count));
	}

	static @Nullable BigDecimal average(List<Long> seconds) {
		if (seconds.isEmpty()) {
			return null;
		}
		long total = seconds.stream().mapToLong(Long::longValue).sum();
		return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(seconds.size() * 60L), 1, RoundingMode.HALF_UP);
	}

	/** PERCENTILE.INC: rank p/100 × (n − 1), linear between neighbours; in minutes. */
	static @Nullable BigDecimal percentile(List<Long> seconds, int p) {
		if (seconds.isEmpty()) {
			return null;
		}
		long[] sorted = seconds.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		// exact: rank = p(n-1)/100, value = lo + (hi - lo) × fraction
		long numerator = (long) p * (sorted.length - 1);
		int lower = (int) (numerator / 100);
		long remainder = numerator % 100;
		BigDecimal value = BigDecimal.valueOf(sorted[lower]);
		if (remainder != 0) {
			value = value.add(BigDecimal.valueOf(sorted[lower + 1] - sorted[lower])
				.multiply(BigDecimal.valueOf(remainder))
				.divide(BigDecimal.valueOf(100)));
		}
		return value.divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
	}

	static @Nullable BigDecimal percent(long part, long whole) {
		if (whole == 0) {
			return null;
		}
		return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

}
