package jp.madoguchi.statistics.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.reception.Receptions;
import jp.madoguchi.reception.TaskView;
import jp.madoguchi.statistics.TypicalWaits;

import org.springframework.stereotype.Service;

/**
 * {@link TypicalWaits} from the receptions of the same weekday in the weeks before: per
 * queue and hour of entry into the queue, the median wait. The hour is that of the task's
 * entry, so a resident who takes a ticket at ten reads the ten o'clock figure.
 */
@Service
class TypicalWaitFigures implements TypicalWaits {

	private final Receptions receptions;

	TypicalWaitFigures(Receptions receptions) {
		this.receptions = receptions;
	}

	@Override
	public Map<String, List<HourlyWait>> byQueue(LocalDate day) {
		Map<String, Map<Integer, List<Long>>> waits = new TreeMap<>();
		for (int week = 1; week <= WEEKS; week++) {
			LocalDate sameWeekday = day.minusWeeks(week);
			for (ReceptionView reception : receptions.openedBetween(sameWeekday, sameWeekday)) {
				for (TaskView task : reception.tasks()) {
					Long wait = ReceptionStatistics.waitSeconds(task);
					if (wait != null) {
						int hour = task.enqueuedAt().atZone(StatisticsPeriod.TOKYO).getHour();
						waits.computeIfAbsent(task.queue(), q -> new TreeMap<>())
							.computeIfAbsent(hour, h -> new ArrayList<>())
							.add(wait);
					}
				}
			}
		}
		Map<String, List<HourlyWait>> typical = new TreeMap<>();
		waits.forEach((queue, hours) -> {
			List<HourlyWait> list = new ArrayList<>();
			hours.forEach((hour, seconds) -> {
				if (seconds.size() >= MIN_MEASUREMENTS) {
					seconds.sort(null);
					int n = seconds.size();
					double median = (n % 2 == 1) ? seconds.get(n / 2)
							: (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2.0;
					list.add(new HourlyWait(hour, (int) Math.round(median / 60.0)));
				}
			});
			typical.put(queue, List.copyOf(list));
		});
		return typical;
	}

}
