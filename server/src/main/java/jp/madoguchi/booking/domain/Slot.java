package jp.madoguchi.booking.domain;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One booking slot of a queue: its start, how many visits it takes, how many are still
 * free, and whether it has already begun (then it cannot be booked).
 */
public record Slot(LocalDate day, LocalTime start, LocalTime end, int capacity, int free, boolean past) {

	public boolean bookable() {
		return free > 0 && !past;
	}

}
