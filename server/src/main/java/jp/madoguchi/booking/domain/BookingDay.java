package jp.madoguchi.booking.domain;

import java.time.LocalDate;

/** A day of the booking window; closed days are listed so the pages can say so. */
public record BookingDay(LocalDate day, boolean closed) {
}
