package jp.madoguchi.booking.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.madoguchi.booking.domain.Booking;
import jp.madoguchi.booking.domain.BookingDay;
import jp.madoguchi.booking.domain.BookingService;
import jp.madoguchi.booking.domain.NewBooking;
import jp.madoguchi.booking.domain.Slot;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.reception.BookableQueue;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The booking pages as JSON (for a city's own site or app): queues, days, slots, book,
 * cancel. Refusals are problem details with the codes of docs/bookings.md. Role
 * {@code all} only, as the pages.
 */
@RestController
@ServedBy({})
@RequestMapping("/public/api/v1/bookings")
// The public site: no sign-in; the code is the only key and nothing here answers a name.
@PreAuthorize("permitAll()")
class PublicBookingApiController {

	private final BookingService bookings;

	private final BookingLimit limit;

	PublicBookingApiController(BookingService bookings, BookingLimit limit) {
		this.bookings = bookings;
		this.limit = limit;
	}

	record Calendar(List<BookableQueue> queues, List<BookingDay> days) {
	}

	record BookBody(@NotBlank @Size(max = 32) String queue, @NotBlank @Size(max = 10) String day,
			@NotBlank @Size(max = 5) String time, @Size(max = 200) @Nullable String name) {
	}

	record CodeBody(@NotBlank @Size(max = 20) String code) {
	}

	@GetMapping
	Calendar calendar() {
		return new Calendar(bookings.queues(), bookings.days());
	}

	@GetMapping("/slots")
	List<Slot> slots(@RequestParam String queue, @RequestParam String day) {
		return bookings.slots(queue, PublicBookingPageController.date(day));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	BookingView book(@Valid @RequestBody BookBody body, HttpServletRequest request) {
		NewBooking booking = new NewBooking(body.queue(), PublicBookingPageController.date(body.day()),
				PublicBookingPageController.time(body.time()), body.name());
		limit.take(request);
		Booking booked = bookings.book(booking);
		return BookingView.of(booked, bookings.bookable(booked.queue()).orElse(null));
	}

	/** A POST with the code in the body: the code never goes into a URL (or a log). */
	@PostMapping("/cancel")
	BookingView cancel(@Valid @RequestBody CodeBody body) {
		Booking cancelled = bookings.cancel(body.code());
		return BookingView.of(cancelled, bookings.bookable(cancelled.queue()).orElse(null));
	}

}
