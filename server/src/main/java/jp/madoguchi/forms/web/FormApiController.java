package jp.madoguchi.forms.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.forms.FormRef;
import jp.madoguchi.forms.MissingForm;
import jp.madoguchi.forms.RenderedForm;
import jp.madoguchi.forms.domain.FormService;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * docs/design/http-api.md "Forms and printing": the forms a notification needs, each as a
 * PDF.
 */
@RestController
@RequestMapping("/api/v1/notifications/{id}/forms")
class FormApiController {

	/** Who may see a filled-in form: whoever works on the notification or prints it. */
	static final String CAN_READ = "hasAnyAuthority('NOTIFICATION_EDIT', 'NOTIFICATION_ACCEPT', 'PRINT')";

	private final FormService forms;

	FormApiController(FormService forms) {
		this.forms = forms;
	}

	@GetMapping
	@PreAuthorize(CAN_READ)
	List<FormRef> list(@PathVariable UUID id) {
		return forms.formsFor(id);
	}

	/**
	 * The forms the guide's procedures name that have no template (staff hand the
	 * resident a printed form instead).
	 */
	@GetMapping("/missing")
	@PreAuthorize(CAN_READ)
	List<MissingForm> missing(@PathVariable UUID id) {
		return forms.list(forms.load(id)).missing();
	}

	@GetMapping(value = "/{formId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@PreAuthorize(CAN_READ)
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable String formId, Authentication caller) {
		return pdf(forms.render(id, formId, mayViewMyNumber(caller)));
	}

	/**
	 * Whether the caller may see My Numbers in full: then forms that carry them print
	 * them (each such form audited {@code MY_NUMBER_PRINTED}); otherwise they stay
	 * masked.
	 */
	static boolean mayViewMyNumber(Authentication caller) {
		return caller.getAuthorities().stream().anyMatch(a -> "MY_NUMBER_VIEW".equals(a.getAuthority()));
	}

	/** A rendered form inline, never cached (it holds personal data). */
	static ResponseEntity<byte[]> pdf(RenderedForm form) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename(form.formId() + ".pdf", StandardCharsets.UTF_8)
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Template-Version", Integer.toString(form.templateVersion()))
			.body(form.pdf());
	}

}
