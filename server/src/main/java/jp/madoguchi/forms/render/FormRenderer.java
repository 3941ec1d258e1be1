package jp.madoguchi.forms.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import jp.madoguchi.forms.render.PrintFont.Shaped;
import jp.madoguchi.forms.template.DataPaths;
import jp.madoguchi.forms.template.Element;
import jp.madoguchi.forms.template.Element.Box;
import jp.madoguchi.forms.template.Element.Field;
import jp.madoguchi.forms.template.Element.Line;
import jp.madoguchi.forms.template.Element.Repeat;
import jp.madoguchi.forms.template.Element.Signature;
import jp.madoguchi.forms.template.Element.Text;
import jp.madoguchi.forms.template.FormData;
import jp.madoguchi.forms.template.FormTemplate;
import jp.madoguchi.forms.template.Formats;
import jp.madoguchi.forms.template.TemplateValidator;
import jp.madoguchi.text.UnprintableCharacter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * Draws a {@link FormTemplate} filled with {@link FormData} as a PDF/A-2b document: the
 * print font embedded as a subset, each name with the glyph its variation selector picks,
 * a ToUnicode map so the text extracts exactly, long text shrunk to fit and never
 * clipped. Everything is checked before the first page is drawn, so a refused form leaves
 * nothing half-made.
 */
public final class FormRenderer {

	private static final float MM = 72f / 25.4f;

	private static final float PAGE_HEIGHT = (float) FormTemplate.PAGE_HEIGHT * MM;

	/** Line pitch as a multiple of the type size. */
	private static final float LEADING = 1.2f;

	/** IPAmj明朝's ascent as a fraction of the em: where the baseline sits. */
	private static final float ASCENT = 0.88f;

	/** Inner margin of a field or text box, so text never touches the rule. */
	private static final float PAD = 0.8f * MM;

	private static final float STEP = 0.25f;

	private final PrintFont font;

	public FormRenderer(PrintFont font) {
		this.font = font;
	}

	public PrintFont font() {
		return font;
	}

	/**
	 * The form as PDF bytes.
	 * @param signature what signature elements show; null draws them empty
	 * @param at the creation date written into the document
	 * @throws jp.madoguchi.forms.template.TemplateInvalidException for a template that
	 * cannot print
	 * @throws UnprintableCharacterException listing every character the font lacks
	 * @throws FormOverflowException naming the first field that does not fit
	 */
	public byte[] render(FormTemplate template, FormData data, @Nullable SignatureMark signature, ZonedDateTime at) {
		font.requireAvailable();
		TemplateValidator.validate(template);
		String label = TemplateValidator.label(template);
		List<List<Placed>> sheets = plan(template, data);
		requirePrintable(sheets);
		try {
			return font.use(ttf -> draw(ttf, template, label, sheets, signature, at));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot render " + template.id(), ex);
		}
	}

	/**
	 * The sheets to print: a page with more rows than fit is printed again for the rest.
	 */
	private static List<List<Placed>> plan(FormTemplate template, FormData data) {
		List<List<Placed>> sheets = new ArrayList<>();
		for (FormTemplate.FormPage page : template.pages()) {
			Repeat repeat = page.elements()
				.stream()
				.filter(Repeat.class::isInstance)
				.map(Repeat.class::cast)
				.findFirst()
				.orElse(null);
			List<Object> items = (repeat != null) ? items(repeat, data) : List.of();
			int chunks = (repeat == null) ? 1 : Math.max(1, (items.size() + repeat.rows() - 1) / repeat.rows());
			for (int chunk = 0; chunk < chunks; chunk++) {
				List<Placed> sheet = new ArrayList<>();
				for (Element element : page.elements()) {
					if (element instanceof Repeat r) {
						for (int row = 0; row < r.rows(); row++) {
							int index = chunk * r.rows() + row;
							if (index >= items.size()) {
								break;
							}
							for (Element child : r.elements()) {
								sheet.add(new Placed(child, items.get(index), r.x(), r.y() + row * r.rowHeight(),
										index + 1));
							}
						}
					}
					else {
						sheet.add(new Placed(element, data, 0, 0, 0));
					}
				}
				sheets.add(sheet);
			}
		}
		return sheets;
	}

