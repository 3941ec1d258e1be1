package jp.madoguchi.card;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import jp.madoguchi.card.emulator.Photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DriversLicenseReaderTests {

	@Test
	void readsTheEntriesAfterPin1() {
		CountingTransport card = new CountingTransport(Profiles.card("drivers-license"));
		DriversLicenseReader.Entries entries = new DriversLicenseReader(card).readEntries("1234");
		assertThat(entries.name()).isEqualTo("渡邊　花子");
		assertThat(entries.nameKana()).isEqualTo("ワタナベ　ハナコ");
		assertThat(entries.address()).isEqualTo("北海道釧路市幣舞町４番２８号");
		assertThat(entries.birthDate()).isEqualTo(LocalDate.of(1990, 1, 8));
		assertThat(entries.expiresOn()).isEqualTo(LocalDate.of(2029, 2, 8));
		assertThat(entries.issuedOn()).isEqualTo(LocalDate.of(2024, 3, 15));
		assertThat(entries.licenseNumber()).isEqualTo("012345678901");
		assertThat(entries.externalCharacters()).isEmpty();
		// SELECT MF, VERIFY PIN1, SELECT DF1, SELECT EF01, then 880 bytes in four READ
		// BINARY
		// (the last answers 62 82 with 112 bytes).
		assertThat(card.count()).isEqualTo(8);
		assertThat(card.count(0xB0)).isEqualTo(4);
		assertThat(card.responses.get(7).sw()).isEqualTo(StatusWord.END_OF_FILE);
		assertThat(card.responses.get(7).length()).isEqualTo(880 - 3 * 256);
	}

	@Test
	void reportsExternalCharactersInsteadOfGuessing() {
		CountingTransport card = new CountingTransport(Profiles.card("drivers-license-gaiji"));
		DriversLicenseReader.Entries entries = new DriversLicenseReader(card).readEntries("4321");
		assertThat(entries.name()).isEqualTo("〓橋　次郎");
		assertThat(entries.externalCharacters())
			.containsExactly(new DriversLicenseReader.ExternalCharacter("name", 0, "FFF1", "EXTERNAL"));
		// 平成1年1月7日 does not exist; 昭和64年1月7日 does.
		assertThat(entries.birthDate()).isEqualTo(LocalDate.of(1989, 1, 7));
		// This card answers 6C 70 past the end: one more APDU, never a wrong one.
		assertThat(card.count()).isEqualTo(9);
	}

	@Test
	void readsTheCommonDataWithoutAPin() {
		CountingTransport card = new CountingTransport(Profiles.card("drivers-license"));
		DriversLicenseReader.CommonData common = new DriversLicenseReader(card).readCommonData();
		assertThat(common.specificationVersion()).isEqualTo("009");
		assertThat(common.expiresOn()).isEqualTo(LocalDate.of(2029, 2, 8));
		assertThat(card.count()).isEqualTo(3);
	}

	@Test
	void wrongPin1CountsDown() {
		CountingTransport card = new CountingTransport(Profiles.card("drivers-license"));
		DriversLicenseReader reader = new DriversLicenseReader(card);
		assertThatExceptionOfType(CardReadException.class).isThrownBy(() -> reader.readEntries("0000"))
			.satisfies((ex) -> assertThat(ex.remainingTries()).hasValue(2));
		assertThat(reader.remainingTries()).isEqualTo(2);
	}

	@Test
	void readsTheRegisteredDomicileAfterBothPins() {
		CountingTransport card = new CountingTransport(Profiles.card("drivers-license"));
		DriversLicenseReader.RegisteredDomicile domicile = new DriversLicenseReader(card).readRegisteredDomicile("1234",
				"5678");
		assertThat(domicile.registeredDomicile()).isEqualTo("北海道釧路市黒金町７丁目５番地");
		assertThat(domicile.externalCharacters()).isEmpty();
		// The photo of DF2/EF01 (tag 5F40) in the same session: a JPEG 2000 file (JP2
		// signature box), byte for byte what the card holds.
		assertThat(domicile.photo()).isEqualTo(Photos.jpeg2000(Photos.LICENCE));
		assertThat(domicile.photo()).startsWith(0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20);
		// SELECT MF, VERIFY PIN1, VERIFY PIN2, SELECT DF1, SELECT EF02, READ BINARY;
		// SELECT
		// DF2, SELECT EF01 and READ BINARY by 256 for exactly the size its TLV header
		// gives.
		int photoFile = new Tlv(DriversLicenseReader.TAG_PHOTO, domicile.photo()).encode().length;
		int photoReads = (photoFile + 255) / 256;
		assertThat(card.count()).isEqualTo(8 + photoReads);
		assertThat(card.count(0xB0)).isEqualTo(1 + photoReads);
		assertThat(card.responses.get(card.count() - 1).length()).isEqualTo(photoFile - (photoReads - 1) * 256);
	}

	@Test
	void thePhotoNeedsPin2() {
		var virtual = Profiles.card("drivers-license");
		CountingTransport card = new CountingTransport(virtual);
		new DriversLicenseReader(card).readEntries("1234");
		// PIN1 alone does not open DF2/EF01.
		card.transmit(Commands.selectDf(DriversLicenseReader.DF2));
		card.transmit(Commands.selectEf(DriversLicenseReader.EF_PHOTO));
		assertThat(card.transmit(Commands.readBinary(0, 256)).sw()).isEqualTo(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
	}

	@Test
	void aWrongPin2CostsAPin2TryOnly() {
		var virtual = Profiles.card("drivers-license");
		CountingTransport card = new CountingTransport(virtual);
		assertThatExceptionOfType(CardReadException.class)
			.isThrownBy(() -> new DriversLicenseReader(card).readRegisteredDomicile("1234", "0000"))
			.satisfies((ex) -> assertThat(ex.remainingTries()).hasValue(2));
		assertThat(virtual.triesLeft(DriversLicenseReader.PIN2)).isEqualTo(2);
		assertThat(virtual.triesLeft(DriversLicenseReader.PIN1)).isEqualTo(3);
	}

	@Test
	void aMyNumberCardIsNotALicence() {
		CountingTransport card = new CountingTransport(Profiles.card("my-number-card"));
		assertThatExceptionOfType(CardReadException.class)
			.isThrownBy(() -> new DriversLicenseReader(card).readEntries("1234"))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(CardError.UNSUPPORTED_CARD));
	}

}
