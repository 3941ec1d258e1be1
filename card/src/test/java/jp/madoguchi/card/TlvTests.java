package jp.madoguchi.card;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TlvTests {

	private static byte[] hex(String hex) {
		return HexFormat.of().parseHex(hex.replace(" ", ""));
	}

	@Test
	void parsesThePrivateTwoByteTagsOfTheMyNumberCard() {
		List<Tlv> objects = Tlv.parseAll(hex("DF22 03 414243 DF24 08 3139383530343032"));
		assertThat(objects).extracting(Tlv::tag).containsExactly(0xDF22, 0xDF24);
		assertThat(new String(objects.get(1).value())).isEqualTo("19850402");
	}

	@Test
	void readsLongFormLengths() {
		byte[] value = new byte[300];
		value[299] = 7;
		byte[] encoded = new Tlv(0xFF20, value).encode();
		assertThat(encoded).startsWith(hex("FF20 82 012C"));
		assertThat(Tlv.parseAll(encoded)).containsExactly(new Tlv(0xFF20, value));
		assertThat(new Tlv(0xDF23, new byte[200]).encode()).startsWith(hex("DF23 81 C8"));
	}

	@Test
	void readsTheLicencesOneByteTags() {
		List<Tlv> objects = Tlv.parseAll(hex("12 04 454F 6E34 16 07 34303230313038 FFFF FFFF"));
		assertThat(objects).extracting(Tlv::tag).containsExactly(0x12, 0x16);
	}

	@Test
	void skipsFfPaddingOnlyAtTheEnd() {
		// FF 10 is the My Number's tag, FF FF after it padding.
		List<Tlv> objects = Tlv.parseAll(hex("FF10 0C 313233343536373839303138 FFFF"));
		assertThat(objects).singleElement().satisfies((object) -> assertThat(object.tag()).isEqualTo(0xFF10));
	}

	@Test
	void tellsTheEncodedSizeFromTheHeaderAlone() {
		assertThat(Tlv.encodedSize(hex("FF20 82 0123"), 5)).isEqualTo(5 + 0x123);
		assertThat(Tlv.encodedSize(hex("FF20 82 01"), 4)).isEqualTo(-1);
		assertThat(Tlv.encodedSize(hex("FF"), 1)).isEqualTo(-1);
	}

	@Test
	void rejectsTruncatedObjects() {
		assertThatIllegalArgumentException().isThrownBy(() -> Tlv.parseAll(hex("DF22 05 4142")));
		assertThatIllegalArgumentException().isThrownBy(() -> Tlv.parseAll(hex("DF22 80 4142")));
	}

	@Test
	void parsingInvertsEncodingForRandomObjects() {
		Random random = new Random(7816);
		for (int run = 0; run < 1000; run++) {
			List<Tlv> objects = new ArrayList<>();
			for (int i = random.nextInt(6); i > 0; i--) {
				objects.add(randomObject(random));
			}
			byte[] encoded = Tlv.encodeAll(objects);
			assertThat(Tlv.parseAll(encoded)).as("run %d", run).isEqualTo(objects);
			if (!objects.isEmpty()) {
				byte[] first = objects.get(0).encode();
				assertThat(Tlv.encodedSize(encoded, encoded.length)).isEqualTo(first.length);
			}
		}
	}

	/**
	 * One-byte tags (not 00 or FF, not the multi-byte marker) and two-byte private tags
	 * DF01..DF7F, FF01..FF7F, with values around every length-form boundary.
	 */
	private static Tlv randomObject(Random random) {
		int tag;
		if (random.nextBoolean()) {
			do {
				tag = 1 + random.nextInt(0xFE);
			}
			while ((tag & 0x1F) == 0x1F);
		}
		else {
			tag = ((random.nextBoolean() ? 0xDF : 0xFF) << 8) | (1 + random.nextInt(0x7F));
		}
		int[] boundaries = { 0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x3FF };
		int length = boundaries[random.nextInt(boundaries.length)] + random.nextInt(3);
		byte[] value = new byte[length];
		random.nextBytes(value);
		return new Tlv(tag, value);
	}

}