	private static List<Object> items(Repeat repeat, FormData data) {
		Object list = DataPaths.resolve(data, repeat.bind());
		List<Object> items = new ArrayList<>();
		if (!(list instanceof List<?> values)) {
			return items;
		}
		String filter = repeat.filter();
		for (Object item : values) {
			if (filter == null || filter.isBlank()) {
				items.add(item);
				continue;
			}
			int equals = filter.indexOf('=');
			Object value = DataPaths.resolve(item, filter.substring(0, equals));
			if (String.valueOf(value).equals(filter.substring(equals + 1))) {
				items.add(item);
			}
		}
		return items;
	}

	/** Every unprintable character of every field, so staff fix them all at once. */
	private void requirePrintable(List<List<Placed>> sheets) {
		List<Map<String, Object>> unprintable = new ArrayList<>();
		for (List<Placed> sheet : sheets) {
			for (Placed placed : sheet) {
				String text = placed.text();
				if (text == null) {
					continue;
				}
				for (String line : text.split("\n", -1)) {
					for (UnprintableCharacter character : font.coverage().unprintable(line)) {
						Map<String, Object> entry = UnprintableCharacterException.entry(placed.label(), character);
						if (!unprintable.contains(entry)) {
							unprintable.add(entry);
						}
					}
				}
			}
		}
		if (!unprintable.isEmpty()) {
			throw new UnprintableCharacterException(unprintable);
		}
	}

	private byte[] draw(TrueTypeFont ttf, FormTemplate template, String label, List<List<Placed>> sheets,
			@Nullable SignatureMark signature, ZonedDateTime at) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDType0Font pdfFont = PDType0Font.load(document, ttf, true);
			SortedMap<Integer, String> toUnicode = new TreeMap<>();
			for (List<Placed> sheet : sheets) {
				PDPage page = new PDPage(PDRectangle.A4);
				PDResources resources = new PDResources();
				page.setResources(resources);
				document.addPage(page);
				COSName fontName = resources.add(pdfFont);
				try (FormContentStream content = new FormContentStream(document, page)) {
					Pen pen = new Pen(content, fontName, pdfFont, toUnicode, label);
					for (Placed placed : sheet) {
						pen.draw(placed, signature);
					}
				}
			}
			pdfFont.addGlyphsToSubset(toUnicode.keySet());
			pdfFont.subset();
			PDStream map = new PDStream(document, new ByteArrayInputStream(ToUnicodeMap.of(toUnicode)),
					COSName.FLATE_DECODE);
			pdfFont.getCOSObject().setItem(COSName.TO_UNICODE, map);
			PdfA.apply(document, template.title(), at);
			ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
			document.save(out);
			return out.toByteArray();
		}
	}

	/** An element with the data it reads and where its row starts. */
	private record Placed(Element element, Object scope, double originX, double originY, int index) {

		@Nullable String text() {
			if (element instanceof Text text) {
				return text.text();
			}
			if (element instanceof Field field) {
				Object value = DataPaths.INDEX.equals(field.bind()) ? Integer.valueOf(index)
						: DataPaths.resolve(scope, field.bind());
				return Formats.format(value, field.format());
			}
			return null;
		}

		String label() {
			String name;
			if (element instanceof Field field) {
				name = field.name();
			}
			else if (element instanceof Text text) {
				name = "固定文字「" + text.text() + "」";
			}
			else {
				name = element.getClass().getSimpleName();
			}
			return (index > 0) ? name + "（" + index + "行目）" : name;
		}

	}

	/** Draws elements onto one page. */
	private final class Pen {

		private final FormContentStream content;

		private final COSName fontName;

		private final PDType0Font pdfFont;

		private final SortedMap<Integer, String> toUnicode;

		private final String template;

		Pen(FormContentStream content, COSName fontName, PDType0Font pdfFont, SortedMap<Integer, String> toUnicode,
				String template) {
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

		private void signature(Signature box, double ox, double oy, @Nullable SignatureMark signature)
				throws IOException {
			if (signature == null) {
				return;
			}
			if (!signature.valid()) {
				fitAndShow(box.name(), "署名の後に内容が変わりました。もう一度署名してください。", ox + box.x(), oy + box.y(), box.w(), box.h(), 9,
						5, "center", true);
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

		private void show(List<Shaped> lines, float size, float left, float top, float width, float height,
				String align) throws IOException {
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
