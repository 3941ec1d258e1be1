package jp.madoguchi.moving.mynumber;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jp.madoguchi.moving.CardMyNumbers;
import jp.madoguchi.platform.CurrentActor;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.text.MyNumbers;

import org.springframework.stereotype.Component;

/**
 * {@link CardMyNumbers} as AES-GCM tokens under the My Number keys: the plain text holds
 * the resident, the number and when the token expires; the associated data names the
 * member of staff, so a token copied to another session does not open. Nothing is stored:
 * the token travels in the lookup page's start forms.
 */
@Component
class SealedCardMyNumbers implements CardMyNumbers {

	/** How long a card read stays usable for starting a draft. */
	static final Duration VALID_FOR = Duration.ofMinutes(30);

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final MyNumberVault vault;

	private final Clock clock;

	SealedCardMyNumbers(MyNumberVault vault, Clock clock) {
		this.vault = vault;
		this.clock = clock;
	}

	@Override
	public Optional<String> seal(String residentId, String myNumber) {
		String number = MyNumbers.canonical(myNumber);
		if (!MyNumbers.isValid(number)) {
			return Optional.empty();
		}
		long expires = clock.instant().plus(VALID_FOR).getEpochSecond();
		String plain = ENCODER.encodeToString(residentId.getBytes(StandardCharsets.UTF_8)) + "." + number + "."
				+ expires;
		MyNumberVault.Sealed sealed = vault.seal(plain, associatedData());
		return Optional.of(sealed.keyId() + "." + ENCODER.encodeToString(sealed.nonce()) + "."
				+ ENCODER.encodeToString(sealed.ciphertext()));
	}

	@Override
	public String masked(String myNumber) {
		return MyNumbers.mask(MyNumbers.canonical(myNumber));
	}

	@Override
	public Optional<Held> open(String token) {
		String[] parts = token.strip().split("\\.");
		if (parts.length != 3) {
			return Optional.empty();
		}
		String plain;
		try {
			plain = vault.open(new MyNumberVault.Sealed(parts[0], DECODER.decode(parts[1]), DECODER.decode(parts[2])),
					associatedData());
		}
		catch (IllegalArgumentException | IllegalStateException | ProblemException ex) {
			// not base64, altered, another member of staff's or an unknown key
			return Optional.empty();
		}
		String[] items = plain.split("\\.");
		if (items.length != 3 || Long.parseLong(items[2]) < clock.instant().getEpochSecond()) {
			return Optional.empty();
		}
		return Optional.of(new Held(new String(DECODER.decode(items[0]), StandardCharsets.UTF_8), items[1]));
	}

	private static String associatedData() {
		return "card-my-number:" + CurrentActor.name();
	}

}
