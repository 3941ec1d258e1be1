package jp.madoguchi.moving.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.retention.Purgeable;
import jp.madoguchi.moving.NotificationsPurged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notifications filed before the retention cutoff, not on legal hold, are purged with
 * their name keys and sealed My Numbers (foreign keys cascade); other modules' rows of
 * the same notifications go through {@link NotificationsPurged}.
 */
// Purging is one set-based statement over the tables, so it lives with the SQL.
@Component
class NotificationRetention implements Purgeable {

	private static final String DUE = "coalesce(filed_on, (created_at at time zone 'Asia/Tokyo')::date) < ? and not legal_hold";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	NotificationRetention(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	public String target() {
		return "moving.notifications";
	}

	@Override
	public long countDue(LocalDate cutoff) {
		return jdbc.sql("select count(*) from moving.notifications where " + DUE)
			.param(cutoff)
			.query(Long.class)
			.single();
	}

	@Override
	public long purge(LocalDate cutoff) {
		List<UUID> purged = jdbc.sql("delete from moving.notifications where " + DUE + " returning id")
			.param(cutoff)
			.query(UUID.class)
			.list();
		// published even when empty, so every run reports the dependent targets
		events.publishEvent(new NotificationsPurged(cutoff, purged));
		return purged.size();
	}

}
