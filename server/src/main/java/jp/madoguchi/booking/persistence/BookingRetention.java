package jp.madoguchi.booking.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jp.madoguchi.booking.domain.BookingProperties;
import jp.madoguchi.retention.Purgeable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ended bookings (cancelled, no-show, checked in: they hold no name any more, only code,
 * queue, slot and ticket) are purged once their day is
 * {@code madoguchi.booking.keep-ended} (90 days) in the past, or before the retention
 * cutoff if that is later. Open bookings ({@code BOOKED}) are never purged: the no-show
 * release ends them first.
 */
// Purging is one set-based statement over the table, so it lives with the SQL.
@Component
class BookingRetention implements Purgeable {

	private static final String DUE = "status <> 'BOOKED' and day < ?";

	private final JdbcClient jdbc;

	private final BookingProperties properties;

	private final Clock clock;

	BookingRetention(JdbcClient jdbc, BookingProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String target() {
		return "booking.bookings";
	}

	@Override
	public long countDue(LocalDate cutoff) {
		return jdbc.sql("select count(*) from booking.bookings where " + DUE)
			.param(effective(cutoff))
			.query(Long.class)
			.single();
	}

	@Override
	public long purge(LocalDate cutoff) {
		return jdbc.sql("delete from booking.bookings where " + DUE).param(effective(cutoff)).update();
	}

	/** The later of the retention cutoff and the end of the bookings' own period. */
	private LocalDate effective(LocalDate cutoff) {
		LocalDate own = LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo")))
			.minusDays(properties.keepEnded().toDays());
		return own.isAfter(cutoff) ? own : cutoff;
	}

}
