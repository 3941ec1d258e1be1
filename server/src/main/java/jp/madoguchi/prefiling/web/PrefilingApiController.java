package jp.madoguchi.prefiling.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.prefiling.codec.InvalidPayloadException;
import jp.madoguchi.prefiling.codec.PayloadCodec;
import jp.madoguchi.prefiling.domain.CounterKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The counter side of API.md "Pre-application QR": a scanned payload in, the notification
 * body out, not saved. Staff confirm it and save it as usual.
 */
@RestController
@RequestMapping("/api/v1/prefilings")
class PrefilingApiController {

	static final String INVALID = "PREFILING_PAYLOAD_INVALID";

	static final String INVALID_MESSAGE = "事前申請のQRコードを読み取れませんでした。もう一度読み取ってください。"
			+ "それでも読み取れない場合は、申請者にQRコードを表示し直してもらうか、申請内容を窓口で入力してください。";

	private static final Logger log = LoggerFactory.getLogger(PrefilingApiController.class);

	private final CounterKeys keys;

	private final JsonMapper json;

	private final AuditTrail audit;

	PrefilingApiController(CounterKeys keys, JsonMapper json, AuditTrail audit) {
		this.keys = keys;
		this.json = json;
		this.audit = audit;
	}

	@PostMapping("/decode")
	@PreAuthorize("hasAnyAuthority('RECEPTION', 'NOTIFICATION_EDIT')")
	NotificationContent decode(@Validated @RequestBody DecodeRequest request) {
		NotificationContent content;
		try {
			byte[] plain = PayloadCodec.decode(request.payload(), keys::find);
			content = read(plain);
		}
		catch (InvalidPayloadException ex) {
			log.info("Refused a pre-application payload: {}", ex.getMessage());
			audit.record(AuditEntry.failure("PREFILING_DECODED", null, ex.getMessage()));
			throw ProblemException.invalid(INVALID, INVALID_MESSAGE);
		}
		audit.record(AuditEntry.success("PREFILING_DECODED", null,
				"type=" + content.type() + ", persons=" + content.persons().size()));
		return content;
	}

	private NotificationContent read(byte[] plain) throws InvalidPayloadException {
		try {
			return json.readValue(plain, NotificationContent.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new InvalidPayloadException("Not a notification body", ex);
		}
	}

	record DecodeRequest(@NotNull @Size(max = 20000) String payload) {
	}

}
