package jp.madoguchi.admin.persistence;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;

import jp.madoguchi.admin.domain.OpeningHoursMaster;
import jp.madoguchi.text.CounterHours;
import jp.madoguchi.text.CounterHours.Span;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link OpeningHoursMaster} in the schema {@code admin}. */
@Repository
class JdbcOpeningHoursMaster implements OpeningHoursMaster {

	private final JdbcClient jdbc;

	JdbcOpeningHoursMaster(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public CounterHours hours() {
		Map<DayOfWeek, Span> days = new EnumMap<>(DayOfWeek.class);
		jdbc.sql("select weekday, opens, closes from admin.opening_hours order by weekday").query((rs) -> {
			days.put(DayOfWeek.of(rs.getInt(1)),
					new Span(rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)));
		});
		return new CounterHours(days);
	}

	@Override
	public void replace(CounterHours hours, String actor) {
		// the lock keeps two saves from interleaving their deletes and inserts
		jdbc.sql("lock table admin.opening_hours in share row exclusive mode").update();
		jdbc.sql("delete from admin.opening_hours").update();
		hours.days()
			.forEach((day, span) -> jdbc
				.sql("insert into admin.opening_hours (weekday, opens, closes, updated_by) values (?, ?, ?, ?)")
				.params(day.getValue(), span.opens(), span.closes(), actor)
				.update());
	}

}
