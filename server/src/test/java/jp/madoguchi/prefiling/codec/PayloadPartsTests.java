package jp.madoguchi.prefiling.codec;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadPartsTests {

	static final int MAX = 400;

	static String payloadOf(int plainBytes) {
		byte[] plain = new byte[plainBytes];
		// Random bytes do not compress: the payload grows with the input.
		new Random(plainBytes).nextBytes(plain);
		KeyPair counter = PayloadCodec.generateKeyPair();
		return PayloadCodec.encode(plain, counter.getPublic());
	}

	@Test
	void aPayloadThatFitsStaysOneCodeUnchanged() throws Exception {
		String payload = payloadOf(100);
		assertThat(payload.length()).isLessThanOrEqualTo(MAX);
		assertThat(PayloadParts.split(payload, MAX)).containsExactly(payload);
		assertThat(PayloadParts.join(payload)).isEqualTo(payload);
	}

	@Test
	void longerPayloadsSplitIntoTwoToFourCodesThatJoinInAnyOrder() throws Exception {
		for (int bytes : new int[] { 300, 600, 900 }) {
			String payload = payloadOf(bytes);
			List<String> parts = PayloadParts.split(payload, MAX);
			assertThat(parts).hasSizeBetween(2, 4).hasSize(PayloadParts.count(payload.length(), MAX));
			assertThat(parts).allSatisfy(
					part -> assertThat(part).matches("P[1-4][2-4][0-9A-Z]{7}[0-9A-Z]+").hasSizeLessThanOrEqualTo(MAX));
			List<String> shuffled = new ArrayList<>(parts);
			Collections.reverse(shuffled);
			assertThat(PayloadParts.join(String.join("\n", shuffled))).isEqualTo(payload);
			assertThat(PayloadParts.join(String.join("", shuffled).toLowerCase())).isEqualTo(payload);
			assertThat(PayloadParts.join(String.join("\r\n", parts) + "\n")).isEqualTo(payload);
		}
	}

	@Test
	void moreThanFourCodesAreRefused() {
		String payload = payloadOf(1400);
		assertThat(PayloadParts.count(payload.length(), MAX)).isGreaterThan(4);
		assertThatThrownBy(() -> PayloadParts.split(payload, MAX)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aMissingPartIsNamed() {
		List<String> parts = PayloadParts.split(payloadOf(900), MAX);
		assertThat(parts).hasSize(4);
		assertThatThrownBy(() -> PayloadParts.join(parts.get(0) + "\n" + parts.get(3)))
			.isInstanceOfSatisfying(MissingPartsException.class, ex -> {
				assertThat(ex.total()).isEqualTo(4);
				assertThat(ex.missing()).containsExactly(2, 3);
			});
	}

	@Test
	void repeatedDamagedOrMixedPartsAreRefused() {
		List<String> parts = PayloadParts.split(payloadOf(600), MAX);
		List<String> others = PayloadParts.split(payloadOf(601), MAX);
		assertThat(parts).hasSize(others.size());
		String first = parts.get(0);
		String truncated = parts.get(1).substring(0, parts.get(1).length() - 1);
		String damagedHeader = "P9" + first.substring(2);
		for (String bad : List.of(first + first + parts.get(1), others.get(0) + parts.get(1), first + "\n" + truncated,
				damagedHeader + parts.get(1), first + "\n" + parts.get(1) + "?")) {
			assertThatThrownBy(() -> PayloadParts.join(bad)).isInstanceOf(InvalidPayloadException.class)
				.isNotInstanceOf(MissingPartsException.class);
		}
	}

}
