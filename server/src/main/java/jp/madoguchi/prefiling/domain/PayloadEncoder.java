package jp.madoguchi.prefiling.domain;

import java.security.PublicKey;
import java.util.Base64;

import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.prefiling.codec.PayloadCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Encrypts notifications to the counter's public key, in both roles: the public role gets
 * the key by configuration ({@code madoguchi.prefiling.public-key}, Base64 X.509, the
 * counter's {@code .pub} file), a counter process takes its own newest key unless the
 * configuration names one.
 */
@Component
@ServedBy({ Role.COUNTER, Role.PUBLIC })
class PayloadEncoder {

	private static final Logger log = LoggerFactory.getLogger(PayloadEncoder.class);

	private final @Nullable PublicKey recipient;

	PayloadEncoder(@Value("${madoguchi.prefiling.public-key:}") String configured,
			ObjectProvider<CounterKeys> counterKeys) {
		if (!configured.isBlank()) {
			this.recipient = PayloadCodec.publicKey(Base64.getMimeDecoder().decode(configured.strip()));
		}
		else {
			CounterKeys keys = counterKeys.getIfAvailable();
			this.recipient = (keys != null) ? keys.currentPublicKey() : null;
		}
		if (this.recipient == null) {
			log.warn("No pre-application key: set madoguchi.prefiling.public-key to the counter's .pub file content");
		}
	}

	/** The payload for a notification's JSON. */
	public String encode(byte[] json) {
		if (recipient == null) {
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "PREFILING_NOT_CONFIGURED");
		}
		return PayloadCodec.encode(json, recipient);
	}

	/** The key id payloads are encrypted for, or null when no key is configured. */
	public @Nullable String keyId() {
		return (recipient != null) ? PayloadCodec.keyId(recipient) : null;
	}

}
