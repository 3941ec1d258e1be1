package jp.madoguchi.booking.web;

import java.time.LocalDate;
import java.time.LocalTime;

import jp.madoguchi.booking.domain.Booking;
import jp.madoguchi.booking.domain.BookingCodes;
import jp.madoguchi.reception.BookableQueue;
import org.jspecify.annotations.Nullable;

/**
 * A booking as the public pages and API show it: the code, the queue, the slot. Never the
 * name, so a code read over someone's shoulder tells nothing about who booked.
 */
record BookingView(String code, String queue, String queueName, String queueNameEn, LocalDate day, LocalTime time,
		LocalTime endTime, String status) {

	static BookingView of(Booking booking, @Nullable BookableQueue queue) {
		int minutes = (queue != null) ? queue.slotMinutes() : 0;
		return new BookingView(BookingCodes.display(booking.code()), booking.queue(),
				(queue != null) ? queue.name() : booking.queue(), (queue != null) ? queue.nameEn() : booking.queue(),
				booking.day(), booking.slot(), booking.slot().plusMinutes(minutes), booking.status().name());
	}

}
