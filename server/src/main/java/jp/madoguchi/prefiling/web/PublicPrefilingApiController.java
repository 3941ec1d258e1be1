package jp.madoguchi.prefiling.web;

import jakarta.validation.Valid;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.prefiling.domain.PayloadEncoder;
import jp.madoguchi.prefiling.domain.QrImages;
import tools.jackson.databind.json.JsonMapper;

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

	private final PayloadEncoder encoder;

	private final JsonMapper json;

	private final QrImages qr;

	PublicPrefilingApiController(PayloadEncoder encoder, JsonMapper json, QrImages qr) {
		this.encoder = encoder;
		this.json = json;
		this.qr = qr;
	}

	@PostMapping
	Prefiling create(@Valid @RequestBody NotificationContent content) {
		String payload = encoder.encode(json.writeValueAsBytes(content));
		return new Prefiling(payload, qr.pngDataUrl(payload));
	}

	/** The payload and its QR code as a {@code data:image/png;base64,…} URL. */
	record Prefiling(String payload, String qrPng) {
	}

}
