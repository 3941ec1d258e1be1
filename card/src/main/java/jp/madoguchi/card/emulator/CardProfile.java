package jp.madoguchi.card.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import jp.madoguchi.card.DriversLicenseReader;
import jp.madoguchi.card.JapaneseEra;
import jp.madoguchi.card.JisX0208;
import jp.madoguchi.card.MyNumberCardReader;
import jp.madoguchi.card.Tlv;

/**
 * A card described in JSON (see {@code card/profiles/}): its type, the person's data, the
 * PIN(s) and tries left. {@link #toCard()} lays the data out in the files and encodings
 * the real card uses, so the readers are tested against the card's format rather than
 * against the profile.
 *
 * <p>
 * In licence text, {@code {FFF1}} stands for the raw two-byte code (an external
 * character).
 *
 * @param card MY_NUMBER_CARD, DRIVERS_LICENSE, RESIDENCE_CARD or
 * SPECIAL_PERMANENT_RESIDENT_CERTIFICATE
 * @param atr answer to reset in hex (a default per card type when absent)
 * @param readPastEnd how READ BINARY answers past the end (END_OF_FILE or WRONG_LE)
 * @param pin the My Number card's 券面事項入力補助AP PIN, or the licence's PIN1
 * @param pin2 the licence's PIN2
 * @param triesLeft tries left on {@code pin} (default 3)
 * @param myNumber twelve digits
 * @param name name
 * @param nameKana licence: reading
 * @param address address
 * @param birthDate ISO date
 * @param sex My Number card: ISO 5218 code
 * @param issuedOn licence: ISO date
 * @param expiresOn licence: ISO date
 * @param licenseNumber licence: twelve digits
 * @param registeredDomicile licence: 本籍 (DF1/EF02, PIN2)
 * @param photo licence: the face photo of DF2/EF01 (PIN2), the name of a JPEG 2000 image
 * the emulator ships ({@code licence-face.jp2}, the default; {@code residence-face.jp2})
 * @param residence RESIDENCE_CARD and SPECIAL_PERMANENT_RESIDENT_CERTIFICATE: the card's
 * items ({@link ResidenceProfile})
 * @param description what the profile is for (not on the card)
 */
