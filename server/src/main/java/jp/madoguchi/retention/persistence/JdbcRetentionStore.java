package jp.madoguchi.retention.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;

import jp.madoguchi.retention.domain.PurgeRun;
import jp.madoguchi.retention.domain.RetentionSettings;
import jp.madoguchi.retention.domain.RetentionStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link RetentionStore} in the schema {@code retention}. */
@Repository
class JdbcRetentionStore implements RetentionStore {

	private final JdbcClient jdbc;

	JdbcRetentionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public RetentionSettings settings() {
		return jdbc.sql("select records_years, audit_years, fiscal_year_start_month from retention.retention_settings")
			.query((rs, row) -> new RetentionSettings(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
	}

	@Override
	public void save(RetentionSettings settings, String actor, Instant at) {
		jdbc.sql("""
				update retention.retention_settings set records_years = ?, audit_years = ?, fiscal_year_start_month = ?,
				updated_at = ?, updated_by = ?""")
			.params(settings.recordsYears(), settings.auditYears(), settings.fiscalYearStartMonth(), Timestamp.from(at),
					actor)
			.update();
	}

	@Override
	public boolean ranScheduledOn(LocalDate day) {
		return jdbc.sql("select exists (select 1 from retention.purge_runs where run_on = ? and trigger = 'SCHEDULED')")
			.param(day)
			.query(Boolean.class)
			.single();
	}

	@Override
	public long add(PurgeRun run) {
		long id = jdbc
			.sql("""
					insert into retention.purge_runs (run_on, started_at, finished_at, trigger, actor, records_cutoff, audit_cutoff)
					values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(run.runOn(), Timestamp.from(run.startedAt()), Timestamp.from(run.finishedAt()), run.trigger(),
					run.actor(), run.recordsCutoff(), run.auditCutoff())
			.query(Long.class)
			.single();
		run.counts()
			.forEach((target, purged) -> jdbc
				.sql("insert into retention.purge_run_counts (run_id, target, purged) values (?, ?, ?)")
				.params(id, target, purged)
				.update());
		return id;
	}

	@Override
	public List<PurgeRun> recent(int limit) {
		List<PurgeRun> runs = jdbc.sql("""
				select id, run_on, started_at, finished_at, trigger, actor, records_cutoff, audit_cutoff
				from retention.purge_runs order by id desc limit ?""")
			.param(limit)
			.query((rs, row) -> new PurgeRun(rs.getLong(1), rs.getObject(2, LocalDate.class),
					rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6),
					rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), new LinkedHashMap<>()))
			.list();
		for (PurgeRun run : runs) {
			jdbc.sql("select target, purged from retention.purge_run_counts where run_id = ? order by target")
				.param(run.id())
				.query((rs, row) -> run.counts().put(rs.getString(1), rs.getLong(2)))
				.list();
		}
		return runs;
	}

}
