package jp.madoguchi.admin.persistence;

import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.admin.domain.HolidayStore;
import jp.madoguchi.admin.domain.Holidays.Holiday;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link HolidayStore} in the schema {@code admin}. */
@Repository
class JdbcHolidayStore implements HolidayStore {

	private final JdbcClient jdbc;

	JdbcHolidayStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean exists(LocalDate day) {
		return jdbc.sql("select exists (select 1 from admin.holidays where day = ?)")
			.param(day)
			.query(Boolean.class)
			.single();
	}

	@Override
	public List<Holiday> between(LocalDate from, LocalDate to) {
		return jdbc.sql("select day, name, source from admin.holidays where day between ? and ? order by day")
			.params(from, to)
			.query((rs, row) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)))
			.list();
	}

	@Override
	public void add(LocalDate day, String name, String actor) {
		jdbc.sql("insert into admin.holidays (day, name, source, created_by) values (?, ?, 'ADMIN', ?)")
			.params(day, name, actor)
			.update();
	}

	@Override
	public boolean remove(LocalDate day) {
		return jdbc.sql("delete from admin.holidays where day = ?").param(day).update() > 0;
	}

}
