package jp.madoguchi.card;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.imageio.ImageIO;

/**
 * Reads the residence card (在留カード) and the special permanent resident certificate
 * (特別永住者証明書) as the Immigration Services Agency's published specification (在留カード等仕様書)
 * describes them.
 *
 * <p>
 * Access control: no PIN. The reader proves it knows the twelve-character card number
 * printed on the card: GET CHALLENGE, MUTUAL AUTHENTICATE with keys derived from the
 * number (a wrong number fails here, 63 00, before any personal data is read; the card
 * keeps no retry counter for it), then VERIFY of the number under secure messaging. Every
 * later READ BINARY goes under secure messaging (CLA 08, Le in tag 96, the answer
 * enciphered in tag 86).
 *
 * <p>
 * Files: MF/EF02 card type (C1, free), DF1 front image (D0, TIFF) and photo (D1, JPEG
 * 2000), DF2 住居地 entries (D2 D3 D4), 資格外活動許可 (D5, D6) and the pending application (D7),
 * DF3 the issuer's check code (DA) and certificate (DB). DF1/EF03, the card-face items as
 * text, is Madoguchi's approximation of what the second-generation cards record
 * (docs/card-agent.md says exactly what is and is not from the published specification).
 */
public final class ResidenceCardReader {

	public static final byte[] DF1 = HexFormat.of().parseHex("D392F0004F0200000000000000000000");

	public static final byte[] DF2 = HexFormat.of().parseHex("D392F0004F0300000000000000000000");

	public static final byte[] DF3 = HexFormat.of().parseHex("D392F0004F0400000000000000000000");

	static final int EF_CARD_TYPE = 0x0002;

	static final int EF_FRONT_IMAGE = 0x0001;

	static final int EF_PHOTO = 0x0002;

	/**
	 * Madoguchi's approximation: the card-face items as text (not on first-generation
	 * cards).
	 */
	static final int EF_CARD_FACE = 0x0003;

	static final int EF_ADDRESSES = 0x0001;

	static final int EF_COMPREHENSIVE_PERMISSION = 0x0002;

	static final int EF_INDIVIDUAL_PERMISSION = 0x0003;

	static final int EF_PENDING_APPLICATION = 0x0004;

	static final int EF_SIGNATURE = 0x0001;

	/**
	 * Plain bytes asked per secure READ BINARY: padded to 248 and wrapped as 86 81 F9 01
	 * …, the answer still fits one short response APDU (256 bytes).
	 */
	static final int SM_CHUNK = 240;

	private static final Pattern CARD_NUMBER = Pattern.compile("[A-Z]{2}[0-9]{8}[A-Z]{2}");

	private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CardTransport card;

	/** An ECDSA P-384 signature as r ‖ s (IEEE P1363), 48 bytes each. */
	private static final int P384_RAW_SIGNATURE = 96;

	/** A DER-encoded ECDSA P-384 signature is at most 104 bytes; RSA-2048 is 256. */
	private static final int MAX_ECDSA_SIGNATURE = 110;

	private final List<PublicKey> issuerKeys;

	private final Clock clock;

	/**
	 * @param card the card
	 * @param issuerKey the issuer's public key the check code must verify with, or null
	 * to read without checking (the result says
	 * {@link ResidenceCard.SignatureCheck#NOT_CHECKED})
	 * @param clock today, for the card's validity
	 */
	public ResidenceCardReader(CardTransport card, PublicKey issuerKey, Clock clock) {
		this(card, clock, (issuerKey != null) ? List.of(issuerKey) : List.of());
	}

	/**
	 * @param card the card
	 * @param clock today, for the card's validity
	 * @param issuerKeys the issuers' public keys: RSA for the first-generation check
	 * code, EC (P-384) for the second generation's ECDSA signature; a card whose
	 * signature kind has no key here is read unchecked
	 * ({@link ResidenceCard.SignatureCheck#NOT_CHECKED})
	 */
	public ResidenceCardReader(CardTransport card, Clock clock, List<PublicKey> issuerKeys) {
		this.card = card;
		this.issuerKeys = List.copyOf(issuerKeys);
		this.clock = clock;
	}

	/** Two capital letters, eight digits, two capital letters (AB12345678CD). */
	public static boolean isCardNumber(String number) {
		return number != null && CARD_NUMBER.matcher(number).matches();
	}

