package jp.madoguchi.booking.web;

import jp.madoguchi.booking.domain.BookingService;
import jp.madoguchi.booking.domain.CheckIn;
import jp.madoguchi.platform.ProblemException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 予約の受付 at the counter: staff type the booking code or scan its QR code (a scanner types
 * it into the focused field), and the booking becomes a ticket. The kiosk calls the API
 * with an API token of a RECEPTION account. Audited in the service.
 */
@Controller
@PreAuthorize("hasAuthority('RECEPTION')")
class BookingCheckInController {

	private final BookingService bookings;

	BookingCheckInController(BookingService bookings) {
		this.bookings = bookings;
	}

	@GetMapping("/bookings")
	String page() {
		return "booking/check-in";
	}

	@PostMapping("/bookings/check-in")
	String checkIn(@RequestParam(defaultValue = "") String code, RedirectAttributes redirect) {
		try {
			CheckIn done = bookings.checkIn(code);
			redirect.addFlashAttribute("checkedIn", done);
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("refused", refused.getLocalizedMessage());
			redirect.addFlashAttribute("refusedCode", refused.code());
		}
		return "redirect:/bookings";
	}

}
