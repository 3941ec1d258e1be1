package jp.madoguchi.booking.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.booking.domain.Booking;
import jp.madoguchi.booking.domain.BookingStatus;
import jp.madoguchi.booking.domain.BookingStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code booking.bookings}. */
@Repository
class JdbcBookingStore implements BookingStore {

	private final JdbcClient jdbc;

	JdbcBookingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void lockSlot(String queue, LocalDate day, LocalTime slot) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('booking:' || ? || ':' || ? || ':' || ?))")
			.params(queue, day.toString(), slot.toString())
			.query()
			.singleRow();
	}

	@Override
	public Map<LocalTime, Integer> taken(String queue, LocalDate day) {
		Map<LocalTime, Integer> taken = new HashMap<>();
		jdbc.sql("""
				select slot_start, count(*) as n from booking.bookings
				where queue_code = ? and day = ? and status in ('BOOKED', 'CHECKED_IN')
				group by slot_start""").params(queue, day).query(rs -> {
			taken.put(rs.getObject("slot_start", LocalTime.class), rs.getInt("n"));
		});
		return taken;
	}

	@Override
	public boolean add(Booking booking) {
		return jdbc.sql("""
				insert into booking.bookings (id, code, queue_code, day, slot_start, starts_at, name, status,
				created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing""")
			.params(booking.id(), booking.code(), booking.queue(), booking.day(), booking.slot(),
					Timestamp.from(booking.startsAt()), booking.name(), booking.status().name(),
					Timestamp.from(booking.createdAt()))
			.update() == 1;
	}

	@Override
	public Optional<Booking> find(String code) {
		return jdbc.sql("select * from booking.bookings where code = ?")
			.param(code)
			.query((rs, n) -> booking(rs))
			.optional();
	}

	@Override
	public Optional<Booking> findForUpdate(String code) {
		return jdbc.sql("select * from booking.bookings where code = ? for update")
			.param(code)
			.query((rs, n) -> booking(rs))
			.optional();
	}

	@Override
	public void end(UUID id, BookingStatus status, Instant at) {
		jdbc.sql("""
				update booking.bookings set status = ?, name = null, finished_at = ?
				where id = ? and status = 'BOOKED'""").params(status.name(), Timestamp.from(at), id).update();
	}

	@Override
	public void checkedIn(UUID id, UUID receptionId, int ticketNumber, Instant at) {
		jdbc.sql("""
				update booking.bookings set status = 'CHECKED_IN', name = null, finished_at = ?, reception_id = ?,
				ticket_number = ? where id = ? and status = 'BOOKED'""")
			.params(Timestamp.from(at), receptionId, ticketNumber, id)
			.update();
	}

	@Override
	public int releaseNoShows(Instant startedBefore, Instant at) {
		return jdbc.sql("""
				update booking.bookings set status = 'NO_SHOW', name = null, finished_at = ?
				where status = 'BOOKED' and starts_at < ?""")
			.params(Timestamp.from(at), Timestamp.from(startedBefore))
			.update();
	}

	private static Booking booking(ResultSet rs) throws SQLException {
		Integer ticket = rs.getObject("ticket_number", Integer.class);
		return new Booking(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("queue_code"),
				rs.getObject("day", LocalDate.class), rs.getObject("slot_start", LocalTime.class),
				rs.getTimestamp("starts_at").toInstant(), rs.getString("name"),
				BookingStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
				rs.getObject("reception_id", UUID.class), ticket);
	}

}
