package jp.madoguchi.forms.render;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * A page's content stream written operator by operator. PDFBox's content stream shows
 * text through the font's Unicode cmap and so cannot reach a glyph that only a variation
 * sequence names; here the caller picks each glyph and the code is its id (Identity-H).
 * Setting the font by resource name also keeps PDFBox from subsetting it at save time:
 * the renderer subsets it itself and then writes a ToUnicode map that covers those glyphs
 * too. Only the few operators forms need.
 */
final class FormContentStream implements Closeable {

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private final PDDocument document;

	private final PDPage page;

	private final StringBuilder out = new StringBuilder(8192);

	FormContentStream(PDDocument document, PDPage page) {
		this.document = document;
		this.page = page;
	}

	void setLineWidth(float width) {
		operands(width).append("w\n");
	}

	void setLineCapStyle(int style) {
		out.append(style).append(" J\n");
	}

	void setLineJoinStyle(int style) {
		out.append(style).append(" j\n");
	}

	void moveTo(float x, float y) {
		operands(x, y).append("m\n");
	}

	void lineTo(float x, float y) {
		operands(x, y).append("l\n");
	}

	void addRect(float x, float y, float width, float height) {
		operands(x, y, width, height).append("re\n");
	}

	void stroke() {
		out.append("S\n");
	}

	/** Saves the graphics state ({@code q}); {@link #restore} brings it back. */
	void save() {
		out.append("q\n");
	}

	void restore() {
		out.append("Q\n");
	}

	/** Fill and stroke colour, DeviceRGB (the document's output intent is sRGB). */
	void color(float red, float green, float blue) {
		operands(red, green, blue).append("rg\n");
		operands(red, green, blue).append("RG\n");
	}

	/** Sets the text matrix (inside a text object): rotation and position. */
	void textMatrix(float a, float b, float c, float d, float e, float f) {
		operands(a, b, c, d, e, f).append("Tm\n");
	}

	void beginText() {
		out.append("BT\n");
	}

	void endText() {
		out.append("ET\n");
	}

	void font(COSName resource, float size) {
		out.append('/').append(resource.getName()).append(' ');
		operands(size).append("Tf\n");
	}

	void newLineAtOffset(float x, float y) {
		operands(x, y).append("Td\n");
	}

	/** Shows two-byte glyph codes. */
	void glyphs(byte[] codes) {
		out.append('<').append(HEX.formatHex(codes)).append("> Tj\n");
	}

	private StringBuilder operands(float... values) {
		for (float value : values) {
			out.append(BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString())
				.append(' ');
		}
		return out;
	}

	@Override
	public void close() throws IOException {
		byte[] bytes = out.toString().getBytes(StandardCharsets.US_ASCII);
		page.setContents(new PDStream(document, new ByteArrayInputStream(bytes), COSName.FLATE_DECODE));
	}

}
