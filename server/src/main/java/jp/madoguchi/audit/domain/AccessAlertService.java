package jp.madoguchi.audit.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jp.madoguchi.audit.AccessAlerts;
import jp.madoguchi.audit.domain.PiaReport.Entry;
import jp.madoguchi.audit.domain.PiaReport.Section;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * {@link AccessAlerts} from the PIA report of the alert window, kept for a minute, with
 * the gauge {@code madoguchi.suspicious.access} per pattern.
 */
@Service("accessAlerts")
public class AccessAlertService implements AccessAlerts {

	static final Duration FRESH = Duration.ofMinutes(1);

	private final PiaReports reports;

	private final Clock clock;

	private volatile @Nullable Computed last;

	private record Computed(Instant at, List<Notice> notices) {
	}

	AccessAlertService(PiaReports reports, ObjectProvider<Clock> clock, MeterRegistry meters) {
		this.reports = reports;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		for (String pattern : List.of("AFTER_HOURS", "BULK_READS", "SIGN_IN_BURSTS")) {
			Gauge.builder("madoguchi.suspicious.access", this, (alerts) -> alerts.count(pattern))
				.tag("pattern", pattern.toLowerCase(java.util.Locale.ROOT))
				.description("Suspicious access in the alert window (PIA patterns)")
				.register(meters);
		}
	}

	@Override
	public List<Notice> notices() {
		Computed current = last;
		if (current == null || current.at().plus(FRESH).isBefore(clock.instant())) {
			return refresh();
		}
		return current.notices();
	}

	@Override
	@Scheduled(fixedDelayString = "1m", initialDelayString = "1m")
	public List<Notice> refresh() {
		PiaReport report = reports.recent();
		List<Notice> notices = new ArrayList<>();
		for (Section section : report.suspicious()) {
			for (Entry entry : section.entries()) {
				notices.add(new Notice(section.code(), entry.actor(), entry.ip(), entry.subject(), entry.first(),
						entry.last(), entry.count(), entry.link()));
			}
		}
		notices.sort(Comparator.comparing(Notice::first));
		List<Notice> result = List.copyOf(notices);
		last = new Computed(clock.instant(), result);
		return result;
	}

	/** Notices per pattern, for the page. */
	public Map<String, Long> counts() {
		return Map.of("AFTER_HOURS", count("AFTER_HOURS"), "BULK_READS", count("BULK_READS"), "SIGN_IN_BURSTS",
				count("SIGN_IN_BURSTS"));
	}

	private long count(String pattern) {
		Computed current = last;
		List<Notice> notices = (current != null) ? current.notices() : notices();
		return notices.stream().filter((n) -> n.pattern().equals(pattern)).count();
	}

}
