package jp.madoguchi.queuestatus.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.queuestatus.domain.StatusStore;
import jp.madoguchi.queuestatus.domain.TicketReferences;
import jp.madoguchi.queuestatus.domain.TicketReferences.TicketReference;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * 私の番号: the page the QR code on a 受付票 opens on the resident's phone. It shows the place
 * in line, the estimate and the counter, live; the script alerts three numbers ahead and
 * when the ticket is called. A forged, altered or expired reference gets a page that says
 * so and nothing else.
 */
@Controller
@ServedBy(Role.PUBLIC)
// The public site: the signed reference is the only key, and it names no one.
@PreAuthorize("permitAll()")
class TicketPageController {

	private final TicketReferences references;

	private final StatusStore store;

	private final StatusHub hub;

	TicketPageController(TicketReferences references, StatusStore store, StatusHub hub) {
		this.references = references;
		this.store = store;
		this.hub = hub;
	}

	@GetMapping("/public/ticket/{reference}")
	String page(@PathVariable String reference, Model model, HttpServletResponse response) {
		Optional<TicketReference> ticket = references.read(reference);
		if (ticket.isEmpty()) {
			boolean expired = references.expired(reference);
			response.setStatus(expired ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("expired", expired);
			return "queuestatus/ticket-invalid";
		}
		model.addAttribute("reference", reference);
		model.addAttribute("progress", store.progress(ticket.get().originQueue(), ticket.get().ticketNumber()));
		return "queuestatus/ticket";
	}

	@GetMapping(path = "/public/ticket/{reference}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	ResponseEntity<SseEmitter> events(@PathVariable String reference) {
		// A forged or expired reference: 404 and no stream.
		return references.read(reference)
			.map(ticket -> ResponseEntity.ok(hub.phone(ticket)))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