public record CardProfile(String card, String atr, String readPastEnd, String pin, String pin2, Integer triesLeft,
		String myNumber, String name, String nameKana, String address, String birthDate, String sex, String issuedOn,
		String expiresOn, String licenseNumber, String registeredDomicile, String photo, ResidenceProfile residence,
		String description) {

	public static final String MY_NUMBER_CARD = "MY_NUMBER_CARD";

	public static final String DRIVERS_LICENSE = "DRIVERS_LICENSE";

	public static final String RESIDENCE_CARD = "RESIDENCE_CARD";

	public static final String SPECIAL_PERMANENT_RESIDENT_CERTIFICATE = "SPECIAL_PERMANENT_RESIDENT_CERTIFICATE";

	private static final Pattern RAW_CODE = Pattern.compile("\\{([0-9A-Fa-f]{4})\\}");

	/** The 券面事項入力補助AP's EF 0002 is allocated larger than its content; the rest is FF. */
	private static final int BASIC_INFO_EF_SIZE = 0x0200;

	/** DF1/EF01 has a fixed size on the licence (880 bytes); the unused tail is FF. */
	private static final int LICENCE_ENTRIES_EF_SIZE = 880;

	public static CardProfile read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in);
		}
	}

	public static CardProfile read(InputStream in) {
		return JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build()
			.readValue(in, CardProfile.class);
	}

	/** The card this profile describes, whichever kind it is. */
	public EmulatedChip toChip() {
		boolean special = SPECIAL_PERMANENT_RESIDENT_CERTIFICATE.equals(this.card);
		if (special || RESIDENCE_CARD.equals(this.card)) {
			if (this.residence == null) {
				throw new IllegalArgumentException("A residence card profile needs \"residence\"");
			}
			// A contactless type B card has no ATR of its own: PC/SC readers make one
			// (3B 88 80 01, the ATQB's application data and protocol info, TCK).
			return ResidenceCardLayout.chip(atr("3B888001000000009181710068"), special, this.residence);
		}
		return toCard();
	}

	/** The My Number card or licence of this profile (not a residence card). */
	public VirtualCard toCard() {
		VirtualCard.ReadPastEnd pastEnd = (this.readPastEnd == null) ? VirtualCard.ReadPastEnd.END_OF_FILE
				: VirtualCard.ReadPastEnd.valueOf(this.readPastEnd);
		if (MY_NUMBER_CARD.equals(this.card)) {
			return new VirtualCard(atr("3B8880014A504B4932344C414E47"), myNumberCard(), pastEnd);
		}
		if (DRIVERS_LICENSE.equals(this.card)) {
			return new VirtualCard(atr("3B8880014A5052454D4F544543"), driversLicense(), pastEnd);
		}
		throw new IllegalArgumentException(
				"card must be MY_NUMBER_CARD, DRIVERS_LICENSE, RESIDENCE_CARD or SPECIAL_PERMANENT_RESIDENT_CERTIFICATE");
	}

	private byte[] atr(String fallback) {
		return HexFormat.of().parseHex((this.atr != null) ? this.atr.replace(" ", "") : fallback);
	}

	private int tries() {
		return (this.triesLeft != null) ? this.triesLeft : 3;
	}

	private VirtualCard.Df myNumberCard() {
		VirtualCard.Df mf = new VirtualCard.Df(0x3F00, null);
		// The other applications exist on a real card; the readers must not mistake them
		// for this one.
		mf.add(new VirtualCard.Df(-1, HexFormat.of().parseHex("D3921000310001010402")));
		mf.add(new VirtualCard.Df(-1, HexFormat.of().parseHex("D392F000260100000001")));
		VirtualCard.Df ap = mf.add(new VirtualCard.Df(-1, MyNumberCardReader.AID));
		VirtualCard.Pin pin = ap.add(new VirtualCard.Pin(0x0011, -1, ascii(this.pin), 3, tries()));
		byte[] number = Arrays.copyOf(new Tlv(0xFF10, ascii(this.myNumber)).encode(), 17);
		number[15] = (byte) 0xFF;
		number[16] = (byte) 0xFF;
		ap.add(new VirtualCard.Ef(0x0001, number, pin));
		byte[] header = HexFormat.of().parseHex("00020304050607080910111213141516"); // layout
																						// version
																						// and
																						// offsets
		byte[] items = Tlv.encodeAll(
				List.of(new Tlv(0xDF21, header), new Tlv(0xDF22, utf8(this.name)), new Tlv(0xDF23, utf8(this.address)),
						new Tlv(0xDF24, ascii(this.birthDate.replace("-", ""))), new Tlv(0xDF25, ascii(this.sex))));
		ap.add(new VirtualCard.Ef(0x0002, padded(new Tlv(0xFF20, items).encode(), BASIC_INFO_EF_SIZE), pin));
		// EF 0003: hashes and the issuer's signature (not checked by the readers yet).
		ap.add(new VirtualCard.Ef(0x0003, new Tlv(0xFF30, new byte[64]).encode(), pin));
		return mf;
	}

	private VirtualCard.Df driversLicense() {
		VirtualCard.Df mf = new VirtualCard.Df(0x3F00, null);
		VirtualCard.Pin pin1 = mf.add(new VirtualCard.Pin(-1, 0x81, ascii(this.pin), 3, tries()));
		VirtualCard.Pin pin2 = mf
			.add(new VirtualCard.Pin(-1, 0x82, ascii((this.pin2 != null) ? this.pin2 : "0000"), 3, 3));
		LocalDate issued = LocalDate.parse(this.issuedOn);
		LocalDate expires = LocalDate.parse(this.expiresOn);
		byte[] common = new byte[11];
		System.arraycopy(ascii("009"), 0, common, 0, 3);
		System.arraycopy(HexFormat.of().parseHex(issued.toString().replace("-", "")), 0, common, 3, 4);
		System.arraycopy(HexFormat.of().parseHex(expires.toString().replace("-", "")), 0, common, 7, 4);
		mf.add(new VirtualCard.Ef(0x2F01,
				Tlv.encodeAll(List.of(new Tlv(0x45, common), new Tlv(0x46, new byte[] { 0x01, 0x01 })))));
		mf.add(new VirtualCard.Ef(0x2F02, new Tlv(0xC1, new byte[] { 0x01 }).encode())); // PIN
																							// set
		VirtualCard.Df df1 = mf.add(new VirtualCard.Df(-1, DriversLicenseReader.DF1));
		List<Tlv> entries = new ArrayList<>();
		entries.add(new Tlv(0x11, new byte[] { 0x02 })); // JIS X 0208 edition code
		entries.add(new Tlv(0x12, jis(this.name)));
		if (this.nameKana != null) {
			entries.add(new Tlv(0x13, jis(this.nameKana)));
		}
		entries.add(new Tlv(0x16, ascii(JapaneseEra.format(LocalDate.parse(this.birthDate)))));
		entries.add(new Tlv(0x17, jis(this.address)));
		entries.add(new Tlv(0x18, ascii(JapaneseEra.format(issued))));
		entries.add(new Tlv(0x19, ascii("12345")));
		entries.add(new Tlv(0x1A, jis("優良")));
		entries.add(new Tlv(0x1B, ascii(JapaneseEra.format(expires))));
		entries.add(new Tlv(0x20, jis("北海道公安委員会")));
		entries.add(new Tlv(0x21, ascii(this.licenseNumber)));
		df1.add(new VirtualCard.Ef(0x0001, padded(Tlv.encodeAll(entries), LICENCE_ENTRIES_EF_SIZE), pin1));
		df1.add(new VirtualCard.Ef(0x0002,
				new Tlv(0x41, jis((this.registeredDomicile != null) ? this.registeredDomicile : "")).encode(), pin1,
				pin2));
		VirtualCard.Df df2 = mf.add(new VirtualCard.Df(-1, DriversLicenseReader.DF2));
		df2.add(new VirtualCard.Ef(0x0001,
				new Tlv(0x5F40, Photos.jpeg2000((this.photo != null) ? this.photo : Photos.LICENCE)).encode(), pin1,
				pin2));
		return mf;
	}

	private static byte[] padded(byte[] content, int size) {
		if (content.length >= size) {
			return content;
		}
		byte[] out = Arrays.copyOf(content, size);
		Arrays.fill(out, content.length, size, (byte) 0xFF);
		return out;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** JIS X 0208 with {XXXX} for raw codes (external characters). */
	static byte[] jis(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Matcher matcher = RAW_CODE.matcher(text);
		int position = 0;
		while (matcher.find()) {
			out.writeBytes(JisX0208.encode(text.substring(position, matcher.start())));
			int code = Integer.parseInt(matcher.group(1), 16);
			out.write(code >> 8);
			out.write(code);
			position = matcher.end();
		}
		out.writeBytes(JisX0208.encode(text.substring(position)));
		return out.toByteArray();
	}

}
