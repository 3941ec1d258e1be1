package jp.madoguchi.retention.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night (02:30 Tokyo by default, {@code madoguchi.retention.cron}, "-" turns it
 * off) each instance tries; the advisory lock and the day's run record let exactly one
 * purge.
 */
@Component
class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final RetentionService retention;

	RetentionJob(RetentionService retention) {
		this.retention = retention;
	}

	@Scheduled(cron = "${madoguchi.retention.cron:0 30 2 * * *}", zone = "Asia/Tokyo")
	void purge() {
		retention.run(RetentionService.Trigger.SCHEDULED, null)
			.ifPresentOrElse((run) -> log.info("Retention purge {}: {}", run.id(), run.counts()),
					() -> log.debug("Retention purge already done today or running elsewhere"));
	}

}
