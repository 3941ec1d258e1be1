package jp.madoguchi.card;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import jp.madoguchi.card.emulator.EmulatedChip;
import jp.madoguchi.card.emulator.Photos;
import jp.madoguchi.card.emulator.ResidenceCardLayout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResidenceCardReaderTests {

	private static final Clock TODAY = Clock
		.fixed(LocalDate.of(2026, 12, 2).atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant(), ZoneId.of("Asia/Tokyo"));

	private static final PublicKey ISSUER = ResidenceCardLayout.testIssuerKey();

	@Test
	void readsTheResidenceCardAsItsProfileDescribesIt() throws Exception {
		CountingTransport card = new CountingTransport(Profiles.chip("residence-card"));
		ResidenceCard read = new ResidenceCardReader(card, ISSUER, TODAY).read("AB12345678CD");
		assertThat(read.kind()).isEqualTo(ResidenceCard.Kind.RESIDENCE_CARD);
		assertThat(read.cardNumber()).isEqualTo("AB12345678CD");
		ResidenceCard.CardFace face = read.face();
		assertThat(face.nameAlphabet()).isEqualTo("NGUYEN VAN AN");
		assertThat(face.nameKanji()).isEmpty();
		assertThat(face.birthDate()).isEqualTo(LocalDate.of(2001, 7, 15));
		assertThat(face.sex()).isEqualTo(MyNumberCardReader.Sex.MALE);
		assertThat(face.nationality()).isEqualTo("ベトナム");
		assertThat(face.residenceStatus()).isEqualTo("特定技能１号");
		assertThat(face.periodOfStay()).isEqualTo("3年");
		assertThat(face.periodOfStayEndsOn()).isEqualTo(LocalDate.of(2029, 10, 31));
		assertThat(face.workRestriction()).startsWith("指定書記載機関");
		assertThat(face.expiresOn()).isEqualTo(LocalDate.of(2029, 10, 31));
		assertThat(read.addresses()).extracting(ResidenceCard.Address::municipalityCode)
			.containsExactly("012033", "012068");
		assertThat(read.currentAddress().address()).isEqualTo("北海道釧路市錦町２丁目４番　錦町寮２０３号");
		assertThat(read.currentAddress().recordedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(read.pendingApplication()).isEqualTo(ResidenceCard.PendingApplication.NONE);
		assertThat(read.signature()).isEqualTo(ResidenceCard.SignatureCheck.VALID);
		assertThat(read.photoFormat()).isEqualTo("JPEG2000");
		// The photo (D1) as the card holds it: the emulator's real JPEG 2000 file.
		assertThat(read.photo()).isEqualTo(Photos.jpeg2000(Photos.RESIDENCE));
		// The MMR-compressed TIFF of the card becomes a PNG of the same size.
		BufferedImage front = ImageIO.read(new ByteArrayInputStream(read.frontImagePng()));
		assertThat(front.getWidth()).isEqualTo(640);
		assertThat(front.getHeight()).isEqualTo(404);
		// Every data file was read under secure messaging, never in plain.
		assertThat(card.commands).filteredOn((command) -> command.ins() == 0xB0 && command.cla() == 0x00).hasSize(1); // MF/EF02,
																														// the
																														// card
																														// type:
																														// free
		assertThat(card.responses)
			.allSatisfy((response) -> assertThat(response.sw()).isIn(StatusWord.OK, StatusWord.END_OF_FILE));
	}

	@Test
	void readsTheSpecialPermanentResidentCertificateWithItsKanjiName() {
		CountingTransport card = new CountingTransport(Profiles.chip("special-permanent-resident-certificate"));
		ResidenceCard read = new ResidenceCardReader(card, ISSUER, TODAY).read("CD98765432EF");
		assertThat(read.kind()).isEqualTo(ResidenceCard.Kind.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE);
		assertThat(read.face().nameKanji()).isEqualTo("金　英秀");
		assertThat(read.face().nameAlphabet()).isEqualTo("KIM YOUNGSOO");
		assertThat(read.face().nationality()).isEqualTo("韓国");
		assertThat(read.face().residenceStatus()).isEmpty();
		assertThat(read.face().periodOfStayEndsOn()).isNull();
		assertThat(read.signature()).isEqualTo(ResidenceCard.SignatureCheck.VALID);
	}

	@Test
	void aWrongCardNumberIsRefusedBeforeAnyDataIsReadAndCostsNothing() {
		EmulatedChip chip = Profiles.chip("residence-card");
		CountingTransport card = new CountingTransport(chip);
		ResidenceCardReader reader = new ResidenceCardReader(card, ISSUER, TODAY);
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(CardReadException.class).isThrownBy(() -> reader.read("AB12345678CE"))
				.satisfies((ex) -> assertThat(ex.error()).isEqualTo(CardError.WRONG_CARD_NUMBER))
				.satisfies((ex) -> assertThat(ex.remainingTries()).isEmpty());
		}
		// SELECT MF, SELECT EF02, READ BINARY (card type), GET CHALLENGE, MUTUAL
		// AUTHENTICATE (63 00) each time: no DF selected, no secure READ BINARY.
		assertThat(card.commands).noneMatch((command) -> command.cla() == 0x08);
		assertThat(card.commands).noneMatch((command) -> command.ins() == 0xA4 && command.p1() == 0x04);
		assertThat(card.responses.get(4).sw()).isEqualTo(StatusWord.VERIFICATION_FAILED);
		assertThat(card.count()).isEqualTo(25);
		// The right number still works: there was no counter to spend.
		assertThat(reader.read("AB12345678CD").face().nameAlphabet()).isEqualTo("NGUYEN VAN AN");
	}

	@Test
	void aMalformedCardNumberNeverReachesTheCard() {
		CountingTransport card = new CountingTransport(Profiles.chip("residence-card"));
		ResidenceCardReader reader = new ResidenceCardReader(card, ISSUER, TODAY);
		for (String number : new String[] { "ab12345678cd", "AB1234567CD", "AB12345678CDE", "", null }) {
			assertThatIllegalArgumentException().isThrownBy(() -> reader.read(number));
		}
		assertThat(card.count()).isZero();
	}

	@Test
	void theDataFilesRefuseAPlainReadAndAReadBeforeTheCardNumber() {
		EmulatedChip chip = Profiles.chip("residence-card");
		CountingTransport card = new CountingTransport(chip);
		card.transmit(CommandApdu.of(0x00, 0xA4, 0x04, 0x0C, ResidenceCardReader.DF1));
		card.transmit(CommandApdu.of(0x00, 0xA4, 0x02, 0x0C, new byte[] { 0x00, 0x01 }));
		assertThat(card.transmit(Commands.readBinary(0, 256)).sw()).isEqualTo(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
		assertThat(card
			.transmit(new CommandApdu(0x08, 0xB0, 0, 0, new byte[] { (byte) 0x96, 0x02, 0x00, (byte) 0xF0 }, 256))
			.sw()).isEqualTo(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
	}

	@Test
	void anExpiredCardIsReportedAsSuch() {
		CountingTransport card = new CountingTransport(Profiles.chip("residence-card-expired"));
		assertThatExceptionOfType(CardReadException.class)
			.isThrownBy(() -> new ResidenceCardReader(card, ISSUER, TODAY).read("EF24681357GH"))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(CardError.CARD_EXPIRED));
	}

	@Test
	void aPendingExtensionKeepsTheCardValidAfterThePeriodOfStay() {
		CountingTransport card = new CountingTransport(Profiles.chip("residence-card-extension-pending"));
		ResidenceCard read = new ResidenceCardReader(card, ISSUER, TODAY).read("GH11223344JK");
		assertThat(read.pendingApplication()).isEqualTo(ResidenceCard.PendingApplication.EXTENSION);
		assertThat(read.face().periodOfStayEndsOn()).isBefore(LocalDate.now(TODAY));
		assertThat(read.comprehensivePermission()).startsWith("許可");
	}

	@Test
	void theSignatureMustVerifyWithTheConfiguredIssuerKey() throws Exception {
		PublicKey stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
		assertThatExceptionOfType(CardReadException.class)
			.isThrownBy(() -> new ResidenceCardReader(new CountingTransport(Profiles.chip("residence-card")), stranger,
					TODAY)
				.read("AB12345678CD"))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(CardError.SIGNATURE_INVALID));
		assertThat(new ResidenceCardReader(new CountingTransport(Profiles.chip("residence-card")), null, TODAY)
			.read("AB12345678CD")
			.signature()).isEqualTo(ResidenceCard.SignatureCheck.NOT_CHECKED);
		assertThat(new ResidenceCardReader(
				new CountingTransport(Profiles.chip("residence-card", (node) -> withResidence(node, "signed", false))),
				ISSUER, TODAY)
			.read("AB12345678CD")
			.signature()).isEqualTo(ResidenceCard.SignatureCheck.UNSIGNED);
	}

	@Test
	void aSecondGenerationCardsEcdsaSignatureMustVerifyWithTheConfiguredKey() throws Exception {
		PublicKey ecdsaIssuer = ResidenceCardLayout.testEcdsaIssuerKey();
		assertThat(ecdsaIssuer.getAlgorithm()).isEqualTo("EC");
		List<PublicKey> both = List.of(ISSUER, ecdsaIssuer);
		CountingTransport card = new CountingTransport(Profiles.chip("residence-card-second-generation"));
		ResidenceCard read = new ResidenceCardReader(card, TODAY, both).read("JK55667788LM");
		assertThat(read.signature()).isEqualTo(ResidenceCard.SignatureCheck.VALID);
		assertThat(read.face().nameAlphabet()).isEqualTo("SILVA MARIA");
		// The first generation's RSA check code still verifies with the same
		// configuration.
		assertThat(new ResidenceCardReader(new CountingTransport(Profiles.chip("residence-card")), TODAY, both)
			.read("AB12345678CD")
			.signature()).isEqualTo(ResidenceCard.SignatureCheck.VALID);
		// Only the RSA key configured: an ECDSA card is read, unchecked, never taken as
		// valid.
		assertThat(new ResidenceCardReader(new CountingTransport(Profiles.chip("residence-card-second-generation")),
				ISSUER, TODAY)
			.read("JK55667788LM")
			.signature()).isEqualTo(ResidenceCard.SignatureCheck.NOT_CHECKED);
		// Another issuer's P-384 key.
		KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
		ec.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
		PublicKey stranger = ec.generateKeyPair().getPublic();
		assertThatExceptionOfType(CardReadException.class)
			.isThrownBy(() -> new ResidenceCardReader(
					new CountingTransport(Profiles.chip("residence-card-second-generation")), TODAY,
					List.of(ISSUER, stranger))
				.read("JK55667788LM"))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(CardError.SIGNATURE_INVALID));
		// Changed after issue: the name on the card is not the one signed.
		assertThatExceptionOfType(CardReadException.class)
			.isThrownBy(() -> new ResidenceCardReader(
					new CountingTransport(Profiles.chip("residence-card-second-generation-tampered")), TODAY, both)
				.read("JK55667788LM"))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(CardError.SIGNATURE_INVALID));
	}

	@Test
	void theSecondGenerationSignatureIsP384RAndSAndTheFirstAnRsaCheckCode() {
		byte[] ecdsa = checkCode(Profiles.chip("residence-card-second-generation"), "JK55667788LM");
		assertThat(ecdsa).hasSize(96);
		assertThat(ResidenceCardReader.isEcdsaSignature(ecdsa)).isTrue();
		byte[] rsa = checkCode(Profiles.chip("residence-card"), "AB12345678CD");
		assertThat(rsa).hasSize(256);
		assertThat(ResidenceCardReader.isEcdsaSignature(rsa)).isFalse();
	}

	@Test
	void aTamperedFirstGenerationCardIsRefusedToo() {
		assertThatExceptionOfType(CardReadException.class)
			.isThrownBy(() -> new ResidenceCardReader(
					new CountingTransport(
							Profiles.chip("residence-card", (node) -> withResidence(node, "tampered", true))),
					ISSUER, TODAY)
				.read("AB12345678CD"))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(CardError.SIGNATURE_INVALID));
	}

	@Test
	void aCardWithoutTheTextFileGivesTheFrontImageOnly() {
		ResidenceCard read = new ResidenceCardReader(
				new CountingTransport(
						Profiles.chip("residence-card", (node) -> withResidence(node, "cardFace", false))),
				ISSUER, TODAY)
			.read("AB12345678CD");
		assertThat(read.face()).isNull();
		assertThat(read.frontImagePng()).startsWith(0x89, 'P', 'N', 'G');
		assertThat(read.signature()).isEqualTo(ResidenceCard.SignatureCheck.VALID);
	}

	@Test
	void otherCardsAreNamedUnsupported() {
		for (String other : List.of("my-number-card", "drivers-license")) {
			CountingTransport card = new CountingTransport(Profiles.chip(other));
			assertThatExceptionOfType(CardReadException.class)
				.isThrownBy(() -> new ResidenceCardReader(card, ISSUER, TODAY).read("AB12345678CD"))
				.satisfies((ex) -> assertThat(ex.error()).isEqualTo(CardError.UNSUPPORTED_CARD));
		}
	}

	@Test
	void secureMessagingPrimitivesFollowIso9797() {
		assertThat(SecureMessaging.pad(new byte[12])).hasSize(16);
		assertThat(SecureMessaging.pad(new byte[8])).hasSize(16);
		assertThat(SecureMessaging.unpad(SecureMessaging.pad("AB12345678CD".getBytes()))).asString()
			.isEqualTo("AB12345678CD");
		byte[] key = SecureMessaging.cardNumberKey("AB12345678CD");
		assertThat(key).hasSize(16).isNotEqualTo(SecureMessaging.cardNumberKey("AB12345678CE"));
		byte[] block = new byte[16];
		assertThat(SecureMessaging.decrypt(key, SecureMessaging.encrypt(key, block))).isEqualTo(block);
		assertThat(SecureMessaging.retailMac(key, block)).hasSize(8);
	}

	/** DA as the card holds it, read as a reader would (the emulator's files). */
	private static byte[] checkCode(EmulatedChip chip, String cardNumber) {
		return ResidenceCardReader.checkCodeOf(new CountingTransport(chip), cardNumber);
	}

	private static ObjectNode withResidence(ObjectNode node, String field, boolean value) {
		((ObjectNode) node.get("residence")).put(field, value);
		return node;
	}

}
