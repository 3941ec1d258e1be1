package jp.madoguchi.forms.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import jp.madoguchi.forms.render.PrintFont.Shaped;
import jp.madoguchi.forms.template.Element;
import jp.madoguchi.forms.template.Element.Box;
import jp.madoguchi.forms.template.Element.Field;
import jp.madoguchi.forms.template.Element.Line;
import jp.madoguchi.forms.template.Element.Signature;
import jp.madoguchi.forms.template.Element.Text;
import jp.madoguchi.forms.template.FormTemplate;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/** Draws elements onto one page. */
final class Pen {

	private static final float MM = 72f / 25.4f;

	private static final float PAGE_HEIGHT = (float) FormTemplate.PAGE_HEIGHT * MM;

	/** Line pitch as a multiple of the type size. */
	private static final float LEADING = 1.2f;

	/** IPAmj明朝's ascent as a fraction of the em: where the baseline sits. */
	static final float ASCENT = 0.88f;

	/** Inner margin of a field or text box, so text never touches the rule. */
	private static final float PAD = 0.8f * MM;

	private static final float STEP = 0.25f;

	private final PrintFont font;

	private final FormContentStream content;

	private final COSName fontName;

	private final PDType0Font pdfFont;

	private final SortedMap<Integer, String> toUnicode;

	private final String template;

	Pen(PrintFont font, FormContentStream content, COSName fontName, PDType0Font pdfFont,
			SortedMap<Integer, String> toUnicode, String template) {
		this.font = font;
		this.content = content;
		this.fontName = fontName;
		this.pdfFont = pdfFont;
		this.toUnicode = toUnicode;
		this.template = template;
	}

	void draw(Placed placed, @Nullable SignatureMark signature) throws IOException {
		Element element = placed.element();
		double ox = placed.originX();
		double oy = placed.originY();
		if (element instanceof Line line) {
			content.setLineWidth((float) line.strokeWidth() * MM);
			content.moveTo(x(ox + line.x1()), y(oy + line.y1()));
			content.lineTo(x(ox + line.x2()), y(oy + line.y2()));
			content.stroke();
		}
		else if (element instanceof Box box) {
			content.setLineWidth((float) box.strokeWidth() * MM);
			content.addRect(x(ox + box.x()), y(oy + box.y() + box.h()), (float) box.w() * MM, (float) box.h() * MM);
			content.stroke();
		}
		else if (element instanceof Text text) {
			String align = (text.align() != null) ? text.align() : "left";
			fitAndShow(placed.label(), text.text(), ox + text.x(), oy + text.y(), text.w(), text.h(),
					(float) text.typeSize(), (float) Math.min(Element.DEFAULT_MIN_SIZE, text.typeSize()), align,
					Boolean.TRUE.equals(text.wrap()));
		}
		else if (element instanceof Field field) {
			String value = placed.text();
			if (value != null && !value.isEmpty()) {
				String align = (field.align() != null) ? field.align() : "left";
				fitAndShow(placed.label(), value, ox + field.x(), oy + field.y(), field.w(), field.h(),
						(float) field.typeSize(), (float) field.minimumSize(), align,
						Boolean.TRUE.equals(field.wrap()));
			}
		}
		else if (element instanceof Signature box) {
			signature(box, ox, oy, signature);
		}
	}

	/**
	 * Training mode's marks ({@link FormRenderer}): a large pale {@code mark} across the
	 * page under everything else when {@code under}, else a red framed {@code mark} in
	 * the top right corner and {@code note} along the bottom edge.
	 */
	void stamp(String mark, String note, boolean under) throws IOException {
		content.save();
		if (under) {
			content.color(1f, 0.86f, 0.86f);
			Shaped line = font.shape(mark, mark);
			float size = 180;
			float width = line.width(size);
			double angle = Math.toRadians(55);
			float cos = (float) Math.cos(angle);
			float sin = (float) Math.sin(angle);
			float centreX = x(FormTemplate.PAGE_WIDTH / 2);
			float centreY = PAGE_HEIGHT / 2;
			float half = size * (ASCENT - 0.5f);
			float startX = centreX - cos * width / 2 + sin * half;
			float startY = centreY - sin * width / 2 - cos * half;
			java.io.ByteArrayOutputStream codes = new java.io.ByteArrayOutputStream();
			for (int i = 0; i < line.length(); i++) {
				if (line.glyphs()[i] >= 0) {
					codes.writeBytes(pdfFont.encodeGlyphId(line.glyphs()[i]));
					toUnicode.putIfAbsent(line.glyphs()[i], line.texts()[i]);
				}
			}
			content.beginText();
			content.font(fontName, size);
			content.textMatrix(cos, sin, -sin, cos, startX, startY);
			content.glyphs(codes.toByteArray());
			content.endText();
		}
		else {
			content.color(0.8f, 0f, 0f);
			content.setLineWidth(0.8f * MM);
			content.addRect(x(166), y(16), 32 * MM, 12 * MM);
			content.stroke();
			fitAndShow(mark, mark, 166, 4, 32, 12, 24, 12, "center", false);
			fitAndShow(note, note, 10, 289, FormTemplate.PAGE_WIDTH - 20, 6, 9, 6, "center", false);
		}
		content.restore();
	}

