package jp.madoguchi.card;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads the IC driver's licence (警察庁 specification): the common data element (no PIN) and
 * the entries of DF1/EF01 after PIN1.
 *
 * <p>
 * APDUs for the entries: SELECT MF, VERIFY PIN1, SELECT DF1, SELECT EF01, then READ
 * BINARY 256 bytes at a time until the card answers short (the entries are plain TLVs
 * without an outer length, so the end shows only by reading).
 */
public final class DriversLicenseReader {

	public static final byte[] DF1 = HexFormat.of().parseHex("A0000002310100000000000000000000");

	/** The photo application (DF2), readable after PIN1 and PIN2. */
	public static final byte[] DF2 = HexFormat.of().parseHex("A0000002310200000000000000000000");

	static final int EF_PHOTO = 0x0001;

	/** The photo's tag in DF2/EF01: a JPEG 2000 image. */
	static final int TAG_PHOTO = 0x5F40;

	static final int EF_COMMON = 0x2F01;

	static final int EF_ENTRIES = 0x0001;

	static final int EF_REGISTERED_DOMICILE = 0x0002;

	static final int PIN1 = 0x81;

	static final int PIN2 = 0x82;

	private final CardTransport card;

	public DriversLicenseReader(CardTransport card) {
		this.card = card;
	}

	/**
	 * The common data element (MF/EF01): specification version, issue and expiry dates.
	 */
	public CommonData readCommonData() {
		selectMf();
		Commands.selectEf(this.card, EF_COMMON);
		byte[] file = Commands.readEf(this.card, (prefix) -> -1);
		Tlv element = Tlv.find(Tlv.parseAll(file), 0x45)
			.orElseThrow(() -> new CardReadException(CardError.UNSUPPORTED_CARD, "MF/EF01 holds no tag 45"));
		byte[] value = element.value();
		if (value.length < 11) {
			throw new CardReadException(CardError.CARD_ERROR, "tag 45 is too short");
		}
		String version = new String(value, 0, 3, StandardCharsets.US_ASCII);
		String hex = HexFormat.of().formatHex(value, 3, 11);
		return new CommonData(version, bcdDate(hex.substring(0, 8)), bcdDate(hex.substring(8, 16)));
	}

	public Entries readEntries(String pin1) {
		selectMf();
		Commands.verify(this.card, PIN1, pin1);
		Commands.selectApplication(this.card, DF1, "DF1");
		Commands.selectEf(this.card, EF_ENTRIES);
		byte[] file = Commands.readEf(this.card, (prefix) -> -1);
		List<Tlv> items = Tlv.parseAll(file);
		List<ExternalCharacter> externals = new ArrayList<>();
		String name = jis(items, 0x12, "name", externals);
		String kana = optionalJis(items, 0x13, "nameKana", externals).orElse("");
		String address = jis(items, 0x17, "address", externals);
		LocalDate birthDate = eraDate(items, 0x16);
		LocalDate issuedOn = eraDate(items, 0x18);
		LocalDate expiresOn = eraDate(items, 0x1B);
		String number = ascii(items, 0x21);
		return new Entries(name, kana, address, birthDate, issuedOn, expiresOn, number, List.copyOf(externals));
	}

	/**
	 * 本籍 (DF1/EF02, tag 41) and the face photo (DF2/EF01, tag 5F40, JPEG 2000), both
	 * readable after PIN1 and PIN2 only, so one session reads both. A wrong PIN2 costs
	 * one of PIN2's own three tries (PIN1, already right, is untouched).
	 */
	public RegisteredDomicile readRegisteredDomicile(String pin1, String pin2) {
		Pins.requireFourDigits(pin2);
		selectMf();
		Commands.verify(this.card, PIN1, pin1);
		Commands.verify(this.card, PIN2, pin2);
		Commands.selectApplication(this.card, DF1, "DF1");
		Commands.selectEf(this.card, EF_REGISTERED_DOMICILE);
		byte[] file = Commands.readEf(this.card, (prefix) -> Tlv.encodedSize(prefix, prefix.length));
		List<ExternalCharacter> externals = new ArrayList<>();
		String domicile = jis(Tlv.parseAll(file), 0x41, "registeredDomicile", externals);
		return new RegisteredDomicile(domicile, List.copyOf(externals), readPhoto());
	}

	/**
	 * DF2/EF01 after both PINs: the value of tag 5F40, or empty when the card has no DF2
	 * or the EF holds no photo (the 本籍 is still worth having).
	 */
	private byte[] readPhoto() {
		ResponseApdu selected = this.card.transmit(Commands.selectDf(DF2));
		if (selected.sw() == StatusWord.FILE_NOT_FOUND) {
			return new byte[0];
		}
		Commands.expectOk(selected, "SELECT DF2");
		Commands.selectEf(this.card, EF_PHOTO);
		byte[] file = Commands.readEf(this.card, (prefix) -> Tlv.encodedSize(prefix, prefix.length));
		return Tlv.find(Tlv.parseAll(file), TAG_PHOTO).map(Tlv::value).orElse(new byte[0]);
	}

