package jp.madoguchi.reception.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.madoguchi.reception.domain.Department;
import jp.madoguchi.reception.domain.LocalNames;
import jp.madoguchi.reception.domain.Queue;
import jp.madoguchi.reception.domain.QueueMaster;
import jp.madoguchi.reception.domain.Queue.Counter;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Departments, queues and counters (masters). */
@Repository
class JdbcQueueMaster implements QueueMaster {

	private final JdbcClient jdbc;

	JdbcQueueMaster(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Queue> queues() {
		Map<String, List<Counter>> counters = new LinkedHashMap<>();
		jdbc.sql("select * from reception.counters order by queue_code, sort_order, code").query(rs -> {
			counters.computeIfAbsent(rs.getString("queue_code"), q -> new ArrayList<>()).add(counter(rs));
		});
		return jdbc.sql("select * from reception.queues order by first_number, code")
			.query((rs, n) -> queue(rs, counters.getOrDefault(rs.getString("code"), List.of())))
			.list();
	}

	/** One queue with its counters: two small indexed reads, on every call and ticket. */
	@Override
	public Optional<Queue> queue(String code) {
		List<Counter> counters = jdbc
			.sql("select * from reception.counters where queue_code = ? order by sort_order, code")
			.param(code)
			.query((rs, n) -> counter(rs))
			.list();
		return jdbc.sql("select * from reception.queues where code = ?")
			.param(code)
			.query((rs, n) -> queue(rs, counters))
			.optional();
	}

	@Override
	public List<Department> departments() {
		return jdbc.sql("select * from reception.departments order by code")
			.query((rs, n) -> new Department(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
					strings(rs.getArray("guide_names")), rs.getBoolean("sample"), rs.getString("default_printer")))
			.list();
	}

	@Override
	public boolean queueExists(String code) {
		return jdbc.sql("select count(*) from reception.queues where code = ?")
			.param(code)
			.query(Integer.class)
			.single() > 0;
	}

	@Override
	public boolean departmentExists(String code) {
		return jdbc.sql("select count(*) from reception.departments where code = ?")
			.param(code)
			.query(Integer.class)
			.single() > 0;
	}

	@Override
	public void addQueue(Queue queue) {
		jdbc.sql("""
				insert into reception.queues (code, name, name_en, name_zh, name_ko, name_vi, name_pt, department_code,
				first_number, default_service_minutes, slot_minutes, slot_capacity, active, sample)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)""")
			.params(queue.code(), queue.name(), queue.nameEn(), local(queue.names(), "zh"), local(queue.names(), "ko"),
					local(queue.names(), "vi"), local(queue.names(), "pt"), queue.department(), queue.firstNumber(),
					queue.defaultServiceMinutes(), queue.slotMinutes(), queue.slotCapacity(), queue.active())
			.update();
		replaceCounters(queue.code(), queue.counters());
	}

	@Override
	public void updateQueue(Queue queue) {
		jdbc.sql("""
				update reception.queues set name = ?, name_en = ?, name_zh = ?, name_ko = ?, name_vi = ?, name_pt = ?,
				department_code = ?, first_number = ?, default_service_minutes = ?, slot_minutes = ?,
				slot_capacity = ?, active = ? where code = ?""")
			.params(queue.name(), queue.nameEn(), local(queue.names(), "zh"), local(queue.names(), "ko"),
					local(queue.names(), "vi"), local(queue.names(), "pt"), queue.department(), queue.firstNumber(),
					queue.defaultServiceMinutes(), queue.slotMinutes(), queue.slotCapacity(), queue.active(),
					queue.code())
			.update();
		replaceCounters(queue.code(), queue.counters());
	}

	/**
	 * Counters are upserted so one that disappears from the list is closed, never
	 * deleted.
	 */
	private void replaceCounters(String queue, List<Counter> counters) {
		jdbc.sql("update reception.counters set open = false where queue_code = ?").param(queue).update();
		int order = 1;
		for (Counter counter : counters) {
			jdbc.sql("""
					insert into reception.counters (queue_code, code, name, name_en, name_zh, name_ko, name_vi, name_pt,
					open, sort_order)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (queue_code, code) do update set name = excluded.name, name_en = excluded.name_en,
					name_zh = excluded.name_zh, name_ko = excluded.name_ko, name_vi = excluded.name_vi,
					name_pt = excluded.name_pt, open = excluded.open, sort_order = excluded.sort_order""")
				.params(queue, counter.code(), counter.name(), counter.nameEn(), local(counter.names(), "zh"),
						local(counter.names(), "ko"), local(counter.names(), "vi"), local(counter.names(), "pt"),
						counter.open(), order++)
				.update();
		}
	}

	@Override
	public void setCounterOpen(String queue, String counter, boolean open) {
		jdbc.sql("update reception.counters set open = ? where queue_code = ? and code = ?")
			.params(open, queue, counter)
			.update();
	}

	@Override
	public void saveDepartment(Department department) {
		jdbc.sql("""
				insert into reception.departments (code, name, name_en, guide_names, sample, default_printer)
				values (?, ?, ?, ?, false, ?)
				on conflict (code) do update set name = excluded.name, name_en = excluded.name_en,
				guide_names = excluded.guide_names, default_printer = excluded.default_printer""")
			.params(department.code(), department.name(), department.nameEn(),
					department.guideNames().toArray(String[]::new), department.defaultPrinter())
			.update();
	}

	private static Counter counter(ResultSet rs) throws SQLException {
		return new Counter(rs.getString("code"), rs.getString("name"), rs.getString("name_en"), names(rs),
				rs.getBoolean("open"));
	}

	/** The name_zh … name_pt columns; empty ones are left out. */
	private static Map<String, String> names(ResultSet rs) throws SQLException {
		Map<String, String> names = new LinkedHashMap<>();
		for (String language : LocalNames.LANGUAGES) {
			names.put(language, rs.getString("name_" + language));
		}
		return names;
	}

	private static String local(Map<String, String> names, String language) {
		return names.getOrDefault(language, "");
	}

	private static Queue queue(ResultSet rs, List<Counter> counters) throws SQLException {
		return new Queue(rs.getString("code"), rs.getString("name"), rs.getString("name_en"), names(rs),
				rs.getString("department_code"), rs.getInt("first_number"), rs.getInt("default_service_minutes"),
				rs.getInt("slot_minutes"), rs.getInt("slot_capacity"), rs.getBoolean("active"), rs.getBoolean("sample"),
				counters);
	}

	static List<String> strings(@Nullable Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