	/**
	 * Reads everything the card lets the holder of its number read.
	 * @throws IllegalArgumentException when {@code cardNumber} is not well formed
	 * (nothing is sent to the card)
	 * @throws CardReadException UNSUPPORTED_CARD, WRONG_CARD_NUMBER, CARD_EXPIRED,
	 * SIGNATURE_INVALID, CARD_REMOVED, CARD_ERROR
	 */
	public ResidenceCard read(String cardNumber) {
		if (!isCardNumber(cardNumber)) {
			throw new IllegalArgumentException("A card number is two letters, eight digits and two letters");
		}
		ResidenceCard.Kind kind = readKind();
		byte[] key = authenticate(cardNumber);

		Commands.selectApplication(this.card, DF1, "DF1");
		byte[] front = value(readSecure(key, EF_FRONT_IMAGE, true), 0xD0, "front image");
		byte[] photo = value(readSecure(key, EF_PHOTO, true), 0xD1, "photo");
		Optional<byte[]> faceFile = readSecureIfPresent(key, EF_CARD_FACE);

		Commands.selectApplication(this.card, DF2, "DF2");
		List<ResidenceCard.Address> addresses = addresses(readSecure(key, EF_ADDRESSES, false));
		String comprehensive = text(readSecure(key, EF_COMPREHENSIVE_PERMISSION, true), 0xD5);
		String individual = text(readSecure(key, EF_INDIVIDUAL_PERMISSION, true), 0xD6);
		ResidenceCard.PendingApplication pending = pending(text(readSecure(key, EF_PENDING_APPLICATION, true), 0xD7));

		Commands.selectApplication(this.card, DF3, "DF3");
		List<Tlv> signature = parse(readSecure(key, EF_SIGNATURE, false), "DF3/EF01");
		ResidenceCard.SignatureCheck check = checkSignature(signature, cardNumber, front, photo,
				faceFile.orElse(new byte[0]));

		ResidenceCard.CardFace face = faceFile.map(ResidenceCardReader::face).orElse(null);
		if (face != null && LocalDate.now(this.clock).isAfter(face.expiresOn())
				&& pending == ResidenceCard.PendingApplication.NONE) {
			throw new CardReadException(CardError.CARD_EXPIRED, "the card's validity ended");
		}
		return new ResidenceCard(kind, cardNumber, face, addresses, comprehensive, individual, pending, png(front),
				(photo.length > 0) ? "JPEG2000" : "", photo, check);
	}

	/**
	 * The check code (DA) exactly as the card holds it, for tests that look at its form:
	 * the same authentication and secure messaging as {@link #read}.
	 */
	static byte[] checkCodeOf(CardTransport card, String cardNumber) {
		ResidenceCardReader reader = new ResidenceCardReader(card, null, Clock.systemUTC());
		reader.readKind();
		byte[] key = reader.authenticate(cardNumber);
		Commands.selectApplication(card, DF3, "DF3");
		return Tlv.find(parse(reader.readSecure(key, EF_SIGNATURE, false), "DF3/EF01"), 0xDA)
			.map(Tlv::value)
			.orElse(new byte[0]);
	}

	private ResidenceCard.Kind readKind() {
		Commands.expectOk(this.card.transmit(CommandApdu.of(0x00, 0xA4, 0x00, 0x0C, new byte[] { 0x3F, 0x00 })),
				"SELECT MF");
		Commands.selectEf(this.card, EF_CARD_TYPE);
		byte[] file = Commands.readEf(this.card, (prefix) -> Tlv.encodedSize(prefix, prefix.length));
		Tlv type = Tlv.find(parse(file, "MF/EF02"), 0xC1)
			.orElseThrow(() -> new CardReadException(CardError.UNSUPPORTED_CARD, "MF/EF02 holds no card type"));
		byte[] value = type.value();
		if (value.length == 1 && value[0] == '1') {
			return ResidenceCard.Kind.RESIDENCE_CARD;
		}
		if (value.length == 1 && value[0] == '2') {
			return ResidenceCard.Kind.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE;
		}
		throw new CardReadException(CardError.UNSUPPORTED_CARD, "card type is neither '1' nor '2'");
	}

