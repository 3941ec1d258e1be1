package jp.madoguchi.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One booked visit. {@code name} is whatever the resident chose to give (nothing is
 * required) and is kept only while the booking is open: check-in hands it to the
 * reception, cancelling and the no-show release erase it.
 *
 * @param startsAt the slot's start as an instant (Asia/Tokyo)
 * @param ticketNumber the ticket it became, once checked in
 */
public record Booking(UUID id, String code, String queue, LocalDate day, LocalTime slot, Instant startsAt,
		@Nullable String name, BookingStatus status, Instant createdAt, @Nullable UUID receptionId,
		@Nullable Integer ticketNumber) {
}
