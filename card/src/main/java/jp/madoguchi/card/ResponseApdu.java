package jp.madoguchi.card;

import java.util.Arrays;

/**
 * A response APDU: data and the status word.
 *
 * @param data response data
 * @param sw status word (SW1 SW2 as one number, e.g. 0x9000)
 */
public record ResponseApdu(byte[] data, int sw) {

	public ResponseApdu {
		data = data.clone();
	}

	public static ResponseApdu of(int sw) {
		return new ResponseApdu(new byte[0], sw);
	}

	public static ResponseApdu parse(byte[] apdu) {
		if (apdu.length < 2) {
			throw new IllegalArgumentException("A response APDU has at least the two status bytes");
		}
		int sw = ((apdu[apdu.length - 2] & 0xFF) << 8) | (apdu[apdu.length - 1] & 0xFF);
		return new ResponseApdu(Arrays.copyOf(apdu, apdu.length - 2), sw);
	}

	@Override
	public byte[] data() {
		return this.data.clone();
	}

	public int length() {
		return this.data.length;
	}

	public int sw1() {
		return this.sw >> 8;
	}

	public int sw2() {
		return this.sw & 0xFF;
	}

	public boolean ok() {
		return this.sw == StatusWord.OK;
	}

	public byte[] toBytes() {
		byte[] out = Arrays.copyOf(this.data, this.data.length + 2);
		out[this.data.length] = (byte) (this.sw >> 8);
		out[this.data.length + 1] = (byte) this.sw;
		return out;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ResponseApdu that && Arrays.equals(toBytes(), that.toBytes());
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(toBytes());
	}

	/** Length and status only: the data is personal. */
	@Override
	public String toString() {
		return this.data.length + " bytes, " + StatusWord.describe(this.sw);
	}

}
