package jp.madoguchi.reception.persistence;

import java.time.LocalDate;

import jp.madoguchi.retention.Purgeable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Receptions whose day (the Tokyo day they were opened, which is also the day they end:
 * leftovers stop being called at midnight) is before the retention cutoff, not on legal
 * hold, are purged with their tasks and timeline. The ticket counters of those days go
 * too; they hold no personal data but are of no use any more.
 */
// Purging is one set-based statement over the tables, so it lives with the SQL.
@Component
class ReceptionRetention implements Purgeable {

	private static final String DUE = "day < ? and not legal_hold";

	private final JdbcClient jdbc;

	ReceptionRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String target() {
		return "reception.receptions";
	}

	@Override
	public long countDue(LocalDate cutoff) {
		return jdbc.sql("select count(*) from reception.receptions where " + DUE)
			.param(cutoff)
			.query(Long.class)
			.single();
	}

	/**
	 * One statement: the due receptions are locked once (a hold set meanwhile is waited
	 * for and then respected) and their timeline, tasks and rows deleted together; the
	 * foreign keys are checked at its end.
	 */
	@Override
	public long purge(LocalDate cutoff) {
		long purged = jdbc.sql("""
				with due as (select id from reception.receptions where %s for update),
				timeline as (delete from reception.task_events where reception_id in (select id from due)),
				tasks as (delete from reception.tasks where reception_id in (select id from due))
				delete from reception.receptions where id in (select id from due)""".formatted(DUE))
			.param(cutoff)
			.update();
		jdbc.sql("delete from reception.ticket_counters where day < ?").param(cutoff).update();
		return purged;
	}

}
