package jp.madoguchi.prefiling.web;

import java.util.List;

import jakarta.validation.Valid;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.prefiling.domain.PrefilingCodes;
import jp.madoguchi.prefiling.domain.PrefilingCodes.Code;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public side of API.md "Pre-application QR": a notification body in, the payload for
 * the QR code out. Nothing is stored.
 */
@RestController
@RequestMapping("/public/api/v1/prefilings")
@ServedBy(Role.PUBLIC)
class PublicPrefilingApiController {

	private final PrefilingCodes codes;

	PublicPrefilingApiController(PrefilingCodes codes) {
		this.codes = codes;
	}

	@PostMapping
	Prefiling create(@Valid @RequestBody NotificationContent content) {
		List<Code> parts = codes.of(content);
		return new Prefiling(codes.payload(parts), parts.get(0).qrPng(), parts);
	}

	/**
	 * {@code payload}: the text the counter accepts (the parts, one per line, when the
	 * notification needs several codes); {@code qrPng}: the first code as a
	 * {@code data:image/png;base64,…} URL; {@code parts}: every code, one when it fits.
	 */
	record Prefiling(String payload, String qrPng, List<Code> parts) {
	}

}
