package jp.madoguchi.prefiling.domain;

import jp.madoguchi.platform.QrImages;
import java.util.List;
import java.util.Map;

import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.prefiling.codec.PayloadParts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A notification as the QR codes the resident shows: encrypted, split over up to
 * {@value PayloadParts#MAX_PARTS} codes when one is not enough, each drawn as a PNG.
 * Refuses households above {@value #MAX_PERSONS} persons: the counter takes those in
 * person.
 */
@Component
@ServedBy({ Role.COUNTER, Role.PUBLIC })
public class PrefilingCodes {

	/** The problem code for a notification too large for the codes. */
	public static final String TOO_LARGE = "PREFILING_TOO_LARGE";

	/** The most persons one pre-application carries. */
	public static final int MAX_PERSONS = 10;

	private final PayloadEncoder encoder;

	private final QrImages images;

	private final JsonMapper json;

	private final MessageSource messages;

	PrefilingCodes(PayloadEncoder encoder, QrImages images, JsonMapper json, MessageSource messages) {
		this.encoder = encoder;
		this.images = images;
		this.json = json;
		this.messages = messages;
	}

	/** One QR code: its text and its image. */
	public record Code(String payload, String qrPng) {
	}

	/**
	 * The codes for a notification, in order.
	 * @throws ProblemException 422 {@value #TOO_LARGE} above {@value #MAX_PERSONS}
	 * persons or {@value PayloadParts#MAX_PARTS} codes
	 */
	public List<Code> of(NotificationContent content) {
		if (content.persons().size() > MAX_PERSONS) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, TOO_LARGE, Map.of("maxPersons", MAX_PERSONS),
					MAX_PERSONS)
				.because("persons");
		}
		String payload = encoder.encode(json.writeValueAsBytes(content));
		if (PayloadParts.count(payload.length(), QrImages.MAX_CHARS_PER_CODE) > PayloadParts.MAX_PARTS) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, TOO_LARGE,
					Map.of("maxCodes", PayloadParts.MAX_PARTS), PayloadParts.MAX_PARTS)
				.because("codes");
		}
		return PayloadParts.split(payload, QrImages.MAX_CHARS_PER_CODE)
			.stream()
			.map(text -> new Code(text, images.pngDataUrl(text)))
			.toList();
	}

	/** The text the counter accepts for these codes: the parts, one per line. */
	public String payload(List<Code> codes) {
		return String.join("\n", codes.stream().map(Code::payload).toList());
	}

}
