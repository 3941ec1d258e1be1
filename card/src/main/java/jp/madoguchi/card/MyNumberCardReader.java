package jp.madoguchi.card;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the My Number card's 券面事項入力補助AP (card-info input support application): the basic
 * four items and the My Number, after the resident's four-digit PIN.
 *
 * <p>
 * APDUs for one read: SELECT AP, SELECT PIN EF, VERIFY, SELECT data EF, then one READ
 * BINARY per 256 bytes of the file (the BER-TLV header in the first chunk tells the rest
 * exactly).
 */
public final class MyNumberCardReader {

	public static final byte[] AID = HexFormat.of().parseHex("D3921000310001010408");

	static final int EF_MY_NUMBER = 0x0001;

	static final int EF_BASIC_INFO = 0x0002;

	static final int EF_PIN = 0x0011;

	/** VERIFY P2: the PIN in the currently selected internal EF. */
	static final int PIN_REFERENCE = 0x80;

	private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private final CardTransport card;

	public MyNumberCardReader(CardTransport card) {
		this.card = card;
	}

	public BasicInfo readBasicInfo(String pin) {
		byte[] file = readAfterPin(pin, EF_BASIC_INFO);
		List<Tlv> outer = Tlv.parseAll(file);
		Tlv wrapper = Tlv.find(outer, 0xFF20)
			.orElseThrow(() -> new CardReadException(CardError.CARD_ERROR, "EF 0002 holds no FF 20 object"));
		List<Tlv> items = Tlv.parseAll(wrapper.value());
		String name = utf8(items, 0xDF22);
		String address = utf8(items, 0xDF23);
		String birth = utf8(items, 0xDF24);
		String sex = utf8(items, 0xDF25);
		LocalDate birthDate;
		try {
			birthDate = LocalDate.parse(birth, BASIC_DATE);
		}
		catch (DateTimeParseException ex) {
			throw new CardReadException(CardError.CARD_ERROR, "DF 24 is no YYYYMMDD date", ex);
		}
		return new BasicInfo(name, address, birthDate, Sex.ofIso5218(sex));
	}

	public String readMyNumber(String pin) {
		byte[] file = readAfterPin(pin, EF_MY_NUMBER);
		Tlv number = Tlv.find(Tlv.parseAll(file), 0xFF10)
			.orElseThrow(() -> new CardReadException(CardError.CARD_ERROR, "EF 0001 holds no FF 10 object"));
		String digits = new String(number.value(), StandardCharsets.US_ASCII);
		if (digits.length() != 12 || !digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new CardReadException(CardError.CARD_ERROR, "FF 10 is not twelve digits");
		}
		return digits;
	}

	/** Tries left before the PIN locks (0 when locked); spends no try. */
	public int remainingTries() {
		Commands.selectApplication(this.card, AID, "券面事項入力補助AP");
		Commands.selectEf(this.card, EF_PIN);
		return Commands.triesLeft(this.card, PIN_REFERENCE);
	}

	private byte[] readAfterPin(String pin, int ef) {
		Commands.selectApplication(this.card, AID, "券面事項入力補助AP");
		Commands.selectEf(this.card, EF_PIN);
		Commands.verify(this.card, PIN_REFERENCE, pin);
		Commands.selectEf(this.card, ef);
		return Commands.readEf(this.card, (prefix) -> Tlv.encodedSize(prefix, prefix.length));
	}

	private static String utf8(List<Tlv> items, int tag) {
		Tlv item = Tlv.find(items, tag)
			.orElseThrow(() -> new CardReadException(CardError.CARD_ERROR,
					"basic info lacks " + Integer.toHexString(tag).toUpperCase()));
		return new String(item.value(), StandardCharsets.UTF_8);
	}

	/**
	 * The basic four items (基本4情報) as printed on the card.
	 *
	 * @param name full name, exactly as stored
	 * @param address address
	 * @param birthDate birth date
	 * @param sex sex (ISO 5218)
	 */
	public record BasicInfo(String name, String address, LocalDate birthDate, Sex sex) {

		@Override
		public String toString() {
			return "BasicInfo[personal data]";
		}

	}

	/** ISO 5218 codes, as the card stores them. */
	public enum Sex {

		NOT_KNOWN("0"), MALE("1"), FEMALE("2"), NOT_APPLICABLE("9");

		private final String code;

		Sex(String code) {
			this.code = code;
		}

		public String code() {
			return this.code;
		}

		static Sex ofIso5218(String code) {
			for (Sex sex : values()) {
				if (sex.code.equals(code)) {
					return sex;
				}
			}
			throw new CardReadException(CardError.CARD_ERROR, "DF 25 is no ISO 5218 code");
		}

	}

}
