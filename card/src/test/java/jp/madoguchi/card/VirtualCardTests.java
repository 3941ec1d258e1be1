package jp.madoguchi.card;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import jp.madoguchi.card.emulator.VirtualCard;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulated card answers like a real one, status word by status word. */
class VirtualCardTests {

	private final VirtualCard card = Profiles.card("my-number-card");

	private int sw(String apdu) {
		return ResponseApdu.parse(this.card.process(HexFormat.of().parseHex(apdu.replace(" ", "")))).sw();
	}

	@Test
	void refusesToReadBeforeThePinIsVerified() {
		assertThat(sw("00A4040C0A D3921000310001010408")).isEqualTo(0x9000);
		assertThat(sw("00A4020C02 0002")).isEqualTo(0x9000);
		assertThat(sw("00B0000000")).isEqualTo(0x6982);
	}

	@Test
	void forgetsTheVerificationOnResetAndWhenLeavingTheApplication() {
		assertThat(sw("00A4040C0A D3921000310001010408")).isEqualTo(0x9000);
		assertThat(sw("00A4020C02 0011")).isEqualTo(0x9000);
		assertThat(sw("00200080")).isEqualTo(0x63C3);
		assertThat(sw("0020008004 31323334")).isEqualTo(0x9000);
		assertThat(sw("00200080")).isEqualTo(0x9000);
		assertThat(sw("00A4040C0A D3921000310001010402")).isEqualTo(0x9000);
		assertThat(sw("00A4040C0A D3921000310001010408")).isEqualTo(0x9000);
		assertThat(sw("00A4020C02 0002")).isEqualTo(0x9000);
		assertThat(sw("00B0000000")).isEqualTo(0x6982);
	}

	@Test
	void answersErrorsWithTheirStatusWords() {
		assertThat(sw("00A4040C0A D3921000310001010499")).isEqualTo(0x6A82);
		assertThat(sw("00A4020C02 0002")).isEqualTo(0x6A82); // not under the MF
		assertThat(sw("00B0000000")).isEqualTo(0x6986); // no current EF
		assertThat(sw("00200081")).isEqualTo(0x6A88); // no such PIN
		assertThat(sw("00CA000000")).isEqualTo(0x6D00);
		assertThat(sw("80A4040C0A D3921000310001010408")).isEqualTo(0x6E00);
		assertThat(sw("00A4")).isEqualTo(0x6700);
		assertThat(sw("00A4040C0A D3921000310001010408")).isEqualTo(0x9000);
		assertThat(sw("00A4020C02 0011")).isEqualTo(0x9000);
		assertThat(sw("0020008004 31323334")).isEqualTo(0x9000);
		assertThat(sw("00A4020C02 0001")).isEqualTo(0x9000);
		assertThat(sw("00B0001100")).isEqualTo(0x6B00); // offset 17 of 17 bytes
		assertThat(sw("00B0000011")).isEqualTo(0x9000);
	}

	@Test
	void keepsTheRetryCounterAcrossResets() {
		sw("00A4040C0A D3921000310001010408");
		sw("00A4020C02 0011");
		assertThat(sw("0020008004 30303030")).isEqualTo(0x63C2);
		this.card.reset();
		sw("00A4040C0A D3921000310001010408");
		sw("00A4020C02 0011");
		assertThat(sw("00200080")).isEqualTo(0x63C2);
		assertThat(this.card.triesLeft(0x0011)).isEqualTo(2);
	}

}
