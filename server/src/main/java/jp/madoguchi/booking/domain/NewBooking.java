package jp.madoguchi.booking.domain;

import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/** A resident's request: a queue, a slot, and a name only if they want to give one. */
public record NewBooking(String queue, LocalDate day, LocalTime slot, @Nullable String name) {
}
