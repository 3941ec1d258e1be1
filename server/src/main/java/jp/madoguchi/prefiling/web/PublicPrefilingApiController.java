package jp.madoguchi.prefiling.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.prefiling.domain.PayloadEncoder;
import org.jspecify.annotations.Nullable;
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

	PublicPrefilingApiController(PayloadEncoder encoder, JsonMapper json) {
		this.encoder = encoder;
		this.json = json;
	}

	@PostMapping
	Prefiling create(@Valid @RequestBody NotificationContent content) {
		return new Prefiling(encoder.encode(json.writeValueAsBytes(content)), null);
	}

	/** The payload; {@code qrPng} (a data URL of the QR image) is not rendered yet. */
	record Prefiling(String payload, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String qrPng) {
	}

}
