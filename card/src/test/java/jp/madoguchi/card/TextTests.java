package jp.madoguchi.card;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TextTests {

	@Test
	void decodesJisX0208Kanji() {
		// 渡 45 4F, 邊 6E 34 (a JIS level 2 kanji), ideographic space 21 21, 花 32 56, 子 3B
		// 52.
		JisX0208.Decoded decoded = JisX0208.decode(HexFormat.of().parseHex("454F6E342121325 63B52".replace(" ", "")));
		assertThat(decoded.text()).isEqualTo("渡邊　花子");
		assertThat(decoded.specials()).isEmpty();
	}

	@Test
	void reportsExternalAndMissingCharacters() {
		JisX0208.Decoded decoded = JisX0208.decode(HexFormat.of().parseHex("FFF1 3636 FFFA 7F7F".replace(" ", "")));
		assertThat(decoded.text()).isEqualTo("〓橋〓〓");
		assertThat(decoded.specials())
			.extracting(JisX0208.Special::position, JisX0208.Special::hex, JisX0208.Special::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0, "FFF1", JisX0208.Special.Kind.EXTERNAL),
					org.assertj.core.groups.Tuple.tuple(2, "FFFA", JisX0208.Special.Kind.MISSING),
					org.assertj.core.groups.Tuple.tuple(3, "7F7F", JisX0208.Special.Kind.UNDEFINED));
	}

	@Test
	void refusesTextOutsideJisX0208WhenEncoding() {
		// 髙 (U+9AD9) is not in JIS X 0208: on a licence it is an external character.
		assertThatIllegalArgumentException().isThrownBy(() -> JisX0208.encode("髙橋"));
		assertThatIllegalArgumentException().isThrownBy(() -> JisX0208.decode(new byte[3]));
	}

	@Test
	void convertsEraDates() {
		assertThat(JapaneseEra.parse("4010108")).isEqualTo(LocalDate.of(1989, 1, 8));
		assertThat(JapaneseEra.parse("3640107")).isEqualTo(LocalDate.of(1989, 1, 7));
		assertThat(JapaneseEra.parse("4310430")).isEqualTo(LocalDate.of(2019, 4, 30));
		assertThat(JapaneseEra.parse("5010501")).isEqualTo(LocalDate.of(2019, 5, 1));
		assertThat(JapaneseEra.format(LocalDate.of(2019, 5, 1))).isEqualTo("5010501");
		assertThat(JapaneseEra.format(LocalDate.of(1926, 12, 24))).isEqualTo("2151224");
	}

	@Test
	void rejectsDaysOutsideTheirEra() {
		assertThatIllegalArgumentException().isThrownBy(() -> JapaneseEra.parse("5010430"));
		assertThatIllegalArgumentException().isThrownBy(() -> JapaneseEra.parse("4010107"));
		assertThatIllegalArgumentException().isThrownBy(() -> JapaneseEra.parse("6010101"));
		assertThatIllegalArgumentException().isThrownBy(() -> JapaneseEra.parse("5070231"));
		assertThatIllegalArgumentException().isThrownBy(() -> JapaneseEra.parse("50704"));
	}

	@Test
	void eraCodesRoundTripForAnyDay() {
		// Every day from 1868-10-23 (明治 1) to 2117-12-31 (令和 99): few enough to try them
		// all.
		for (long day = LocalDate.of(1868, 10, 23).toEpochDay(); day <= LocalDate.of(2117, 12, 31)
			.toEpochDay(); day++) {
			LocalDate date = LocalDate.ofEpochDay(day);
			assertThat(JapaneseEra.parse(JapaneseEra.format(date))).as("%s", date).isEqualTo(date);
		}
	}

	@Test
	void decodingInvertsEncodingForRandomJisText() {
		// Random text drawn from the kanji, kana and symbols of JIS X 0208 rows 1 to 84.
		Random random = new Random(20261126);
		for (int run = 0; run < 500; run++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(40);
			while (text.length() < length) {
				byte[] code = { (byte) (0x21 + random.nextInt(84)), (byte) (0x21 + random.nextInt(94)) };
				String decoded = JisX0208.decode(code).text();
				if (!decoded.isEmpty() && decoded.charAt(0) != JisX0208.PLACEHOLDER) {
					text.append(decoded);
				}
			}
			String expected = text.toString().replaceAll("\u3000+$", "");
			assertThat(JisX0208.decode(JisX0208.encode(text.toString())).text()).isEqualTo(expected);
		}
	}

}
