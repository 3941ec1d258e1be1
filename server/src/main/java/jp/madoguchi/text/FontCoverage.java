package jp.madoguchi.text;

import java.util.List;

/**
 * Whether the print font can show a text faithfully. A character the font lacks, or a
 * variation sequence (base + selector) the font does not list, is reported, never
 * replaced: printing 辻 with one dot for a resident whose name has two is a wrong name on
 * an official form. The counter's implementation reads IPAmj明朝
 * ({@code madoguchi.fonts.mincho}).
 */
public interface FontCoverage {

	/**
	 * Every character of {@code text} the font cannot print, in order; empty when all can
	 * be printed. White space always counts as printable.
	 */
	List<UnprintableCharacter> unprintable(String text);

	/** Whether every character of {@code text} can be printed. */
	default boolean isPrintable(String text) {
		return unprintable(text).isEmpty();
	}

	/**
	 * The glyph the font's variation-sequence table ({@code cmap} format 14) gives
	 * {@code base} + {@code selector}, for renderers whose font library ignores that
	 * table: a glyph id for a non-default sequence, {@code 0} when the sequence names the
	 * base character's own glyph, {@code -1} when the font does not list it or was not
	 * loaded.
	 */
	default int variantGlyph(int base, int selector) {
		return -1;
	}

	/**
	 * The variation sequences the font's {@code cmap} format 14 lists for {@code base},
	 * default and non-default, in selector order; empty when it lists none, when the font
	 * lacks {@code base} or was not loaded. Staff pick from these: any other sequence of
	 * {@code base} would not print.
	 */
	default List<Variation> variations(int base) {
		return List.of();
	}

	/** Whether the font gives {@code codePoint} a glyph of its own. */
	default boolean covers(int codePoint) {
		return false;
	}

	/**
	 * Whether the font was loaded. When not, {@link #unprintable(String)} reports every
	 * non-blank text as unchecked rather than pretending it prints.
	 */
	default boolean available() {
		return true;
	}

}
