package jp.madoguchi.moving.domain;

import java.time.LocalDate;

import jp.madoguchi.admin.Purgeable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notifications filed before the retention cutoff, not on legal hold, are purged with
 * their name keys and sealed My Numbers (foreign keys cascade).
 */
@Component
class NotificationRetention implements Purgeable {

	private static final String DUE = "coalesce(filed_on, (created_at at time zone 'Asia/Tokyo')::date) < ? and not legal_hold";

	private final JdbcClient jdbc;

	NotificationRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		return jdbc.sql("delete from moving.notifications where " + DUE).param(cutoff).update();
	}

}
