package jp.madoguchi.prefiling.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.prefiling.domain.PayloadDecoder;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The counter side of docs/design/http-api.md "Pre-application QR": scanned codes in, the
 * notification body out, not saved. Staff confirm it and save it as usual.
 */
@RestController
@RequestMapping("/api/v1/prefilings")
class PrefilingApiController {

	private final PayloadDecoder decoder;

	PrefilingApiController(PayloadDecoder decoder) {
		this.decoder = decoder;
	}

	@PostMapping("/decode")
	@PreAuthorize("hasAnyAuthority('RECEPTION', 'NOTIFICATION_EDIT')")
	NotificationContent decode(@Validated @RequestBody DecodeRequest request) {
		return decoder.decode(request.typed(), Locale.JAPANESE);
	}

	/**
	 * {@code payload}: what the reader typed, one code or several (in any order, with or
	 * without line breaks between them); {@code parts}: the codes one by one. Either or
	 * both.
	 */
	record DecodeRequest(@Size(max = 20000) @Nullable String payload,
			@Size(max = 8) @Nullable List<@NotNull @Size(max = 5000) String> parts) {

		@AssertTrue(message = "payload または parts を指定してください")
		boolean isPresent() {
			return payload != null || (parts != null && !parts.isEmpty());
		}

		List<String> typed() {
			List<String> typed = new ArrayList<>();
			if (payload != null) {
				typed.add(payload);
			}
			if (parts != null) {
				typed.addAll(parts);
			}
			return typed;
		}

	}

}
