package jp.madoguchi.booking.domain;

import java.time.LocalTime;
import java.util.UUID;

/** A booking turned into a ticket: the reception opened for it. */
public record CheckIn(UUID bookingId, UUID receptionId, String queue, int ticketNumber, LocalTime slot) {
}
