package jp.madoguchi.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Search keys for names: two spellings a person would call "the same name" get the same
 * key. Keys are for finding; stored names are never folded (see {@link ExactText}).
 * <p>
 * {@link #fold(String)} works character by character:
 * <ul>
 * <li>drops variation selectors, spaces (U+3000 included), control and invisible format
 * characters, the long vowel mark ー and dashes (-, ‐, －, ｰ, −, — ...), and the separators
 * of foreign names written in katakana (・, ･, ゠, ＝);</li>
 * <li>full-width ASCII becomes ASCII, half-width katakana becomes full-width (ｶﾞ becomes
 * が), Latin letters lose case and diacritics (José → jose);</li>
 * <li>katakana becomes hiragana, small kana become normal ones (ぁ→あ, っ→つ, ゃ→や, ゎ→わ, ヵ→か,
 * ヶ→け, and the small katakana of Ainu place names ㇱ→し), and the kana that only spelling
 * tells apart fold too: ぢ→じ, づ→ず, ゐ→い, ゑ→え;</li>
 * <li>iteration marks are written out: 佐々木 → 佐佐木, いすゞ → いすず;</li>
 * <li>CJK compatibility ideographs (U+F900..U+FAFF, U+2F800..U+2FA1F) become the unified
 * ideograph they are canonically equivalent to (神 U+FA19 → 神 U+795E), and Kangxi
 * radicals, which PDFs and copy-paste produce in place of ideographs, become the
 * ideograph they look like (⼭ → 山);</li>
 * <li>old and variant kanji become their common form through the table
 * {@code text/variant-kanji.tsv} (髙→高, 﨑→崎, 邊→辺, 齋→斎, 濵→浜, 德→徳 ...).</li>
 * </ul>
 * Why not NFKC on the whole string: NFKC is a compatibility mapping chosen for other
 * purposes. It leaves kana, small kana, long vowels and variant kanji alone, so it does
 * not give the matches a name search needs, and it rewrites things a name key should keep
 * or treat on purpose: squared and enclosed forms (㈱ → (株), ① → 1, ㍻ → 平成), and the
 * half-width voiced sound mark as a spacing character. Worse, applied to stored text it
 * replaces a compatibility ideograph, which exists precisely to keep a distinct glyph in
 * a name, by its unified form. For a <em>key</em> that last replacement is right —
 * someone searching for 神 must find a name stored with 神 — so the key applies exactly
 * that canonical singleton mapping, per character, and applies NFKC only to the character
 * blocks named above (full width, half-width katakana, Kangxi radicals), where its result
 * is what a searcher means.
 * <p>
 * The key is idempotent: {@code fold(fold(s)).equals(fold(s))}.
 */
public final class SearchKeys {

	private static final String VARIANT_TABLE = "/text/variant-kanji.tsv";

	private static final Map<Integer, Integer> VARIANTS = loadVariants();

	private static final char COMBINING_VOICED = '\u3099';

	private static final char COMBINING_SEMI_VOICED = '\u309A';

	private SearchKeys() {
	}

	/** The search key for {@code text}. */
	public static String fold(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			append(out, cp);
		}
		return out.toString();
	}

	/** The variant-kanji table: old or variant form → common form. */
	static Map<Integer, Integer> variants() {
		return VARIANTS;
	}

	private static void append(StringBuilder out, int original) {
		int cp = original;
		// Widths first, so that a full-width dash or space is dropped like its ASCII
		// form.
		if (cp >= 0xFF01 && cp <= 0xFF5E) {
			cp -= 0xFEE0;
		}
		else if (cp >= 0xFF61 && cp <= 0xFF9F) {
			cp = single(Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC), cp);
		}
		if (isDropped(cp)) {
			return;
		}
		switch (cp) {
			case 0x309B, 0x3099 -> appendVoicing(out, COMBINING_VOICED);
			case 0x309C, 0x309A -> appendVoicing(out, COMBINING_SEMI_VOICED);
			case 0x3005, 0x303B -> appendIteration(out, cp, isIdeograph(previous(out)));
			case 0x309D, 0x30FD -> appendKanaIteration(out, 0x309D, false);
			case 0x309E, 0x30FE -> appendKanaIteration(out, 0x309E, true);
			case 0x30F7 -> out.append('わ').append(COMBINING_VOICED);
			case 0x30F8 -> out.append('い').append(COMBINING_VOICED);
			case 0x30F9 -> out.append('え').append(COMBINING_VOICED);
			case 0x30FA -> out.append('を').append(COMBINING_VOICED);
			default -> out.appendCodePoint(foldCodePoint(cp));
		}
	}

	private static boolean isDropped(int cp) {
		if (ExactText.isVariationSelector(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
			return true;
		}
		int type = Character.getType(cp);
		if (type == Character.CONTROL || type == Character.FORMAT) {
			return true;
		}
		// Combining diacritics of Latin letters: José typed with a combining accent.
		if (cp >= 0x0300 && cp <= 0x036F) {
			return true;
		}
		return switch (cp) {
			// the long vowel mark and every dash people type in its place
			case 0x30FC, '-', 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2E3A, 0x2E3B, 0xFE58, 0xFE63 ->
				true;
			// separators inside foreign names written in katakana
			case 0x30FB, 0x00B7, 0x30A0, '=' -> true;
			default -> false;
		};
	}

	/** One code point: kana, compatibility ideographs, radicals, Latin, variant kanji. */
	private static int foldCodePoint(int cp) {
		if (cp >= 0x3041 && cp <= 0x30FA) {
			return foldKana(cp);
		}
		if (cp >= 0x31F0 && cp <= 0x31FF) {
			return AINU_SMALL_KATAKANA.charAt(cp - 0x31F0);
		}
		int c = cp;
		if ((c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F)) {
			c = single(Normalizer.normalize(Character.toString(c), Normalizer.Form.NFD), c);
		}
		else if ((c >= 0x2E80 && c <= 0x2EFF) || (c >= 0x2F00 && c <= 0x2FDF)) {
			c = single(Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKC), c);
		}
		else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
			return foldLatin(c);
		}
		return VARIANTS.getOrDefault(c, c);
	}

	/** Hiragana and katakana to plain hiragana: no small kana, no ぢ/づ/ゐ/ゑ. */
	private static int foldKana(int cp) {
		int c = (cp >= 0x30A1 && cp <= 0x30F6) ? cp - 0x60 : cp;
		return switch (c) {
			case 'ぁ' -> 'あ';
			case 'ぃ', 'ゐ' -> 'い';
			case 'ぅ' -> 'う';
			case 'ぇ', 'ゑ' -> 'え';
			case 'ぉ' -> 'お';
			case 'っ' -> 'つ';
			case 'ゃ' -> 'や';
			case 'ゅ' -> 'ゆ';
			case 'ょ' -> 'よ';
			case 'ゎ' -> 'わ';
			case 'ゕ' -> 'か';
			case 'ゖ' -> 'け';
			case 'ぢ' -> 'じ';
			case 'づ' -> 'ず';
			default -> c;
		};
	}

	/** U+31F0..U+31FF, small katakana for Ainu, as normal hiragana. */
	private static final String AINU_SMALL_KATAKANA = "くしすとぬはひふへほむらりるれろ";

	private static int foldLatin(int cp) {
		int c = Character.toLowerCase(Character.toUpperCase(cp));
		String decomposed = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFD);
		int base = decomposed.codePointAt(0);
		if (decomposed.codePoints().skip(1).allMatch((m) -> m >= 0x0300 && m <= 0x036F)) {
			return Character.toLowerCase(base);
		}
		return c;
	}

	/** A voiced sound mark: joined to the kana before it when the two make one (か゛→が). */
	private static void appendVoicing(StringBuilder out, char mark) {
		int previous = previous(out);
		if (previous >= 0x3041 && previous <= 0x3096) {
			String composed = Normalizer.normalize(Character.toString(previous) + mark, Normalizer.Form.NFC);
			if (composed.length() == 1) {
				out.setLength(out.length() - 1);
				out.append((char) foldKana(composed.charAt(0)));
				return;
			}
		}
		out.append(mark);
	}

	/** 々: the ideograph before it again (佐々木 → 佐佐木); alone, it stays. */
	private static void appendIteration(StringBuilder out, int mark, boolean afterIdeograph) {
		if (afterIdeograph) {
			out.appendCodePoint(previous(out));
		}
		else {
			out.appendCodePoint(mark);
		}
	}

	/** ゝ and ゞ: the kana before it again, without or with the voiced mark (いすゞ → いすず). */
	private static void appendKanaIteration(StringBuilder out, int mark, boolean voiced) {
		int previous = previous(out);
		if (previous < 0x3041 || previous > 0x3096) {
			out.appendCodePoint(mark);
			return;
		}
		char plain = Normalizer.normalize(Character.toString(previous), Normalizer.Form.NFD).charAt(0);
		out.append(plain);
		if (voiced) {
			appendVoicing(out, COMBINING_VOICED);
		}
	}

	private static boolean isIdeograph(int cp) {
		return cp >= 0 && ExactText.isIdeograph(cp);
	}

	private static int previous(StringBuilder out) {
		return (out.length() == 0) ? -1 : out.codePointBefore(out.length());
	}

	private static int single(String text, int fallback) {
		return (text.codePointCount(0, text.length()) == 1) ? text.codePointAt(0) : fallback;
	}

	private static Map<Integer, Integer> loadVariants() {
		try (InputStream in = SearchKeys.class.getResourceAsStream(VARIANT_TABLE)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + VARIANT_TABLE);
			}
			Map<Integer, Integer> variants = new HashMap<>();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				VariantLine.parse(line).ifPresent((pair) -> variants.put(pair.source(), pair.target()));
			}
			return Collections.unmodifiableMap(variants);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
