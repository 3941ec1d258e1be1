package jp.madoguchi.card;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the licence's text: raw two-byte JIS X 0208 codes (row and cell plus 0x20 each,
 * no escape sequences). The JDK's "x-JIS0208" charset maps exactly these code pairs. The
 * licence marks characters outside JIS X 0208 with FF F1..FF F7 (外字, their glyphs are in
 * DF1/EF03) and a character that could not be recorded with FF FA (欠字): they are shown as
 * 〓 and listed, so staff type them from the card face rather than print garbage.
 */
public final class JisX0208 {

	/**
	 * U+3013 GETA MARK, the customary placeholder for a character that cannot be shown.
	 */
	public static final char PLACEHOLDER = '〓';

	private static final Charset CHARSET = Charset.forName("x-JIS0208");

	private JisX0208() {
	}

	public static Decoded decode(byte[] bytes) {
		if (bytes.length % 2 != 0) {
			throw new IllegalArgumentException("JIS X 0208 text has an even number of bytes, got " + bytes.length);
		}
		StringBuilder text = new StringBuilder(bytes.length / 2);
		List<Special> specials = new ArrayList<>();
		for (int i = 0; i < bytes.length; i += 2) {
			int code = ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
			if (code >= 0xFFF1 && code <= 0xFFF7) {
				specials.add(new Special(text.length(), code, Special.Kind.EXTERNAL));
				text.append(PLACEHOLDER);
				continue;
			}
			if (code == 0xFFFA) {
				specials.add(new Special(text.length(), code, Special.Kind.MISSING));
				text.append(PLACEHOLDER);
				continue;
			}
			String decoded = isJisCode(code) ? new String(bytes, i, 2, CHARSET) : "\uFFFD";
			if (decoded.length() != 1 || decoded.charAt(0) == '\uFFFD') {
				specials.add(new Special(text.length(), code, Special.Kind.UNDEFINED));
				text.append(PLACEHOLDER);
				continue;
			}
			text.append(decoded);
		}
		// The licence pads fixed-width fields with the ideographic space; it carries no
		// meaning.
		int end = text.length();
		while (end > 0 && text.charAt(end - 1) == '\u3000') {
			end--;
		}
		text.setLength(end);
		return new Decoded(text.toString(), List.copyOf(specials));
	}

	/** Encodes text into JIS X 0208 (for the emulator's card files). */
	public static byte[] encode(String text) {
		byte[] bytes = text.getBytes(CHARSET);
		if (bytes.length != text.length() * 2 || !decode(bytes).text().equals(text.stripTrailing())) {
			throw new IllegalArgumentException("Not all of the text is in JIS X 0208");
		}
		return bytes;
	}

	private static boolean isJisCode(int code) {
		int row = code >> 8;
		int cell = code & 0xFF;
		return row >= 0x21 && row <= 0x7E && cell >= 0x21 && cell <= 0x7E;
	}

	/**
	 * Decoded text and the places where it holds a placeholder.
	 *
	 * @param text the text, with {@link #PLACEHOLDER} where a character could not be
	 * decoded
	 * @param specials the placeholders, in order
	 */
	public record Decoded(String text, List<Special> specials) {
	}

	/**
	 * A character the text cannot show.
	 *
	 * @param position index of the placeholder in the decoded text
	 * @param code the two bytes found on the card
	 * @param kind what the code means
	 */
	public record Special(int position, int code, Kind kind) {

		public enum Kind {

			/** FF F1..FF F7: an external character (外字), image on the card. */
			EXTERNAL,

			/** FF FA: a character the issuer could not record (欠字). */
			MISSING,

			/** A code outside JIS X 0208. */
			UNDEFINED

		}

		public String hex() {
			return String.format("%04X", this.code);
		}

	}

}