	/** Tries left for PIN1 (0 when locked); spends no try. */
	public int remainingTries() {
		selectMf();
		return Commands.triesLeft(this.card, PIN1);
	}

	private void selectMf() {
		ResponseApdu response = this.card.transmit(Commands.selectMf());
		Commands.expectOk(response, "SELECT MF");
	}

	private static Tlv item(List<Tlv> items, int tag) {
		return Tlv.find(items, tag)
			.orElseThrow(() -> new CardReadException(CardError.CARD_ERROR,
					"DF1/EF01 lacks tag " + Integer.toHexString(tag).toUpperCase()));
	}

	private static String jis(List<Tlv> items, int tag, String field, List<ExternalCharacter> externals) {
		return decode(item(items, tag), field, externals);
	}

	private static Optional<String> optionalJis(List<Tlv> items, int tag, String field,
			List<ExternalCharacter> externals) {
		return Tlv.find(items, tag).map((item) -> decode(item, field, externals));
	}

	private static String decode(Tlv item, String field, List<ExternalCharacter> externals) {
		JisX0208.Decoded decoded;
		try {
			decoded = JisX0208.decode(item.value());
		}
		catch (IllegalArgumentException ex) {
			throw new CardReadException(CardError.CARD_ERROR, field + ": " + ex.getMessage(), ex);
		}
		decoded.specials()
			.forEach((special) -> externals
				.add(new ExternalCharacter(field, special.position(), special.hex(), special.kind().name())));
		return decoded.text();
	}

	private static String ascii(List<Tlv> items, int tag) {
		return new String(item(items, tag).value(), StandardCharsets.US_ASCII).trim();
	}

	private static LocalDate eraDate(List<Tlv> items, int tag) {
		try {
			return JapaneseEra.parse(ascii(items, tag));
		}
		catch (IllegalArgumentException ex) {
			throw new CardReadException(CardError.CARD_ERROR,
					"tag " + Integer.toHexString(tag).toUpperCase() + ": " + ex.getMessage(), ex);
		}
	}

	private static LocalDate bcdDate(String digits) {
		try {
			return LocalDate.parse(digits, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new CardReadException(CardError.CARD_ERROR, "common data holds no BCD date", ex);
		}
	}

	/**
	 * The common data element.
	 *
	 * @param specificationVersion three characters, e.g. "009"
	 * @param issuedOn date of issue
	 * @param expiresOn end of validity
	 */
	public record CommonData(String specificationVersion, LocalDate issuedOn, LocalDate expiresOn) {
	}

	/**
	 * The entries of DF1/EF01 the counter needs.
	 *
	 * @param name name; {@link JisX0208#PLACEHOLDER} where an external character stands
	 * @param nameKana reading (呼び名), empty when the card has none
	 * @param address address
	 * @param birthDate birth date
	 * @param issuedOn date of issue
	 * @param expiresOn end of validity
	 * @param licenseNumber the twelve-digit licence number
	 * @param externalCharacters characters staff must take from the card face
	 */
	public record Entries(String name, String nameKana, String address, LocalDate birthDate, LocalDate issuedOn,
			LocalDate expiresOn, String licenseNumber, List<ExternalCharacter> externalCharacters) {

		@Override
		public String toString() {
			return "Entries[personal data]";
		}

	}

	/**
	 * 本籍 as DF1/EF02 holds it, and the face photo of DF2/EF01.
	 *
	 * @param registeredDomicile 本籍; {@link JisX0208#PLACEHOLDER} where an external
	 * character stands
	 * @param externalCharacters characters staff must take from the card
	 * @param photo the face photo as the card holds it (JPEG 2000), empty when none
	 */
	public record RegisteredDomicile(String registeredDomicile, List<ExternalCharacter> externalCharacters,
			byte[] photo) {

		public RegisteredDomicile {
			photo = photo.clone();
		}

		@Override
		public byte[] photo() {
			return this.photo.clone();
		}

		@Override
		public String toString() {
			return "RegisteredDomicile[personal data]";
		}

	}

	/**
	 * A placeholder in a decoded field.
	 *
	 * @param field the field name ("name", "nameKana", "address")
	 * @param position index of the placeholder in the field's text
	 * @param code the card's code (FFF1..FFF7 external, FFFA missing, or an undefined JIS
	 * code)
	 * @param kind EXTERNAL, MISSING or UNDEFINED
	 */
	public record ExternalCharacter(String field, int position, String code, String kind) {
	}

}
