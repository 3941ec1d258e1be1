package jp.madoguchi.card;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The command APDUs both cards take and the status-word handling they share.
 */
final class Commands {

	static final int CHUNK = 256;

	/** Both cards lock a PIN after three wrong tries in a row. */
	static final int MAX_TRIES = 3;

	private Commands() {
	}

	/** SELECT FILE by DF name (AID), no response data (P2 0C). */
	static CommandApdu selectDf(byte[] aid) {
		return CommandApdu.of(0x00, 0xA4, 0x04, 0x0C, aid);
	}

	/**
	 * SELECT FILE: EF under the current DF by its two-byte identifier, no response data.
	 */
	static CommandApdu selectEf(int fid) {
		return CommandApdu.of(0x00, 0xA4, 0x02, 0x0C, new byte[] { (byte) (fid >> 8), (byte) fid });
	}

	/** SELECT FILE: the MF (the licence's form, P1 P2 00 00 without data). */
	static CommandApdu selectMf() {
		return CommandApdu.of(0x00, 0xA4, 0x00, 0x00);
	}

	static CommandApdu verify(int reference, String pin) {
		return CommandApdu.of(0x00, 0x20, 0x00, reference, pin.getBytes(StandardCharsets.US_ASCII));
	}

	/** VERIFY without data: asks for the tries left (63 Cx) without spending one. */
	static CommandApdu triesLeft(int reference) {
		return CommandApdu.of(0x00, 0x20, 0x00, reference);
	}

	static CommandApdu readBinary(int offset, int ne) {
		return new CommandApdu(0x00, 0xB0, offset >> 8, offset & 0xFF, new byte[0], ne);
	}

	/**
	 * Selects an application or DF.
	 * @throws CardReadException UNSUPPORTED_CARD when the card does not have it
	 */
	static void selectApplication(CardTransport card, byte[] aid, String what) {
		ResponseApdu response = card.transmit(selectDf(aid));
		if (response.sw() == StatusWord.FILE_NOT_FOUND) {
			throw new CardReadException(CardError.UNSUPPORTED_CARD, what + " not found on the card");
		}
		expectOk(response, "SELECT " + what);
	}

	static void selectEf(CardTransport card, int fid) {
		expectOk(card.transmit(selectEf(fid)), String.format("SELECT EF %04X", fid));
	}

	/**
	 * Sends VERIFY once. A wrong PIN is never retried here: every try counts against the
	 * three the card allows.
	 */
	static void verify(CardTransport card, int reference, String pin) {
		Pins.requireFourDigits(pin);
		ResponseApdu response = card.transmit(verify(reference, pin));
		if (response.ok()) {
			return;
		}
		throw pinFailure(response.sw(), "VERIFY");
	}

	/** Tries left before the PIN locks; 0 when it is locked. */
	static int triesLeft(CardTransport card, int reference) {
		int sw = card.transmit(triesLeft(reference)).sw();
		if (StatusWord.isCounter(sw)) {
			return sw & 0x0F;
		}
		if (sw == StatusWord.AUTHENTICATION_BLOCKED) {
			return 0;
		}
		if (sw == StatusWord.OK) {
			// Verified in this session: a right PIN resets the counter to its maximum.
			return MAX_TRIES;
		}
		throw CardReadException.unexpected("VERIFY (tries left)", sw);
	}

	private static CardReadException pinFailure(int sw, String command) {
		if (sw == StatusWord.AUTHENTICATION_BLOCKED || sw == StatusWord.COUNTER_MASK) {
			// 63 C0 on the try that used the last attempt, 69 83 on every later one.
			return new CardReadException(CardError.PIN_LOCKED, command + " answered " + StatusWord.describe(sw));
		}
		if (StatusWord.isCounter(sw)) {
			return CardReadException.pinIncorrect(sw & 0x0F);
		}
		if (sw == StatusWord.REFERENCED_DATA_NOT_FOUND || sw == StatusWord.FILE_NOT_FOUND) {
			// The card has no such PIN: another kind of card.
			return new CardReadException(CardError.UNSUPPORTED_CARD, command + " answered " + StatusWord.describe(sw));
		}
		return CardReadException.unexpected(command, sw);
	}

	/**
	 * Reads the current EF from offset 0 with as few READ BINARY commands as the card
	 * allows: 256 bytes at a time, and once {@code sizeFromPrefix} knows the file's
	 * length (a BER-TLV header), exactly what is left.
	 * @param sizeFromPrefix the encoded size given the first bytes, or -1 when unknown
	 */
	static byte[] readEf(CardTransport card, SizeFromPrefix sizeFromPrefix) {
		byte[] content = new byte[0];
		int wanted = -1;
		while (wanted < 0 || content.length < wanted) {
			int ne = (wanted < 0) ? CHUNK : Math.min(CHUNK, wanted - content.length);
			ResponseApdu response = card.transmit(readBinary(content.length, ne));
			boolean last = false;
			if (StatusWord.isWrongLe(response.sw())) {
				// Some cards refuse a Le past the end and tell the exact length left
				// instead.
				ne = response.sw2() == 0 ? CHUNK : response.sw2();
				response = card.transmit(readBinary(content.length, ne));
				last = true;
			}
			if (response.sw() == StatusWord.WRONG_OFFSET && content.length > 0) {
				break; // the previous chunk ended exactly at the end of the file
			}
			if (!response.ok() && response.sw() != StatusWord.END_OF_FILE) {
				throw CardReadException.unexpected("READ BINARY at " + content.length, response.sw());
			}
			byte[] chunk = response.data();
			content = concat(content, chunk);
			if (wanted < 0) {
				wanted = sizeFromPrefix.size(content);
			}
			if (last || chunk.length < ne || response.sw() == StatusWord.END_OF_FILE || chunk.length == 0) {
				break;
			}
		}
		return (wanted >= 0 && content.length > wanted) ? Arrays.copyOf(content, wanted) : content;
	}

	static void expectOk(ResponseApdu response, String command) {
		if (response.sw() == StatusWord.FILE_NOT_FOUND) {
			throw new CardReadException(CardError.UNSUPPORTED_CARD,
					command + " answered " + StatusWord.describe(response.sw()));
		}
		if (!response.ok()) {
			throw CardReadException.unexpected(command, response.sw());
		}
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	@FunctionalInterface
	interface SizeFromPrefix {

		int size(byte[] prefix);

	}

}
