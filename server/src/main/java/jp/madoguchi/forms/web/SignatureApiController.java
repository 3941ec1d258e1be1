package jp.madoguchi.forms.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.madoguchi.forms.domain.FormService;
import jp.madoguchi.forms.domain.SignatureNeeded;
import jp.madoguchi.forms.domain.SignatureService;
import jp.madoguchi.moving.NotificationView;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resident's signature on a notification: whether the current content is signed, and
 * storing a new signature from the pen tablet page.
 */
@RestController
@RequestMapping("/api/v1/notifications/{id}/signature")
class SignatureApiController {

	private final FormService forms;

	private final SignatureService signatures;

	SignatureApiController(FormService forms, SignatureService signatures) {
		this.forms = forms;
		this.signatures = signatures;
	}

	@GetMapping
	@PreAuthorize(FormApiController.CAN_READ)
	StatusResponse status(@PathVariable UUID id) {
		NotificationView view = forms.load(id);
		return StatusResponse.of(signatures.status(id, view.content()));
	}

	/**
	 * Whose signatures the visit's forms need, each with the forms it covers (as the
	 * templates declare: the filer, the head of household, each applicant).
	 */
	@GetMapping("/needed")
	@PreAuthorize(FormApiController.CAN_READ)
	List<SignatureNeeded> needed(@PathVariable UUID id) {
		return forms.signaturesNeeded(forms.load(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('NOTIFICATION_EDIT')")
	StatusResponse sign(@PathVariable UUID id, @Valid @RequestBody SignBody body) {
		NotificationView view = forms.load(id);
		String signer = (body.signer() == null || body.signer().isBlank()) ? null : body.signer();
		// a person signs only where the forms ask for their signature; the signature is
		// bound to the content of each form it covers
		return StatusResponse.of(forms.sign(view, body.contentHash(), body.strokes(), signer));
	}

	/**
	 * @param contentHash the hash the page showed: the content the resident saw
	 * @param strokes each stroke a list of [x, y, pressure], all 0..1, x and y relative
	 * to the pad from its top-left corner
	 * @param signer who signs, by name as the forms print it (one of
	 * {@code …/signature/needed}); absent: a signature of the notification as a whole
	 */
	record SignBody(@NotBlank String contentHash, @NotNull List<List<double[]>> strokes,
			@Nullable @Size(max = 200) String signer) {

	}

	/**
	 * {@code state}: NONE, VALID (signs the current content) or INVALID (content
	 * changed).
	 */
	record StatusResponse(String state, String contentHash, @Nullable Instant signedAt) {

		static StatusResponse of(SignatureService.Status status) {
			return new StatusResponse(status.state().name(), status.contentHash(), status.signedAt());
		}

	}

}
