package jp.madoguchi.text.font;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.text.FontCoverage;
import jp.madoguchi.text.UnprintableCharacter;
import jp.madoguchi.text.Variation;

/** Font coverage from a loaded {@link FontCharacterMap}. */
public final class FontFileCoverage implements FontCoverage {

	static final String MISSING_CHARACTER = "印字フォントにない文字です";

	static final String MISSING_SEQUENCE = "印字フォントにない異体字です（この文字と異体字セレクタの組み合わせが登録されていません）";

	static final String STRAY_SELECTOR = "異体字セレクタの前に、それが選ぶ文字がありません";

	private final Path path;

	private final FontCharacterMap map;

	public FontFileCoverage(Path path, FontCharacterMap map) {
		this.path = path;
		this.map = map;
	}

	@Override
	public List<UnprintableCharacter> unprintable(String text) {
		List<UnprintableCharacter> unprintable = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			int base = text.codePointAt(i);
			int next = i + Character.charCount(base);
			if (isSelector(base)) {
				unprintable.add(new UnprintableCharacter(i, text.substring(i, next), STRAY_SELECTOR));
				i = next;
				continue;
			}
			int selector = (next < text.length()) ? text.codePointAt(next) : -1;
			if (isSelector(selector)) {
				int end = next + Character.charCount(selector);
				if (!map.covers(base)) {
					unprintable.add(new UnprintableCharacter(i, text.substring(i, end), MISSING_CHARACTER));
				}
				else if (!map.covers(base, selector)) {
					unprintable.add(new UnprintableCharacter(i, text.substring(i, end), MISSING_SEQUENCE));
				}
				i = end;
				continue;
			}
			if (!map.covers(base) && !isBlank(base)) {
				unprintable.add(new UnprintableCharacter(i, text.substring(i, next), MISSING_CHARACTER));
			}
			i = next;
		}
		return List.copyOf(unprintable);
	}

	@Override
	public int variantGlyph(int base, int selector) {
		return map.variantGlyph(base, selector);
	}

	@Override
	public List<Variation> variations(int base) {
		return map.covers(base) ? map.variations(base) : List.of();
	}

	@Override
	public boolean covers(int codePoint) {
		return map.covers(codePoint);
	}

	/** The font file this coverage was read from. */
	public Path path() {
		return path;
	}

	/** The character map, for figures in logs and tests. */
	public FontCharacterMap map() {
		return map;
	}

	private static boolean isSelector(int codePoint) {
		return FontCharacterMap.selectorIndex(codePoint) >= 0;
	}

	/** Spaces print as an advance, with or without a glyph. */
	private static boolean isBlank(int codePoint) {
		return Character.getType(codePoint) == Character.SPACE_SEPARATOR;
	}

}
