package jp.madoguchi.queuestatus.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.platform.LinkSigner;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.queuestatus.domain.LinkReceiver;
import jp.madoguchi.queuestatus.domain.StatusLink;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the counter side pushes the queue status. Open at the URL level (no session, no
 * CSRF: nothing here acts for a browser); the signature under the link key is the
 * authentication, checked by {@link LinkReceiver} before anything is kept.
 */
@RestController
@ServedBy(Role.PUBLIC)
class LinkController {

	private final LinkReceiver receiver;

	LinkController(LinkReceiver receiver) {
		this.receiver = receiver;
	}

	@PostMapping(StatusLink.PATH)
	// Authenticated by the link signature, not by a user: checked in LinkReceiver.
	@PreAuthorize("permitAll()")
	ResponseEntity<Void> receive(@RequestHeader(name = LinkSigner.HEADER, required = false) @Nullable String signature,
			@RequestBody byte[] body, HttpServletRequest request) {
		String target = (request.getQueryString() == null) ? request.getRequestURI()
				: request.getRequestURI() + "?" + request.getQueryString();
		receiver.receive(signature, "POST", target, body);
		return ResponseEntity.noContent().build();
	}

}
