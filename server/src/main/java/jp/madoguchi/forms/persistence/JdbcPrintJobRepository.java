package jp.madoguchi.forms.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.forms.domain.PrintJob;
import jp.madoguchi.forms.domain.PrintJobRepository;
import jp.madoguchi.platform.database.OwnedRows;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPrintJobRepository implements PrintJobRepository {

	private static final String COLUMNS = """
			id, notification_id, form_id, template_version, printer, printer_uri, state, printer_job_id,
			printer_state, attempts, last_error, reprint_of, created_at, created_by, updated_at, visit_id, department,
			duplex, notice""";

	private final JdbcClient jdbc;

	JdbcPrintJobRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(PrintJob job, byte[] document) {
		add(job, document, List.of());
	}

	@Override
	public void add(PrintJob job, byte[] document, List<Integer> blankPages) {
		jdbc.sql(
				"""
						insert into forms.print_jobs (id, notification_id, form_id, template_version, printer, printer_uri, state,
						  attempts, document, reprint_of, created_at, created_by, updated_at, visit_id, department, duplex,
						  blank_pages, notice)
						values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(job.id(), job.notificationId(), job.formId(), job.templateVersion(), job.printer(),
					job.printerUri(), job.state(), document, job.reprintOf(), Timestamp.from(job.createdAt()),
					job.createdBy(), Timestamp.from(job.updatedAt()), job.visitId(), job.department(), job.duplex(),
					blankPages.toArray(Integer[]::new), job.notice())
			.update();
	}

	@Override
	public List<Integer> blankPages(UUID id) {
		return jdbc.sql("select unnest(blank_pages) from forms.print_jobs where id = ?")
			.param(id)
			.query(Integer.class)
			.list();
	}

	@Override
	public void simplex(UUID id, byte[] document, String notice) {
		jdbc.sql("""
				update forms.print_jobs set document = ?, duplex = false, blank_pages = '{}', notice = ?
				where id = ?""").params(document, notice, id).update();
	}

	@Override
	public List<PrintJob> ofPrinter(String printer, int limit) {
		return jdbc
			.sql("select " + COLUMNS + " from forms.print_jobs where printer = ? order by created_at desc limit ?")
			.params(printer, limit)
			.query(JdbcPrintJobRepository::row)
			.list();
	}

	@Override
	public List<PrintJob> ofVisit(UUID visitId) {
		return jdbc.sql("select " + COLUMNS + " from forms.print_jobs where visit_id = ? order by created_at, id")
			.param(visitId)
			.query(JdbcPrintJobRepository::row)
			.list();
	}

	@Override
	public Optional<PrintJob> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from forms.print_jobs where id = ?")
			.param(id)
			.query(JdbcPrintJobRepository::row)
			.optional();
	}

	@Override
	public byte[] document(UUID id) {
		return jdbc.sql("select document from forms.print_jobs where id = ?").param(id).query(byte[].class).single();
	}

	@Override
	public void sending(UUID id, Instant at) {
		jdbc.sql(
				"""
						update forms.print_jobs set state = 'SENDING', attempts = attempts + 1, last_error = null, updated_at = ?
						where id = ?""")
			.params(Timestamp.from(at), id)
			.update();
	}

	@Override
	public void sent(UUID id, int printerJobId, String state, @Nullable String printerState, Instant at) {
		jdbc.sql("""
				update forms.print_jobs set state = ?, printer_job_id = ?, printer_state = ?, updated_at = ?
				where id = ?""").params(state, printerJobId, printerState, Timestamp.from(at), id).update();
	}

	@Override
	public long count(String state) {
		return jdbc.sql("select count(*) from forms.print_jobs where state = ?")
			.param(state)
			.query(Long.class)
			.single();
	}

	@Override
	public long count(String printer, String state) {
		return jdbc.sql("select count(*) from forms.print_jobs where printer = ? and state = ?")
			.params(printer, state)
			.query(Long.class)
			.single();
	}

	@Override
	public void waiting(UUID id, String reason, Instant at) {
		jdbc.sql("update forms.print_jobs set state = 'QUEUED', last_error = ?, updated_at = ? where id = ?")
			.params(reason, Timestamp.from(at), id)
			.update();
	}

	@Override
	public Optional<UUID> claimWaiting(Instant triedBefore, Instant at) {
		return jdbc.sql("""
				update forms.print_jobs set state = 'SENDING', attempts = attempts + 1, updated_at = ?
				where id = (select id from forms.print_jobs
				            where state = 'QUEUED' and attempts > 0 and updated_at < ?
				            order by created_at limit 1 for update skip locked)
				returning id""").params(Timestamp.from(at), Timestamp.from(triedBefore)).query(UUID.class).optional();
	}

	@Override
	public void failed(UUID id, String error, Instant at) {
		jdbc.sql("update forms.print_jobs set state = 'FAILED', last_error = ?, updated_at = ? where id = ?")
			.params(error, Timestamp.from(at), id)
			.update();
	}

	@Override
	public void state(UUID id, String state, @Nullable String printerState, Instant at) {
		jdbc.sql("update forms.print_jobs set state = ?, printer_state = ?, updated_at = ? where id = ?")
			.params(state, printerState, Timestamp.from(at), id)
			.update();
	}

	private static PrintJob row(ResultSet rs, int n) throws SQLException {
		return new PrintJob(rs.getObject("id", UUID.class), rs.getObject("notification_id", UUID.class),
				rs.getString("form_id"), rs.getInt("template_version"), rs.getString("printer"),
				rs.getString("printer_uri"), rs.getString("state"), (Integer) rs.getObject("printer_job_id"),
				rs.getString("printer_state"), rs.getInt("attempts"), rs.getString("last_error"),
				rs.getObject("reprint_of", UUID.class), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), rs.getTimestamp("updated_at").toInstant(),
				rs.getObject("visit_id", UUID.class), rs.getString("department"), rs.getBoolean("duplex"),
				rs.getString("notice"));
	}

	@Override
	public long deleteOfNotifications(List<UUID> notificationIds) {
		return OwnedRows.delete(jdbc, "forms.print_jobs", "notification_id", notificationIds);
	}

}
