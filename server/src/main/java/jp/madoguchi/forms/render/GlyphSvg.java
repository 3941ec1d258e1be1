package jp.madoguchi.forms.render;

import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.math.BigDecimal;

import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * A glyph of the print font drawn as a small SVG document, so that a browser shows the
 * exact glyph of a variation sequence without an IVS-capable font of its own (browsers on
 * the counter network download no fonts, and system fonts rarely carry IPAmj明朝's
 * variants). The drawing is the outline the form prints, one em high, baseline where
 * {@link Pen} puts it.
 */
public final class GlyphSvg {

	private GlyphSvg() {
	}

	/**
	 * The SVG of the glyph {@code character} (a code point, or base + variation selector)
	 * prints with.
	 * @throws UnprintableCharacterException when the font has no glyph for it
	 */
	public static String of(PrintFont font, String character) throws IOException {
		return font.use((loaded) -> {
			PrintFont.Shaped shaped = font.shape(character, "glyph");
			int glyph = shaped.glyphs()[0];
			return draw(loaded, glyph);
		});
	}

	private static String draw(TrueTypeFont font, int glyph) throws IOException {
		int em = font.getUnitsPerEm();
		int advance = (glyph < 0) ? em : font.getAdvanceWidth(glyph);
		GlyphData data = (glyph < 0) ? null : font.getGlyph().getGlyph(glyph);
		String path = (data != null) ? pathData(data.getPath()) : "";
		int ascent = Math.round(em * Pen.ASCENT);
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + advance + " " + em + "\" width=\"" + advance
				+ "\" height=\"" + em + "\"><path fill=\"#000\" transform=\"matrix(1 0 0 -1 0 " + ascent + ")\" d=\""
				+ path + "\"/></svg>";
	}

	static String pathData(GeneralPath path) {
		StringBuilder d = new StringBuilder();
		double[] c = new double[6];
		for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
			switch (it.currentSegment(c)) {
				case PathIterator.SEG_MOVETO -> append(d.append('M'), c, 2);
				case PathIterator.SEG_LINETO -> append(d.append('L'), c, 2);
				case PathIterator.SEG_QUADTO -> append(d.append('Q'), c, 4);
				case PathIterator.SEG_CUBICTO -> append(d.append('C'), c, 6);
				default -> d.append('Z');
			}
		}
		return d.toString();
	}

	private static void append(StringBuilder d, double[] coordinates, int count) {
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				d.append(' ');
			}
			// TrueType points are integers; an implied on-curve point is a half
			double rounded = Math.round(coordinates[i] * 10) / 10.0;
			d.append(BigDecimal.valueOf(rounded).stripTrailingZeros().toPlainString());
		}
	}

}
