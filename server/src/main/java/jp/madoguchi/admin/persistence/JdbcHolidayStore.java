package jp.madoguchi.admin.persistence;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.admin.domain.HolidayStore;
import jp.madoguchi.admin.domain.SpecialOpening;
import jp.madoguchi.admin.domain.Holidays.Holiday;
import jp.madoguchi.text.ClosedDayRule;
import jp.madoguchi.text.CounterHours;

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
	public boolean listsYear(int year) {
		return exists(LocalDate.of(year, 1, 1));
	}

	@Override
	public ClosedDayRule rule() {
		return jdbc.sql("select saturdays_closed, year_end_from, year_end_to from admin.closed_day_rule")
			.query((rs, row) -> new ClosedDayRule(rs.getBoolean(1), monthDay(rs.getString(2)),
					monthDay(rs.getString(3))))
			.optional()
			.orElse(ClosedDayRule.STANDARD);
	}

	@Override
	public void changeRule(ClosedDayRule rule, String actor) {
		jdbc.sql("""
				insert into admin.closed_day_rule (saturdays_closed, year_end_from, year_end_to, updated_by)
				values (?, ?, ?, ?)
				on conflict (singleton) do update set saturdays_closed = excluded.saturdays_closed,
				    year_end_from = excluded.year_end_from, year_end_to = excluded.year_end_to,
				    updated_at = now(), updated_by = excluded.updated_by""")
			.params(rule.saturdaysClosed(), text(rule.yearEndFrom()), text(rule.yearEndTo()), actor)
			.update();
	}

	private static MonthDay monthDay(String text) {
		return MonthDay.parse("--" + text);
	}

	private static String text(MonthDay day) {
		return day.toString().substring(2);
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

	@Override
	public Optional<SpecialOpening> specialOpening(LocalDate day) {
		return specialOpenings(day, day).stream().findFirst();
	}

	@Override
	public List<SpecialOpening> specialOpenings(LocalDate from, LocalDate to) {
		return jdbc
			.sql("select day, opens, closes, note from admin.special_openings where day between ? and ? order by day")
			.params(from, to)
			.query((rs, row) -> new SpecialOpening(rs.getObject(1, LocalDate.class),
					new CounterHours.Span(rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)),
					rs.getString(4)))
			.list();
	}

	@Override
	public void addSpecialOpening(SpecialOpening opening, String actor) {
		jdbc.sql("insert into admin.special_openings (day, opens, closes, note, created_by) values (?, ?, ?, ?, ?)")
			.params(opening.day(), opening.hours().opens(), opening.hours().closes(), opening.note(), actor)
			.update();
	}

	@Override
	public boolean removeSpecialOpening(LocalDate day) {
		return jdbc.sql("delete from admin.special_openings where day = ?").param(day).update() > 0;
	}

}
