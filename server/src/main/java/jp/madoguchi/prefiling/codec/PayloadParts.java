package jp.madoguchi.prefiling.codec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a payload too long for one QR code over up to {@value #MAX_PARTS} codes, and
 * joins what a reader typed back (docs/prefiling.md, "Several codes"). QR's own
 * structured append is not used: ZXing cannot write it and most keyboard-wedge readers
 * type each code separately anyway, so each part carries its own header in the same
 * {@code 0-9A-Z} alphabet:
 *
 * <pre>
 * P  i  n  MMMM  LLL  chunk
 * </pre>
 *
 * {@code P} (a whole payload always starts with a digit {@code 0}-{@code 3}), part number
 * {@code i} and count {@code n} (one digit each, 2 to 4 codes), {@code MMMM} the message
 * id (base 36 of the payload's SHA-256, so parts of two different codes are told apart),
 * {@code LLL} the chunk's length in base 36, then the chunk of the payload. The lengths
 * make the parts self-delimiting: they may be typed in any order, with or without line
 * breaks between them.
 */
public final class PayloadParts {

	/** At most this many codes for one notification. */
	public static final int MAX_PARTS = 4;

	static final int HEADER_CHARS = 10;

	private static final int ID_CHARS = 4;

	private static final int LENGTH_CHARS = 3;

	private PayloadParts() {
	}

	/**
	 * The texts of the QR codes for a payload: the payload itself when it fits one code.
	 * @param maxChars the most characters one code may carry
	 * @throws IllegalArgumentException when even {@value #MAX_PARTS} codes are too few
	 */
	public static List<String> split(String payload, int maxChars) {
		if (payload.length() <= maxChars) {
			return List.of(payload);
		}
		int perPart = maxChars - HEADER_CHARS;
		int count = (payload.length() + perPart - 1) / perPart;
		if (count > MAX_PARTS) {
			throw new IllegalArgumentException(
					"A payload of " + payload.length() + " characters needs " + count + " codes");
		}
		// Even chunks: the codes come out the same size, which looks deliberate on
		// screen.
		int chunk = (payload.length() + count - 1) / count;
		String id = messageId(payload);
		List<String> parts = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String piece = payload.substring(i * chunk, Math.min(payload.length(), (i + 1) * chunk));
			parts.add("P" + (i + 1) + count + id + base36(piece.length(), LENGTH_CHARS) + piece);
		}
		return List.copyOf(parts);
	}

	/** The number of codes {@link #split} makes of a payload of this length. */
	public static int count(int payloadLength, int maxChars) {
		if (payloadLength <= maxChars) {
			return 1;
		}
		int perPart = maxChars - HEADER_CHARS;
		return (payloadLength + perPart - 1) / perPart;
	}

	/**
	 * The payload from what a reader typed: one whole payload, or every part of a split
	 * one in any order. Whitespace and lower case are accepted here as in
	 * {@link PayloadCodec#decode}.
	 * @throws MissingPartsException when parts are missing (their numbers are named)
	 * @throws InvalidPayloadException when parts are broken, repeated or of different
	 * codes
	 */
	public static String join(String typed) throws InvalidPayloadException {
		StringBuilder clean = new StringBuilder(typed.length());
		typed.codePoints()
			.filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
			.forEach(clean::appendCodePoint);
		String text = clean.toString().toUpperCase(Locale.ROOT);
		if (!text.startsWith("P")) {
			// One whole payload: the codec checks it.
			return text;
		}
		if (!text.matches("[0-9A-Z]+")) {
			throw new InvalidPayloadException("Character outside 0-9A-Z");
		}
		String id = null;
		int total = 0;
		String[] chunks = null;
		int at = 0;
		while (at < text.length()) {
			if (text.length() - at < HEADER_CHARS || text.charAt(at) != 'P') {
				throw new InvalidPayloadException("Not a part header at " + at);
			}
			int number = digit(text.charAt(at + 1));
			int count = digit(text.charAt(at + 2));
			String partId = text.substring(at + 3, at + 3 + ID_CHARS);
			int length = parseBase36(text.substring(at + 3 + ID_CHARS, at + HEADER_CHARS));
			if (count < 2 || count > MAX_PARTS || number < 1 || number > count) {
				throw new InvalidPayloadException("Part " + number + " of " + count + " is impossible");
			}
			if (id == null) {
				id = partId;
				total = count;
				chunks = new String[count];
			}
			else if (!id.equals(partId) || total != count) {
				throw new InvalidPayloadException("Parts of different codes");
			}
			int start = at + HEADER_CHARS;
			if (length < 1 || start + length > text.length()) {
				throw new InvalidPayloadException("Part " + number + " is truncated");
			}
			if (chunks[number - 1] != null) {
				throw new InvalidPayloadException("Part " + number + " scanned twice");
			}
			chunks[number - 1] = text.substring(start, start + length);
			at = start + length;
		}
		List<Integer> missing = new ArrayList<>();
		StringBuilder payload = new StringBuilder();
		for (int i = 0; i < total; i++) {
			if (chunks[i] == null) {
				missing.add(i + 1);
			}
			else {
				payload.append(chunks[i]);
			}
		}
		if (!missing.isEmpty()) {
			throw new MissingPartsException(total, missing);
		}
		if (!messageId(payload.toString()).equals(id)) {
			throw new InvalidPayloadException("The parts do not make up their code");
		}
		return payload.toString();
	}

	private static int digit(char c) {
		return (c >= '0' && c <= '9') ? c - '0' : -1;
	}

	private static int parseBase36(String digits) throws InvalidPayloadException {
		try {
			return Integer.parseInt(digits, 36);
		}
		catch (NumberFormatException ex) {
			throw new InvalidPayloadException("Not a part length", ex);
		}
	}

	static String messageId(String payload) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.US_ASCII));
			int value = ((hash[0] & 0xFF) << 16 | (hash[1] & 0xFF) << 8 | (hash[2] & 0xFF)) % (36 * 36 * 36 * 36);
			return base36(value, ID_CHARS);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String base36(int value, int width) {
		String digits = Integer.toString(value, 36).toUpperCase(Locale.ROOT);
		return "0".repeat(width - digits.length()) + digits;
	}

}