	/**
	 * MUTUAL AUTHENTICATE with the card-number key, then VERIFY of the number under
	 * secure messaging.
	 * @return the session key
	 */
	private byte[] authenticate(String cardNumber) {
		byte[] key = SecureMessaging.cardNumberKey(cardNumber);
		ResponseApdu challenge = this.card.transmit(new CommandApdu(0x00, 0x84, 0x00, 0x00, new byte[0], 8));
		if (!challenge.ok() || challenge.length() != 8) {
			throw CardReadException.unexpected("GET CHALLENGE", challenge.sw());
		}
		byte[] rndIcc = challenge.data();
		byte[] rndIfd = random(8);
		byte[] kIfd = random(16);
		byte[] cryptogram = SecureMessaging.encrypt(key, concat(rndIfd, rndIcc, kIfd));
		ResponseApdu answer = this.card.transmit(new CommandApdu(0x00, 0x82, 0x00, 0x00,
				concat(cryptogram, SecureMessaging.retailMac(key, cryptogram)), 256));
		if (answer.sw() == StatusWord.VERIFICATION_FAILED) {
			throw new CardReadException(CardError.WRONG_CARD_NUMBER, "MUTUAL AUTHENTICATE answered 63 00");
		}
		if (!answer.ok() || answer.length() != 40) {
			throw CardReadException.unexpected("MUTUAL AUTHENTICATE", answer.sw());
		}
		byte[] data = answer.data();
		byte[] eIcc = Arrays.copyOf(data, 32);
		if (!MessageDigest.isEqual(SecureMessaging.retailMac(key, eIcc), Arrays.copyOfRange(data, 32, 40))) {
			throw new CardReadException(CardError.CARD_ERROR, "the card's authentication cryptogram has a wrong MAC");
		}
		byte[] plain = SecureMessaging.decrypt(key, eIcc);
		if (!Arrays.equals(Arrays.copyOf(plain, 8), rndIcc)
				|| !Arrays.equals(Arrays.copyOfRange(plain, 8, 16), rndIfd)) {
			throw new CardReadException(CardError.CARD_ERROR, "the card's authentication cryptogram does not match");
		}
		byte[] session = SecureMessaging.sessionKey(kIfd, Arrays.copyOfRange(plain, 16, 32));
		byte[] number = SecureMessaging.encrypt(session,
				SecureMessaging.pad(cardNumber.getBytes(StandardCharsets.US_ASCII)));
		byte[] verifyData = new Tlv(0x86, concat(new byte[] { 0x01 }, number)).encode();
		ResponseApdu verified = this.card.transmit(CommandApdu.of(0x08, 0x20, 0x00, 0x86, verifyData));
		if (verified.sw() == StatusWord.VERIFICATION_FAILED) {
			throw new CardReadException(CardError.WRONG_CARD_NUMBER, "VERIFY answered 63 00");
		}
		Commands.expectOk(verified, "VERIFY (card number)");
		return session;
	}

	private Optional<byte[]> readSecureIfPresent(byte[] key, int fid) {
		ResponseApdu selected = this.card.transmit(Commands.selectEf(fid));
		if (selected.sw() == StatusWord.FILE_NOT_FOUND) {
			return Optional.empty();
		}
		Commands.expectOk(selected, String.format("SELECT EF %04X", fid));
		return Optional.of(readCurrentSecure(key, fid, false));
	}

	private byte[] readSecure(byte[] key, int fid, boolean oneObject) {
		Commands.selectEf(this.card, fid);
		return readCurrentSecure(key, fid, oneObject);
	}

	/**
	 * Secure READ BINARY of the selected EF. A file of one data object tells its size in
	 * the first answer's BER-TLV header, so the rest is asked for exactly; a file of
	 * several objects is read until the card answers short.
	 */
	private byte[] readCurrentSecure(byte[] key, int fid, boolean oneObject) {
		byte[] content = new byte[0];
		int wanted = -1;
		while (wanted < 0 || content.length < wanted) {
			int ne = (wanted < 0) ? SM_CHUNK : Math.min(SM_CHUNK, wanted - content.length);
			byte[] le = { (byte) 0x96, 0x02, (byte) (ne >> 8), (byte) ne };
			ResponseApdu response = this.card
				.transmit(new CommandApdu(0x08, 0xB0, content.length >> 8, content.length & 0xFF, le, 256));
			if (response.sw() == StatusWord.WRONG_OFFSET && content.length > 0) {
				break;
			}
			if (!response.ok()) {
				throw CardReadException.unexpected(String.format("READ BINARY (SM) EF %04X at %d", fid, content.length),
						response.sw());
			}
			byte[] plain = unwrap(key, response.data());
			content = concat(content, plain);
			if (wanted < 0 && oneObject) {
				wanted = Tlv.encodedSize(content, content.length);
			}
			if (plain.length < ne) {
				break;
			}
		}
		return (wanted >= 0 && content.length > wanted) ? Arrays.copyOf(content, wanted) : content;
	}