	private void signature(Signature box, double ox, double oy, @Nullable SignatureMark signature) throws IOException {
		if (signature == null) {
			return;
		}
		if (!signature.valid()) {
			fitAndShow(box.name(), "署名の後に内容が変わりました。もう一度署名してください。", ox + box.x(), oy + box.y(), box.w(), box.h(), 9, 5,
					"center", true);
			return;
		}
		float left = x(ox + box.x());
		float top = y(oy + box.y());
		float width = (float) box.w() * MM;
		float height = (float) box.h() * MM;
		content.setLineCapStyle(1);
		content.setLineJoinStyle(1);
		for (List<SignatureMark.Point> stroke : signature.strokes()) {
			for (int i = 1; i < stroke.size(); i++) {
				SignatureMark.Point from = stroke.get(i - 1);
				SignatureMark.Point to = stroke.get(i);
				double pressure = (from.pressure() + to.pressure()) / 2;
				content.setLineWidth((float) (0.3 + 0.9 * pressure) * MM / 2 + 0.3f);
				content.moveTo(left + (float) from.x() * width, top - (float) from.y() * height);
				content.lineTo(left + (float) to.x() * width, top - (float) to.y() * height);
				content.stroke();
			}
		}
	}

	/**
	 * Shrinks the text until it fits the box (down to {@code minSize}), wrapping when
	 * allowed; refuses when even the smallest size does not fit.
	 */
	private void fitAndShow(String field, String text, double xMm, double yMm, double wMm, double hMm, float size,
			float minSize, String align, boolean wrap) throws IOException {
		List<Shaped> paragraphs = new ArrayList<>();
		for (String line : text.split("\n", -1)) {
			paragraphs.add(font.shape(line, field));
		}
		float boxWidth = (float) wMm * MM - 2 * PAD;
		float boxHeight = (float) hMm * MM;
		for (float s = size; s >= minSize - 0.001f; s -= STEP) {
			List<Shaped> lines = wrap ? wrap(paragraphs, boxWidth, s) : paragraphs;
			if (fits(lines, s, boxWidth, boxHeight)) {
				show(lines, s, x(xMm), y(yMm), (float) wMm * MM, boxHeight, align);
				return;
			}
		}
		throw new FormOverflowException(template, field, "「" + shorten(text) + "」は幅" + Math.round(wMm) + "mm・高さ"
				+ Math.round(hMm) + "mmの枠に" + minSize + "ポイントでも入りません。");
	}

	private boolean fits(List<Shaped> lines, float size, float width, float height) {
		float block = size * (1 + LEADING * (lines.size() - 1));
		if (block > height + 0.01f) {
			return false;
		}
		for (Shaped line : lines) {
			if (line.width(size) > width + 0.01f) {
				return false;
			}
		}
		return true;
	}

	private List<Shaped> wrap(List<Shaped> paragraphs, float width, float size) {
		List<Shaped> lines = new ArrayList<>();
		for (Shaped paragraph : paragraphs) {
			int start = 0;
			float used = 0;
			for (int i = 0; i < paragraph.length(); i++) {
				float advance = paragraph.advances()[i] * size / 1000f;
				if (used + advance > width + 0.01f && i > start) {
					lines.add(paragraph.slice(start, i));
					start = i;
					used = 0;
				}
				used += advance;
			}
			lines.add(paragraph.slice(start, paragraph.length()));
		}
		return lines;
	}

	private void show(List<Shaped> lines, float size, float left, float top, float width, float height, String align)
			throws IOException {
		float block = size * (1 + LEADING * (lines.size() - 1));
		float baseline = top - (height - block) / 2 - size * ASCENT;
		for (Shaped line : lines) {
			float lineWidth = line.width(size);
			float x = switch (align) {
				case "center" -> left + (width - lineWidth) / 2;
				case "right" -> left + width - PAD - lineWidth;
				default -> left + PAD;
			};
			showLine(line, size, x, baseline);
			baseline -= size * LEADING;
		}
	}

	/** One run of glyphs per stretch without a missing space, each positioned. */
	private void showLine(Shaped line, float size, float x, float baseline) throws IOException {
		float at = x;
		int i = 0;
		while (i < line.length()) {
			if (line.glyphs()[i] < 0) {
				at += line.advances()[i] * size / 1000f;
				i++;
				continue;
			}
			int start = i;
			float runStart = at;
			java.io.ByteArrayOutputStream codes = new java.io.ByteArrayOutputStream();
			while (i < line.length() && line.glyphs()[i] >= 0) {
				int glyph = line.glyphs()[i];
				codes.writeBytes(pdfFont.encodeGlyphId(glyph));
				toUnicode.putIfAbsent(glyph, line.texts()[i]);
				at += line.advances()[i] * size / 1000f;
				i++;
			}
			if (i > start) {
				content.beginText();
				content.font(fontName, size);
				content.newLineAtOffset(runStart, baseline);
				content.glyphs(codes.toByteArray());
				content.endText();
			}
		}
	}

	private static float x(double mm) {
		return (float) mm * MM;
	}

	private static float y(double mm) {
		return PAGE_HEIGHT - (float) mm * MM;
	}

	private static String shorten(String text) {
		return (text.length() > 20) ? text.substring(0, 20) + "…" : text;
	}

}
