package jp.madoguchi.forms.web;

import java.util.UUID;

import jp.madoguchi.forms.domain.FormService;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 受付票 of a reception as a PDF, with the ticket number the reception desk issued.
 * Under {@code /api/v1/receptions/**}, so the reception desk (RECEPTION) reaches it next
 * to the reception's own API.
 */
@RestController
class ReceptionTicketApiController {

	private final FormService forms;

	ReceptionTicketApiController(FormService forms) {
		this.forms = forms;
	}

	@GetMapping(value = "/api/v1/receptions/{id}/ticket.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@PreAuthorize("hasAuthority('RECEPTION')")
	ResponseEntity<byte[]> ticket(@PathVariable UUID id) {
		return FormApiController.pdf(forms.renderReceptionTicket(id));
	}

}
