package jp.madoguchi.card;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import jp.madoguchi.card.emulator.VirtualCard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MyNumberCardReaderTests {

	@Test
	void readsTheBasicFourItemsWithFiveApdus() {
		CountingTransport card = new CountingTransport(Profiles.card("my-number-card"));
		MyNumberCardReader.BasicInfo info = new MyNumberCardReader(card).readBasicInfo("1234");
		assertThat(info.name()).isEqualTo("渡邊　一郎");
		assertThat(info.address()).isEqualTo("北海道釧路市黒金町７丁目５番地　釧路マンション１０１号");
		assertThat(info.birthDate()).isEqualTo(LocalDate.of(1985, 4, 2));
		assertThat(info.sex()).isEqualTo(MyNumberCardReader.Sex.MALE);
		// SELECT AP, SELECT EF 0011, VERIFY, SELECT EF 0002, one READ BINARY: the TLV
		// header says
		// the rest of the 512-byte EF is padding.
		assertThat(card.count()).isEqualTo(5);
		assertThat(card.commands.get(0).toBytes())
			.isEqualTo(java.util.HexFormat.of().parseHex("00A4040C0AD3921000310001010408"));
		assertThat(card.commands.get(2).toBytes())
			.isEqualTo(java.util.HexFormat.of().parseHex("00200080043132333 4".replace(" ", "")));
	}

	@Test
	void readsALongAddressInTwoChunksAskingExactlyForTheRest() {
		String address = "北海道釧路市" + "黒金町".repeat(40);
		CountingTransport card = new CountingTransport(
				Profiles.card("my-number-card", (profile) -> profile.put("address", address)));
		MyNumberCardReader.BasicInfo info = new MyNumberCardReader(card).readBasicInfo("1234");
		assertThat(info.address()).isEqualTo(address);
		assertThat(card.count(0xB0)).isEqualTo(2);
		CommandApdu second = card.commands.get(card.count() - 1);
		assertThat((second.p1() << 8) | second.p2()).isEqualTo(256);
		assertThat(card.responses.get(card.count() - 1).sw()).isEqualTo(StatusWord.OK);
	}

	@Test
	void readsTheMyNumber() {
		CountingTransport card = new CountingTransport(Profiles.card("my-number-card"));
		assertThat(new MyNumberCardReader(card).readMyNumber("1234")).isEqualTo("123456789018");
		assertThat(card.count()).isEqualTo(5);
		assertThat(card.responses.get(4).sw()).isEqualTo(StatusWord.END_OF_FILE);
	}

	@Test
	void followsACardThatTellsTheExactLengthWith6Cxx() {
		CountingTransport card = new CountingTransport(
				Profiles.card("my-number-card", (profile) -> profile.put("readPastEnd", "WRONG_LE")));
		assertThat(new MyNumberCardReader(card).readMyNumber("1234")).isEqualTo("123456789018");
		assertThat(card.responses.get(4).sw()).isEqualTo(0x6C11);
		assertThat(card.count()).isEqualTo(6);
	}

	@Test
	void wrongPinsCountDownAndLockWithoutRetrying() {
		VirtualCard virtual = Profiles.card("my-number-card");
		CountingTransport card = new CountingTransport(virtual);
		MyNumberCardReader reader = new MyNumberCardReader(card);
		assertThatExceptionOfType(CardReadException.class).isThrownBy(() -> reader.readBasicInfo("0000"))
			.satisfies((ex) -> {
				assertThat(ex.error()).isEqualTo(CardError.PIN_INCORRECT);
				assertThat(ex.remainingTries()).hasValue(2);
			});
		assertThat(card.count(0x20)).isEqualTo(1);
		assertThat(reader.remainingTries()).isEqualTo(2);
		assertThatExceptionOfType(CardReadException.class).isThrownBy(() -> reader.readMyNumber("9999"))
			.satisfies((ex) -> assertThat(ex.remainingTries()).hasValue(1));
		assertThatExceptionOfType(CardReadException.class).isThrownBy(() -> reader.readMyNumber("9999"))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(CardError.PIN_LOCKED));
		// Locked: even the right PIN is refused now (69 83).
		assertThatExceptionOfType(CardReadException.class).isThrownBy(() -> reader.readBasicInfo("1234"))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(CardError.PIN_LOCKED));
		assertThat(card.responses.get(card.count() - 1).sw()).isEqualTo(StatusWord.AUTHENTICATION_BLOCKED);
		assertThat(reader.remainingTries()).isZero();
	}

	@Test
	void aRightPinResetsTheCounter() {
		CountingTransport card = new CountingTransport(Profiles.card("my-number-card"));
		MyNumberCardReader reader = new MyNumberCardReader(card);
		assertThatExceptionOfType(CardReadException.class).isThrownBy(() -> reader.readBasicInfo("0000"));
		reader.readBasicInfo("1234");
		assertThat(reader.remainingTries()).isEqualTo(3);
	}

	@Test
	void aMalformedPinNeverReachesTheCard() {
		CountingTransport card = new CountingTransport(Profiles.card("my-number-card"));
		MyNumberCardReader reader = new MyNumberCardReader(card);
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> reader.readBasicInfo("12345"));
		assertThat(card.count(0x20)).isZero();
	}

	@Test
	void aLicenceIsNotAMyNumberCard() {
		CountingTransport card = new CountingTransport(Profiles.card("drivers-license"));
		assertThatExceptionOfType(CardReadException.class)
			.isThrownBy(() -> new MyNumberCardReader(card).readBasicInfo("1234"))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(CardError.UNSUPPORTED_CARD));
		assertThat(card.count()).isEqualTo(1);
	}

}
