package jp.madoguchi.booking.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.booking.domain.BookingDesk;
import jp.madoguchi.booking.domain.BookingLink;
import jp.madoguchi.platform.LinkSigner;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public site's end of the booking link (split installation): the counter pulls the
 * requests (GET) and pushes the outcomes (POST). Open at the URL level like the status
 * push; the link signature is the authentication, checked by {@link BookingDesk} before
 * anything is answered or kept.
 */
@RestController
@ServedBy(Role.PUBLIC)
@ConditionalOnProperty(name = "madoguchi.role", havingValue = "public")
class BookingLinkController {

	private final BookingDesk desk;

	BookingLinkController(BookingDesk desk) {
		this.desk = desk;
	}

	@GetMapping(BookingLink.PATH)
	// Authenticated by the link signature, not by a user: checked in BookingDesk.
	@PreAuthorize("permitAll()")
	ResponseEntity<byte[]> pull(@RequestHeader(name = LinkSigner.HEADER, required = false) @Nullable String signature,
			@RequestParam(defaultValue = "0") long since, @RequestParam(defaultValue = "") String nonce,
			HttpServletRequest request) {
		BookingDesk.Answer answer = desk.pull(signature, target(request), since, nonce);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(LinkSigner.HEADER, answer.signature())
			.header("Cache-Control", "no-store")
			.body(answer.body());
	}

	@PostMapping(BookingLink.PATH)
	// Authenticated by the link signature, not by a user: checked in BookingDesk.
	@PreAuthorize("permitAll()")
	ResponseEntity<Void> push(@RequestHeader(name = LinkSigner.HEADER, required = false) @Nullable String signature,
			@RequestBody byte[] body, HttpServletRequest request) {
		desk.receive(signature, target(request), body);
		return ResponseEntity.noContent().build();
	}

	private static String target(HttpServletRequest request) {
		return (request.getQueryString() == null) ? request.getRequestURI()
				: request.getRequestURI() + "?" + request.getQueryString();
	}

}
