package jp.madoguchi.statistics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jp.madoguchi.moving.NotificationFacts;
import jp.madoguchi.moving.NotificationFacts.Fact;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Notifications per day, hour (of creation, Tokyo time: the counter's workload), kind or
 * state, with how many were accepted and the average minutes from entry to acceptance.
 * Every day or hour of the period is a row, zero or not, so charts and sheets line up.
 */
@Service
public class NotificationStatistics {

	private final NotificationFacts facts;

	private final MessageSource messages;

	NotificationStatistics(NotificationFacts facts, MessageSource messages) {
		this.facts = facts;
		this.messages = messages;
	}

	public enum GroupBy {

		DAY, HOUR, TYPE, STATUS;

		public static GroupBy parse(String value) {
			for (GroupBy groupBy : values()) {
				if (groupBy.name().equalsIgnoreCase(value)) {
					return groupBy;
				}
			}
			throw ProblemException.invalid("INVALID_GROUP_BY", "day, hour, type, status", value);
		}

	}

	/**
	 * @param key stable code (date, hour 00-23, type or status code)
	 * @param label what people read (Japanese)
	 * @param averageMinutesToAccept one decimal; null when none was accepted
	 */
	public record Group(String key, String label, long notifications, long accepted,
			@Nullable BigDecimal averageMinutesToAccept) {
	}

	public List<Group> notifications(LocalDate from, LocalDate to, GroupBy groupBy, Locale locale) {
		StatisticsPeriod.check(from, to);
		Map<String, String> labels = new LinkedHashMap<>();
		Function<Fact, String> key;
		switch (groupBy) {
			case DAY -> {
				for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
					labels.put(day.toString(), day.toString());
				}
				key = (fact) -> tokyo(fact).toLocalDate().toString();
			}
			case HOUR -> {
				for (int hour = 0; hour < 24; hour++) {
					labels.put(StatisticsPeriod.hourKey(hour),
							messages.getMessage("statistics.hour", new Object[] { hour }, locale));
				}
				key = (fact) -> StatisticsPeriod.hourKey(tokyo(fact).getHour());
			}
			case TYPE -> {
				for (NotificationType type : NotificationType.values()) {
					labels.put(type.name(), messages.getMessage("statistics.type." + type.name(), null, locale));
				}
				key = (fact) -> fact.type().name();
			}
			default -> {
				for (NotificationStatus status : NotificationStatus.values()) {
					labels.put(status.name(), messages.getMessage("statistics.status." + status.name(), null, locale));
				}
				key = (fact) -> fact.status().name();
			}
		}
		Map<String, List<Fact>> grouped = new LinkedHashMap<>();
		labels.keySet().forEach((k) -> grouped.put(k, new ArrayList<>()));
		for (Fact fact : facts.createdBetween(from, to)) {
			grouped.computeIfAbsent(key.apply(fact), (k) -> new ArrayList<>()).add(fact);
		}
		List<Group> groups = new ArrayList<>();
		grouped.forEach((k, list) -> groups.add(group(k, labels.getOrDefault(k, k), list)));
		return groups;
	}

	private static Group group(String key, String label, List<Fact> facts) {
		long accepted = 0;
		long totalSeconds = 0;
		for (Fact fact : facts) {
			if (fact.acceptedAt() != null) {
				accepted++;
				totalSeconds += Duration.between(fact.createdAt(), fact.acceptedAt()).getSeconds();
			}
		}
		BigDecimal average = (accepted == 0) ? null
				: BigDecimal.valueOf(totalSeconds).divide(BigDecimal.valueOf(accepted * 60), 1, RoundingMode.HALF_UP);
		return new Group(key, label, facts.size(), accepted, average);
	}

	private static ZonedDateTime tokyo(Fact fact) {
		return fact.createdAt().atZone(StatisticsPeriod.TOKYO);
	}

}
