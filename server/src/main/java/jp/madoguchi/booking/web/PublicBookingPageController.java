package jp.madoguchi.booking.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.booking.domain.Booking;
import jp.madoguchi.booking.domain.BookingCodes;
import jp.madoguchi.booking.domain.BookingService;
import jp.madoguchi.booking.domain.NewBooking;
import jp.madoguchi.booking.domain.Slot;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.platform.QrImages;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.reception.BookableQueue;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 来庁予約 on the public site: choose a queue and a day, then a slot (and, if wished, a
 * name); the answer is the booking code and its QR code. Cancelling takes the code.
 * <p>
 * Served in a process of role {@code all} only ({@code @ServedBy({})}): the bookings live
 * in the counter's database, which a public-role process does not have. A public process
 * serves the same pages from its own store instead ({@link PublicBookingDeskController},
 * docs/bookings.md "Two processes").
 * <p>
 * No CSRF token: the public site keeps no session and no cookie, so a forged form acts
 * with no one's authority (booking takes nothing but a free place, which the per-address
 * limit caps; cancelling needs the code).
 */
@Controller
@ServedBy({})
// The public site: no sign-in; the booking code is the only key and pages never show a
// name.
@PreAuthorize("permitAll()")
class PublicBookingPageController {

	private final BookingService bookings;

	private final BookingLimit limit;

	private final QrImages qr;

	PublicBookingPageController(BookingService bookings, BookingLimit limit, QrImages qr) {
		this.bookings = bookings;
		this.limit = limit;
		this.qr = qr;
	}

	@GetMapping("/public/bookings")
	String start(Model model) {
		model.addAttribute("queues", bookings.queues());
		model.addAttribute("days", bookings.days());
		return "booking/start";
	}

	@GetMapping("/public/bookings/slots")
	String slots(@RequestParam(defaultValue = "") String queue, @RequestParam(required = false) @Nullable String day,
			Model model, HttpServletResponse response) {
		try {
			LocalDate date = date(day);
			showSlots(queue, date, model);
			return "booking/slots";
		}
		catch (ProblemException refused) {
			BookingRefusal.show(refused, model, response);
			return start(model);
		}
	}

	@PostMapping("/public/bookings")
	String book(@RequestParam(defaultValue = "") String queue, @RequestParam(required = false) @Nullable String day,
			@RequestParam(required = false) @Nullable String time,
			@RequestParam(required = false) @Nullable String name, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		LocalDate date;
		try {
			date = date(day);
		}
		catch (ProblemException refused) {
			BookingRefusal.show(refused, model, response);
			return start(model);
		}
		try {
			limit.take(request);
			Booking booking = bookings.book(new NewBooking(queue, date, time(time), name));
			Optional<BookableQueue> bookable = bookings.bookable(booking.queue());
			model.addAttribute("booking", BookingView.of(booking, bookable.orElse(null)));
			model.addAttribute("qr", qr.pngDataUrl(BookingCodes.display(booking.code())));
			model.addAttribute("named", booking.name() != null);
			model.addAttribute("grace", bookings.properties().grace().toMinutes());
			return "booking/booked";
		}
		catch (ProblemException refused) {
			BookingRefusal.show(refused, model, response);
			try {
				showSlots(queue, date, model);
				return "booking/slots";
			}
			catch (ProblemException unknown) {
				return start(model);
			}
		}
	}

	@GetMapping("/public/bookings/cancel")
	String cancelForm() {
		return "booking/cancel";
	}

	@PostMapping("/public/bookings/cancel")
	String cancel(@RequestParam(defaultValue = "") String code, Model model, HttpServletResponse response) {
		try {
			Booking booking = bookings.cancel(code);
			model.addAttribute("booking", BookingView.of(booking, bookings.bookable(booking.queue()).orElse(null)));
			return "booking/cancelled";
		}
		catch (ProblemException refused) {
			BookingRefusal.show(refused, model, response);
			return "booking/cancel";
		}
	}

	private void showSlots(String queue, LocalDate date, Model model) {
		List<Slot> slots = bookings.slots(queue, date);
		BookableQueue bookable = bookings.queues()
			.stream()
			.filter(q -> q.code().equals(queue))
			.findFirst()
			.orElseThrow(() -> ProblemException.notFound("BOOKING_QUEUE_NOT_FOUND"));
		model.addAttribute("queue", bookable);
		model.addAttribute("day", date);
		model.addAttribute("slots", slots);
		model.addAttribute("anyFree", slots.stream().anyMatch(Slot::bookable));
	}

	static LocalDate date(@Nullable String day) {
		try {
			return LocalDate.parse((day == null) ? "" : day.strip());
		}
		catch (RuntimeException ex) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "BOOKING_DAY_INVALID", Map.of("field", "day"));
		}
	}

	static LocalTime time(@Nullable String time) {
		try {
			return LocalTime.parse((time == null) ? "" : time.strip());
		}
		catch (RuntimeException ex) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "SLOT_NOT_FOUND", Map.of("field", "time"));
		}
	}

}
