package jp.madoguchi.prefiling.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.PreApplications;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.prefiling.codec.InvalidPayloadException;
import jp.madoguchi.prefiling.codec.MissingPartsException;
import jp.madoguchi.prefiling.codec.PayloadCodec;
import jp.madoguchi.prefiling.codec.PayloadParts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The counter side: what the reader typed (one code, or every code of a split payload in
 * any order) in, the notification out, or a problem that tells staff what to do. Every
 * attempt is audited as {@code PREFILING_DECODED}, without personal data.
 */
@Component
public class PayloadDecoder implements PreApplications {

	/** The stable problem code of every refused payload (docs/design/http-api.md). */
	public static final String INVALID = "PREFILING_PAYLOAD_INVALID";

	private static final Logger log = LoggerFactory.getLogger(PayloadDecoder.class);

	private final CounterKeys keys;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final MessageSource messages;

	PayloadDecoder(CounterKeys keys, JsonMapper json, AuditTrail audit, MessageSource messages) {
		this.keys = keys;
		this.json = json;
		this.audit = audit;
		this.messages = messages;
	}

	/**
	 * Decodes the typed codes; several codes may come in one string (separated by line
	 * breaks or not at all) or as several strings.
	 * @throws ProblemException 422 {@value #INVALID}, never a partial notification
	 */
	public NotificationContent decode(List<String> typed, Locale locale) {
		NotificationContent content;
		try {
			String payload = PayloadParts.join(String.join("\n", typed));
			content = read(PayloadCodec.decode(payload, keys::find));
		}
		catch (MissingPartsException ex) {
			refused(ex);
			String missing = ex.missing().stream().map(String::valueOf).collect(Collectors.joining("・"));
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, INVALID,
					Map.of("totalParts", ex.total(), "missingParts", ex.missing()), ex.total(), missing)
				.because("missingParts");
		}
		catch (InvalidPayloadException ex) {
			refused(ex);
			throw ProblemException.invalid(INVALID);
		}
		audit.record(AuditEntry.success("PREFILING_DECODED", null,
				"type=" + content.type() + ", persons=" + content.persons().size()));
		return content;
	}

	/** For moving: a pre-application compared with a draft from the resident record. */
	@Override
	public NotificationContent read(List<String> typed, Locale locale) {
		return decode(typed, locale);
	}

	private void refused(InvalidPayloadException ex) {
		log.info("Refused a pre-application payload: {}", ex.getMessage());
		audit.record(AuditEntry.failure("PREFILING_DECODED", null, ex.getMessage()));
	}

	private NotificationContent read(byte[] plain) throws InvalidPayloadException {
		try {
			return json.readValue(plain, NotificationContent.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new InvalidPayloadException("Not a notification body", ex);
		}
	}

}
