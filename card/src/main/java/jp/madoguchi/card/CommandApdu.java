package jp.madoguchi.card;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An ISO 7816-4 command APDU in short form (both cards answer at most 256 bytes per
 * command, so extended lengths are never needed).
 *
 * @param cla class byte
 * @param ins instruction byte
 * @param p1 first parameter
 * @param p2 second parameter
 * @param data command data (empty for none)
 * @param ne expected response length: 0 for none, 1..256 (256 is sent as Le 00)
 */
public record CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int ne) {

	public CommandApdu {
		data = data.clone();
		if (data.length > 255) {
			throw new IllegalArgumentException("Short APDUs carry at most 255 data bytes");
		}
		if (ne < 0 || ne > 256) {
			throw new IllegalArgumentException("Ne must be 0..256");
		}
	}

	public static CommandApdu of(int cla, int ins, int p1, int p2) {
		return new CommandApdu(cla, ins, p1, p2, new byte[0], 0);
	}

	public static CommandApdu of(int cla, int ins, int p1, int p2, byte[] data) {
		return new CommandApdu(cla, ins, p1, p2, data, 0);
	}

	@Override
	public byte[] data() {
		return this.data.clone();
	}

	public byte[] toBytes() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(6 + this.data.length);
		out.write(this.cla);
		out.write(this.ins);
		out.write(this.p1);
		out.write(this.p2);
		if (this.data.length > 0) {
			out.write(this.data.length);
			out.writeBytes(this.data);
		}
		if (this.ne > 0) {
			out.write(this.ne == 256 ? 0 : this.ne);
		}
		return out.toByteArray();
	}

	/**
	 * Parses a short command APDU (cases 1 to 4) as a card receives it.
	 * @throws IllegalArgumentException when the bytes are no well-formed short APDU (the
	 * card answers 67 00)
	 */
	public static CommandApdu parse(byte[] apdu) {
		if (apdu.length < 4) {
			throw new IllegalArgumentException("An APDU has at least four header bytes");
		}
		int cla = apdu[0] & 0xFF;
		int ins = apdu[1] & 0xFF;
		int p1 = apdu[2] & 0xFF;
		int p2 = apdu[3] & 0xFF;
		if (apdu.length == 4) {
			return new CommandApdu(cla, ins, p1, p2, new byte[0], 0);
		}
		int b5 = apdu[4] & 0xFF;
		if (apdu.length == 5) {
			return new CommandApdu(cla, ins, p1, p2, new byte[0], b5 == 0 ? 256 : b5);
		}
		if (b5 == 0) {
			throw new IllegalArgumentException("Extended lengths are not supported");
		}
		if (apdu.length == 5 + b5) {
			return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + b5), 0);
		}
		if (apdu.length == 6 + b5) {
			int le = apdu[5 + b5] & 0xFF;
			return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + b5), le == 0 ? 256 : le);
		}
		throw new IllegalArgumentException("Lc does not match the APDU length");
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CommandApdu that && Arrays.equals(toBytes(), that.toBytes());
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(toBytes());
	}

	/** Hex of the header only: the data may be a PIN and must never reach a log. */
	@Override
	public String toString() {
		return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(toBytes(), 0, 4)
				+ (this.data.length > 0 ? " +" + this.data.length + " bytes" : "")
				+ (this.ne > 0 ? " Ne=" + this.ne : "");
	}

}
