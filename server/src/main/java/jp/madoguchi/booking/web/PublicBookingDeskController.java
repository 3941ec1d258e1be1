package jp.madoguchi.booking.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.booking.domain.BookingCodes;
import jp.madoguchi.booking.domain.BookingDesk;
import jp.madoguchi.booking.domain.NewBooking;
import jp.madoguchi.booking.domain.Slot;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.platform.QrImages;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.reception.BookableQueue;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 来庁予約 on the public site of a split installation ({@code public} process): the same
 * pages as {@link PublicBookingPageController}, answered from {@link BookingDesk}. A
 * booking is answered at once with its code as 受付中 (not yet confirmed); the counter
 * decides at its next pull (seconds) and the resident looks the outcome up with the code
 * ({@code POST /public/bookings/status}, the code in the body). Cancelling goes the same
 * way. No CSRF token, for the reasons given on {@link PublicBookingPageController}.
 */
@Controller
@ServedBy(Role.PUBLIC)
@ConditionalOnProperty(name = "madoguchi.role", havingValue = "public")
// The public site: no sign-in; the booking code is the only key and no page shows a name.
@PreAuthorize("permitAll()")
class PublicBookingDeskController {

	private final BookingDesk desk;

	private final BookingLimit limit;

	private final QrImages qr;

	PublicBookingDeskController(BookingDesk desk, BookingLimit limit, QrImages qr) {
		this.desk = desk;
		this.limit = limit;
		this.qr = qr;
	}

	@GetMapping("/public/bookings")
	String start(Model model) {
		model.addAttribute("queues", desk.queues());
		model.addAttribute("days", desk.days());
		model.addAttribute("split", true);
		return "booking/start";
	}

	@GetMapping("/public/bookings/slots")
	String slots(@RequestParam(defaultValue = "") String queue, @RequestParam(required = false) @Nullable String day,
			Model model, HttpServletResponse response) {
		try {
			showSlots(queue, PublicBookingPageController.date(day), model);
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
			date = PublicBookingPageController.date(day);
		}
		catch (ProblemException refused) {
			BookingRefusal.show(refused, model, response);
			return start(model);
		}
		try {
			limit.take(request);
			BookingDesk.Entry entry = desk
				.request(new NewBooking(queue, date, PublicBookingPageController.time(time), name));
			model.addAttribute("qr", qr.pngDataUrl(BookingCodes.display(entry.code())));
			return show(entry, model);
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

	@GetMapping("/public/bookings/status")
	String statusForm() {
		return "booking/status";
	}

	/** Where a booking stands: the code in the body, never in the URL. */
	@PostMapping("/public/bookings/status")
	String status(@RequestParam(defaultValue = "") String code, Model model, HttpServletResponse response) {
		try {
			return show(desk.status(code), model);
		}
		catch (ProblemException refused) {
			BookingRefusal.show(refused, model, response);
			return "booking/status";
		}
	}

	@GetMapping("/public/bookings/cancel")
	String cancelForm() {
		return "booking/cancel";
	}

	@PostMapping("/public/bookings/cancel")
	String cancel(@RequestParam(defaultValue = "") String code, Model model, HttpServletResponse response) {
		try {
			return show(desk.cancel(code), model);
		}
		catch (ProblemException refused) {
			BookingRefusal.show(refused, model, response);
			return "booking/cancel";
		}
	}

	private String show(BookingDesk.Entry entry, Model model) {
		BookableQueue queue = desk.queue(entry.queue()).orElse(null);
		int minutes = (queue != null) ? queue.slotMinutes() : 0;
		model.addAttribute("entry", entry);
		model.addAttribute("code", BookingCodes.display(entry.code()));
		model.addAttribute("queueName", (queue != null) ? queue.name() : entry.queue());
		model.addAttribute("queueNameEn", (queue != null) ? queue.nameEn() : entry.queue());
		model.addAttribute("endTime", entry.time().plusMinutes(minutes));
		model.addAttribute("grace", desk.graceMinutes());
		if (entry.problem() != null) {
			Object argument = "CLOSED_DAY".equals(entry.problem()) ? entry.day().toString() : desk.graceMinutes();
			model.addAttribute("problem",
					new ProblemException(HttpStatus.CONFLICT, entry.problem(), argument).getLocalizedMessage());
		}
		return "booking/requested";
	}

	private void showSlots(String queue, LocalDate date, Model model) {
		List<Slot> slots = desk.slots(queue, date);
		model.addAttribute("queue", desk.queue(queue).orElseThrow());
		model.addAttribute("day", date);
		model.addAttribute("slots", slots);
		model.addAttribute("anyFree", slots.stream().anyMatch(Slot::bookable));
		model.addAttribute("takesNames", desk.takesNames());
		model.addAttribute("split", true);
	}

}
