package jp.madoguchi.booking.domain;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code madoguchi.booking.*}.
 *
 * @param opens the first slot of a day starts here
 * @param closes no slot ends after this
 * @param daysAhead how many days after today can be booked (today included besides)
 * @param grace how long after its slot's start a booking can still be checked in; then it
 * is released as a no-show
 * @param perAddress bookings one client address may make per hour on the public site
 * (besides the general public rate limit)
 * @param keepEnded how long after its day an ended booking (cancelled, no-show, checked
 * in) is kept before the retention job purges it
 */
@ConfigurationProperties("madoguchi.booking")
public record BookingProperties(@DefaultValue("09:00") LocalTime opens, @DefaultValue("16:00") LocalTime closes,
		@DefaultValue("14") int daysAhead, @DefaultValue("15m") Duration grace, @DefaultValue("10") int perAddress,
		@DefaultValue("90d") Duration keepEnded) {
}