	/** Tag 86: padding indicator 01 and the enciphered, padded data. */
	private static byte[] unwrap(byte[] key, byte[] data) {
		try {
			Tlv object = Tlv.find(Tlv.parseAll(data), 0x86)
				.orElseThrow(() -> new IllegalArgumentException("no tag 86 in the answer"));
			byte[] value = object.value();
			if (value.length < 9 || value[0] != 0x01 || (value.length - 1) % 8 != 0) {
				throw new IllegalArgumentException("tag 86 is not 01 + enciphered blocks");
			}
			return SecureMessaging.unpad(SecureMessaging.decrypt(key, Arrays.copyOfRange(value, 1, value.length)));
		}
		catch (IllegalArgumentException ex) {
			throw new CardReadException(CardError.CARD_ERROR, "secure messaging: " + ex.getMessage(), ex);
		}
	}

	private ResidenceCard.SignatureCheck checkSignature(List<Tlv> signature, String cardNumber, byte[] front,
			byte[] photo, byte[] faceFile) {
		Optional<Tlv> checkCode = Tlv.find(signature, 0xDA);
		if (checkCode.isEmpty() || checkCode.get().length() == 0) {
			return ResidenceCard.SignatureCheck.UNSIGNED;
		}
		byte[] value = checkCode.get().value();
		boolean ecdsa = isEcdsaSignature(value);
		String algorithm = ecdsa ? "EC" : "RSA";
		List<PublicKey> keys = this.issuerKeys.stream().filter((key) -> algorithm.equals(key.getAlgorithm())).toList();
		if (keys.isEmpty()) {
			return ResidenceCard.SignatureCheck.NOT_CHECKED;
		}
		byte[] data = signedData(cardNumber, front, photo, faceFile);
		for (PublicKey key : keys) {
			if (ecdsa ? ecdsaVerifies(key, value, data) : rsaCheckCodeVerifies(key, value, data)) {
				return ResidenceCard.SignatureCheck.VALID;
			}
		}
		throw new CardReadException(CardError.SIGNATURE_INVALID,
				(ecdsa ? "the ECDSA signature" : "the check code") + " does not verify with the issuer key");
	}

	/**
	 * The second generation signs with ECDSA P-384 (published); the first has a 256-byte
	 * RSA-2048 check code. An ECDSA signature is far shorter: r ‖ s (96 bytes) or DER.
	 */
	static boolean isEcdsaSignature(byte[] value) {
		return value.length == P384_RAW_SIGNATURE || (value.length <= MAX_ECDSA_SIGNATURE && value[0] == 0x30);
	}

	/**
	 * First generation: the digest recovered from the check code (PKCS#1 v1.5 type 1).
	 */
	private static boolean rsaCheckCodeVerifies(PublicKey key, byte[] checkCode, byte[] data) {
		try {
			Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
			rsa.init(Cipher.DECRYPT_MODE, key);
			return MessageDigest.isEqual(rsa.doFinal(checkCode), sha256(data));
		}
		catch (GeneralSecurityException ex) {
			return false; // does not open with this key
		}
	}

	/**
	 * Second generation: ECDSA with SHA-384 (Madoguchi's approximation of the hash, the
	 * natural one for P-384), the signature as r ‖ s or DER.
	 */
	private static boolean ecdsaVerifies(PublicKey key, byte[] signature, byte[] data) {
		List<String> forms = (signature.length == P384_RAW_SIGNATURE)
				? List.of("SHA384withECDSAinP1363Format", "SHA384withECDSA") : List.of("SHA384withECDSA");
		for (String form : forms) {
			try {
				Signature verifier = Signature.getInstance(form);
				verifier.initVerify(key);
				verifier.update(data);
				if (verifier.verify(signature)) {
					return true;
				}
			}
			catch (GeneralSecurityException ex) {
				// a malformed signature for this form: try the next
			}
		}
		return false;
	}

	/**
	 * What the check code covers: SHA-256 over {@link #signedData}.
	 */
	public static byte[] signedDigest(String cardNumber, byte[] front, byte[] photo, byte[] faceFile) {
		return sha256(signedData(cardNumber, front, photo, faceFile));
	}

