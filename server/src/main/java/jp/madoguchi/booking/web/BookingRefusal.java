package jp.madoguchi.booking.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.platform.ProblemException;

import org.springframework.ui.Model;

/**
 * A refusal shown on a public booking page, the same way on the counter's pages (role
 * {@code all}) and the public desk's (role {@code public}): the problem's status, its
 * message in a banner with {@code data-problem}, and the free slots offered instead.
 */
final class BookingRefusal {

	private BookingRefusal() {
	}

	static void show(ProblemException refused, Model model, HttpServletResponse response) {
		response.setStatus(refused.status().value());
		model.addAttribute("refused", refused.getLocalizedMessage());
		model.addAttribute("refusedCode", refused.code());
		if (refused.properties().get("offers") instanceof List<?> offers) {
			model.addAttribute("offers", offers);
		}
	}

}
