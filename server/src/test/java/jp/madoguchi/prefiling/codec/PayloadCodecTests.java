package jp.madoguchi.prefiling.codec;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The payload format alone: round trip, alphabet, and everything that must be refused.
 */
class PayloadCodecTests {

	static final KeyPair COUNTER = PayloadCodec.generateKeyPair();

	static final KeyPair OTHER = PayloadCodec.generateKeyPair();

	static final byte[] JSON = "{\"persons\":[{\"familyName\":\"辻\uDB40\uDD02\",\"givenName\":\"太郎\"}]}"
		.getBytes(StandardCharsets.UTF_8);

	static byte[] decode(String payload) throws InvalidPayloadException {
		return PayloadCodec.decode(payload,
				keyId -> keyId.equals(PayloadCodec.keyId(COUNTER.getPublic())) ? COUNTER : null);
	}

	@Test
	void roundTripsInUpperCaseLettersAndDigitsOnly() throws Exception {
		String payload = PayloadCodec.encode(JSON, COUNTER.getPublic());
		assertThat(payload).matches("[0-9A-Z]+");
		assertThat(payload.length() % 13).isZero();
		assertThat(decode(payload)).isEqualTo(JSON);
	}

	@Test
	void everyPayloadIsEncryptedAfresh() {
		assertThat(PayloadCodec.encode(JSON, COUNTER.getPublic()))
			.isNotEqualTo(PayloadCodec.encode(JSON, COUNTER.getPublic()));
	}

	@Test
	void acceptsLowerCaseAndWhitespaceThatScannersInsert() throws Exception {
		String payload = PayloadCodec.encode(JSON, COUNTER.getPublic());
		String typed = " " + payload.substring(0, 20).toLowerCase() + "\r\n" + payload.substring(20, 40) + "\t"
				+ payload.substring(40).toLowerCase() + "\n";
		assertThat(decode(typed)).isEqualTo(JSON);
	}

	@Test
	void refusesEverySingleChangedCharacter() {
		String payload = PayloadCodec.encode(JSON, COUNTER.getPublic());
		String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
		for (int i = 0; i < payload.length(); i++) {
			char changed = alphabet.charAt((alphabet.indexOf(payload.charAt(i)) + 1) % 36);
			String damaged = payload.substring(0, i) + changed + payload.substring(i + 1);
			assertThatExceptionOfType(InvalidPayloadException.class).as("changed at %d", i)
				.isThrownBy(() -> decode(damaged));
		}
	}

	@Test
	void refusesTruncatedAndDoubledPayloads() {
		String payload = PayloadCodec.encode(JSON, COUNTER.getPublic());
		for (int length : new int[] { 0, 1, 12, 13, 26, payload.length() - 13, payload.length() - 1 }) {
			assertThatExceptionOfType(InvalidPayloadException.class).as("truncated to %d", length)
				.isThrownBy(() -> decode(payload.substring(0, length)));
		}
		assertThatExceptionOfType(InvalidPayloadException.class).isThrownBy(() -> decode(payload + payload));
		assertThatExceptionOfType(InvalidPayloadException.class).isThrownBy(() -> decode(payload + "0000000000000"));
	}

	@Test
	void refusesSymbolsAndOtherAlphabets() {
		String payload = PayloadCodec.encode(JSON, COUNTER.getPublic());
		assertThatExceptionOfType(InvalidPayloadException.class)
			.isThrownBy(() -> decode(payload.substring(0, 5) + "-" + payload.substring(6)));
		assertThatExceptionOfType(InvalidPayloadException.class)
			.isThrownBy(() -> decode(payload.substring(0, 5) + "Ａ" + payload.substring(6)));
	}

	@Test
	void refusesAPayloadForAnotherKey() {
		String foreign = PayloadCodec.encode(JSON, OTHER.getPublic());
		assertThatExceptionOfType(InvalidPayloadException.class).isThrownBy(() -> decode(foreign))
			.withMessageContaining("Unknown key");
	}

	@Test
	void refusesAPayloadWhoseKeyIdWasChangedToTheCountersKey() throws Exception {
		byte[] binary = PayloadCodec.fromText(PayloadCodec.encode(JSON, OTHER.getPublic()));
		byte[] counterId = PayloadCodec.fromText(PayloadCodec.encode(JSON, COUNTER.getPublic()));
		System.arraycopy(counterId, 1, binary, 1, PayloadCodec.KEY_ID_BYTES);
		assertThatExceptionOfType(InvalidPayloadException.class).isThrownBy(() -> decode(PayloadCodec.toText(binary)))
			.withMessageContaining("Integrity");
	}

	@Test
	void refusesAChangedHeader() throws Exception {
		byte[] original = PayloadCodec.fromText(PayloadCodec.encode(JSON, COUNTER.getPublic()));
		assertThatNoException().isThrownBy(() -> decode(PayloadCodec.toText(original)));
		byte[] version = original.clone();
		version[0] = 2;
		assertThatExceptionOfType(InvalidPayloadException.class).isThrownBy(() -> decode(PayloadCodec.toText(version)))
			.withMessageContaining("version");
		byte[] length = original.clone();
		length[6]--;
		assertThatExceptionOfType(InvalidPayloadException.class).isThrownBy(() -> decode(PayloadCodec.toText(length)));
		byte[] point = original.clone();
		point[PayloadCodec.HEADER_BYTES] ^= 1;
		assertThatExceptionOfType(InvalidPayloadException.class).isThrownBy(() -> decode(PayloadCodec.toText(point)));
	}

	@Test
	void refusesAPayloadReEncryptedWithAnotherEphemeralKey() throws Exception {
		// Same header, ephemeral key and ciphertext of a second payload: the tag no
		// longer
		// fits.
		byte[] first = PayloadCodec.fromText(PayloadCodec.encode(JSON, COUNTER.getPublic()));
		byte[] second = PayloadCodec.fromText(PayloadCodec.encode(JSON, COUNTER.getPublic()));
		byte[] mixed = first.clone();
		System.arraycopy(second, PayloadCodec.HEADER_BYTES, mixed, PayloadCodec.HEADER_BYTES, PayloadCodec.POINT_BYTES);
		assertThat(Arrays.equals(mixed, first)).isFalse();
		assertThatExceptionOfType(InvalidPayloadException.class).isThrownBy(() -> decode(PayloadCodec.toText(mixed)));
	}

	@Test
	void hkdfMatchesRfc5869TestCase3() throws Exception {
		// RFC 5869 A.3: SHA-256, zero-length salt (equivalent to all zeros) and info.
		byte[] ikm = new byte[22];
		Arrays.fill(ikm, (byte) 0x0b);
		byte[] okm = PayloadCodec.hkdf(ikm, new byte[0], 42);
		assertThat(java.util.HexFormat.of().formatHex(okm))
			.isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
	}

}
