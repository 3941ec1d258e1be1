package jp.madoguchi.queuestatus.domain;

import java.time.Clock;
import java.time.Duration;

import jp.madoguchi.platform.LinkSigner;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The public site's end of the link: a push is kept only when its signature is the link
 * key's over exactly this request, made within {@link LinkSigner#ALLOWED_SKEW}, its nonce
 * is new, and its body is a {@link StatusMessage} and nothing more.
 */
@Component
@ServedBy(Role.PUBLIC)
public class LinkReceiver {

	private static final Logger log = LoggerFactory.getLogger(LinkReceiver.class);

	static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final StatusLink link;

	private final StatusStore store;

	private final Clock clock;

	private final ReplayGuard replays = new ReplayGuard(LinkSigner.ALLOWED_SKEW.multipliedBy(2), 10_000);

	LinkReceiver(StatusLink link, StatusStore store, Clock clock) {
		this.link = link;
		this.store = store;
		this.clock = clock;
	}

	/** Checks and keeps one push; refusals are problems with a stable code. */
	public void receive(@Nullable String signature, String method, String target, byte[] body) {
		if (signature == null || !link.signer().verify(signature, method, target, body)) {
			log.warn("Queue status push refused: the signature does not verify (key or clock differ)");
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "LINK_SIGNATURE_INVALID");
		}
		StatusMessage message;
		try {
			message = STRICT.readValue(body, StatusMessage.class);
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw ProblemException.invalid("LINK_MESSAGE_INVALID");
		}
		if (!replays.firstTime(message.nonce(), clock.instant())
				|| Duration.between(message.publishedAt(), clock.instant())
					.abs()
					.compareTo(LinkSigner.ALLOWED_SKEW) > 0) {
			throw ProblemException.conflict("LINK_REPLAYED");
		}
		store.accept(message);
	}

}