	/**
	 * What the issuer signs (Madoguchi's approximation, docs/card-agent.md): the card
	 * number, the front image and the photo (the values of D0 and D1), and, where the
	 * card has it, the card-face file.
	 */
	public static byte[] signedData(String cardNumber, byte[] front, byte[] photo, byte[] faceFile) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(cardNumber.getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(front);
		out.writeBytes(photo);
		out.writeBytes(faceFile);
		return out.toByteArray();
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static ResidenceCard.CardFace face(byte[] file) {
		List<Tlv> items = parse(file, "DF1/EF03");
		return new ResidenceCard.CardFace(utf8(items, 0xE1, true), utf8(items, 0xE2, false), date(items, 0xE3, true),
				MyNumberCardReader.Sex.ofIso5218(utf8(items, 0xE4, true)), utf8(items, 0xE5, true),
				utf8(items, 0xE6, false), utf8(items, 0xE7, false), date(items, 0xE8, false), utf8(items, 0xE9, false),
				date(items, 0xEA, false), utf8(items, 0xED, false), date(items, 0xEB, true), date(items, 0xEC, true));
	}

	private static List<ResidenceCard.Address> addresses(byte[] file) {
		List<Tlv> items = parse(file, "DF2/EF01");
		List<ResidenceCard.Address> addresses = new ArrayList<>();
		for (int i = 0; i + 2 < items.size(); i += 3) {
			Tlv recorded = items.get(i);
			Tlv code = items.get(i + 1);
			Tlv address = items.get(i + 2);
			if (recorded.tag() != 0xD2 || code.tag() != 0xD3 || address.tag() != 0xD4) {
				throw new CardReadException(CardError.CARD_ERROR, "DF2/EF01 is not D2 D3 D4 triples");
			}
			String text = new String(address.value(), StandardCharsets.UTF_8).strip();
			if (text.isEmpty()) {
				continue;
			}
			addresses.add(new ResidenceCard.Address(parseDate(new String(recorded.value(), StandardCharsets.US_ASCII)),
					new String(code.value(), StandardCharsets.US_ASCII).strip(), text));
		}
		return addresses;
	}

	private static ResidenceCard.PendingApplication pending(String code) {
		return switch (code) {
			case "", "0" -> ResidenceCard.PendingApplication.NONE;
			case "1" -> ResidenceCard.PendingApplication.EXTENSION;
			case "2" -> ResidenceCard.PendingApplication.CHANGE_OF_STATUS;
			default -> throw new CardReadException(CardError.CARD_ERROR, "D7 holds an unknown code");
		};
	}

	private static byte[] value(byte[] file, int tag, String what) {
		return Tlv.find(parse(file, what), tag).map(Tlv::value).orElse(new byte[0]);
	}

	private static String text(byte[] file, int tag) {
		return new String(value(file, tag, Integer.toHexString(tag)), StandardCharsets.UTF_8).strip();
	}

	private static List<Tlv> parse(byte[] file, String what) {
		try {
			return Tlv.parseAll(file);
		}
		catch (IllegalArgumentException ex) {
			throw new CardReadException(CardError.CARD_ERROR, what + ": " + ex.getMessage(), ex);
		}
	}

	private static String utf8(List<Tlv> items, int tag, boolean required) {
		Optional<Tlv> item = Tlv.find(items, tag);
		if (item.isEmpty() && required) {
			throw new CardReadException(CardError.CARD_ERROR,
					"card face lacks " + Integer.toHexString(tag).toUpperCase());
		}
		return item.map((found) -> new String(found.value(), StandardCharsets.UTF_8).strip()).orElse("");
	}

	private static LocalDate date(List<Tlv> items, int tag, boolean required) {
		String text = utf8(items, tag, required);
		return text.isEmpty() ? null : parseDate(text);
	}

	private static LocalDate parseDate(String yyyymmdd) {
		try {
			return LocalDate.parse(yyyymmdd, BASIC_DATE);
		}
		catch (DateTimeParseException ex) {
			throw new CardReadException(CardError.CARD_ERROR, "a date is not YYYYMMDD", ex);
		}
	}

	/**
	 * The front image (an MMR-compressed TIFF) as PNG, when the Java runtime decodes it.
	 */
	static byte[] png(byte[] image) {
		if (image.length == 0) {
			return new byte[0];
		}
		try {
			java.awt.image.BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
			if (decoded == null) {
				return new byte[0];
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(decoded, "png", out);
			return out.toByteArray();
		}
		catch (IOException | RuntimeException ex) {
			return new byte[0];
		}
	}

	private static byte[] random(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
