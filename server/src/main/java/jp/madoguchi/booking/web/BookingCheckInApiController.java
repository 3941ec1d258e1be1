package jp.madoguchi.booking.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.madoguchi.booking.domain.BookingService;
import jp.madoguchi.booking.domain.CheckIn;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The check-in for the kiosk (受付機) and other terminals: the code scanned from the QR
 * code, as an API token of a RECEPTION account sends it. 201 with the ticket, or a
 * problem ({@code BOOKING_NOT_FOUND}, {@code BOOKING_CHECKED_IN},
 * {@code BOOKING_EXPIRED}, {@code BOOKING_CANCELLED}, {@code BOOKING_NOT_TODAY}). Audited
 * in the service.
 */
@RestController
@PreAuthorize("hasAuthority('RECEPTION')")
class BookingCheckInApiController {

	private final BookingService bookings;

	BookingCheckInApiController(BookingService bookings) {
		this.bookings = bookings;
	}

	/** The code in the body, never in the URL (it is the resident's key). */
	record CheckInBody(@NotBlank @Size(max = 20) String code) {
	}

	@PostMapping("/api/v1/bookings/check-in")
	@ResponseStatus(HttpStatus.CREATED)
	CheckIn checkIn(@Valid @RequestBody CheckInBody body) {
		return bookings.checkIn(body.code());
	}

}
