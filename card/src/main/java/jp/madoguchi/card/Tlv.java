package jp.madoguchi.card;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One BER-TLV data object as the cards store them. Parsed here rather than with a DER
 * library: the My Number card uses private-class two-byte tags (DF 21 …) and the licence
 * one-byte context tags with plain byte strings, which strict DER parsers reject.
 *
 * @param tag the tag bytes as a number (0xDF21, 0x12)
 * @param value the value bytes
 */
public record Tlv(int tag, byte[] value) {

	public Tlv {
		value = value.clone();
	}

	@Override
	public byte[] value() {
		return this.value.clone();
	}

	public int length() {
		return this.value.length;
	}

	/**
	 * Parses consecutive data objects filling {@code data}. 00 bytes between objects and
	 * a run of FF up to the end are padding (ISO 7816-4 5.2.2; the My Number EF ends with
	 * FF FF). A single FF elsewhere starts a private tag (FF 10, FF 20).
	 */
	public static List<Tlv> parseAll(byte[] data) {
		return parseAll(data, 0, data.length);
	}

	public static List<Tlv> parseAll(byte[] data, int offset, int length) {
		List<Tlv> objects = new ArrayList<>();
		int position = offset;
		int end = offset + length;
		while (position < end) {
			int first = data[position] & 0xFF;
			if (first == 0x00) {
				position++;
				continue;
			}
			if (first == 0xFF && onlyPaddingFrom(data, position, end)) {
				break;
			}
			Header header = header(data, position, end);
			if (header == null || header.valueOffset() + header.valueLength() > end) {
				throw new IllegalArgumentException("Truncated data object at offset " + position);
			}
			objects.add(new Tlv(header.tag(),
					Arrays.copyOfRange(data, header.valueOffset(), header.valueOffset() + header.valueLength())));
			position = header.valueOffset() + header.valueLength();
		}
		return objects;
	}

	private static boolean onlyPaddingFrom(byte[] data, int position, int end) {
		for (int i = position; i < end; i++) {
			if (data[i] != (byte) 0xFF) {
				return false;
			}
		}
		return true;
	}

	/** The first data object with this tag, if any. */
	public static Optional<Tlv> find(List<Tlv> objects, int tag) {
		return objects.stream().filter((object) -> object.tag() == tag).findFirst();
	}

	/**
	 * The total encoded size of the object starting at {@code data[0]}, or -1 when the
	 * bytes given are too few to tell (used to read an EF with as few READ BINARY
	 * commands as possible).
	 */
	public static int encodedSize(byte[] data, int available) {
		Header header = header(data, 0, Math.min(available, data.length));
		return (header != null) ? header.valueOffset() + header.valueLength() : -1;
	}

	/**
	 * Reads tag and length at {@code position}.
	 * @return null when the header runs past {@code end}
	 */
	static Header header(byte[] data, int position, int end) {
		int p = position;
		if (p >= end) {
			return null;
		}
		int tag = data[p++] & 0xFF;
		if ((tag & 0x1F) == 0x1F) {
			// Multi-byte tag: subsequent bytes follow while bit 8 is set.
			int next;
			do {
				if (p >= end) {
					return null;
				}
				if (tag > 0xFFFFFF) {
					throw new IllegalArgumentException("Tag longer than four bytes at offset " + position);
				}
				next = data[p++] & 0xFF;
				tag = (tag << 8) | next;
			}
			while ((next & 0x80) != 0);
		}
		if (p >= end) {
			return null;
		}
		int first = data[p++] & 0xFF;
		int length;
		if (first < 0x80) {
			length = first;
		}
		else if (first == 0x80 || first > 0x83) {
			// 80 is the indefinite form (BER only, never on these cards); 84+ would
			// exceed any EF.
			throw new IllegalArgumentException(
					"Unsupported length byte " + Integer.toHexString(first) + " at offset " + position);
		}
		else {
			int count = first & 0x7F;
			if (p + count > end) {
				return null;
			}
			length = 0;
			for (int i = 0; i < count; i++) {
				length = (length << 8) | (data[p++] & 0xFF);
			}
		}
		return new Header(tag, p, length);
	}

	/**
	 * Encodes with the shortest length form (used by the emulator to build card files).
	 */
	public byte[] encode() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int tagBytes = (this.tag > 0xFFFFFF) ? 4 : (this.tag > 0xFFFF) ? 3 : (this.tag > 0xFF) ? 2 : 1;
		for (int i = tagBytes - 1; i >= 0; i--) {
			out.write(this.tag >> (8 * i));
		}
		int length = this.value.length;
		if (length < 0x80) {
			out.write(length);
		}
		else if (length <= 0xFF) {
			out.write(0x81);
			out.write(length);
		}
		else if (length <= 0xFFFF) {
			out.write(0x82);
			out.write(length >> 8);
			out.write(length);
		}
		else {
			out.write(0x83);
			out.write(length >> 16);
			out.write(length >> 8);
			out.write(length);
		}
		out.writeBytes(this.value);
		return out.toByteArray();
	}

	public static byte[] encodeAll(List<Tlv> objects) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		objects.forEach((object) -> out.writeBytes(object.encode()));
		return out.toByteArray();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Tlv that && this.tag == that.tag && Arrays.equals(this.value, that.value);
	}

	@Override
	public int hashCode() {
		return 31 * this.tag + Arrays.hashCode(this.value);
	}

	/** Tag and length only: values are personal data. */
	@Override
	public String toString() {
		return "Tlv[" + Integer.toHexString(this.tag).toUpperCase() + ", " + this.value.length + " bytes]";
	}

	record Header(int tag, int valueOffset, int valueLength) {
	}

}
