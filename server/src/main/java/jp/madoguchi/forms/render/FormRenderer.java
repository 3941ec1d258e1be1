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
import jp.madoguchi.forms.template.Element.Box;
import jp.madoguchi.forms.template.Element.Field;
import jp.madoguchi.forms.template.Element.Line;
import jp.madoguchi.forms.template.Element.Repeat;
import jp.madoguchi.forms.template.Element.Signature;
import jp.madoguchi.forms.template.Element.Text;
import jp.madoguchi.forms.template.Element;
import jp.madoguchi.forms.template.FormData;
import jp.madoguchi.forms.template.FormTemplate;
import jp.madoguchi.forms.template.Formats;
import jp.madoguchi.forms.template.Signers;
import jp.madoguchi.forms.template.TemplateValidator;
import jp.madoguchi.platform.PdfA;
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

	/** Training mode's note along the bottom of every page. */
	static final String TRAINING_NOTE = "研修用の書類です。届出・証明には使えません。";

	private final PrintFont font;

	private final @Nullable String stamp;

	public FormRenderer(PrintFont font) {
		this(font, null);
	}

	/**
	 * @param stamp marked on every page when set (training mode: 研修): large across the
	 * page, framed in the corner, with a note that the paper is not valid
	 */
	public FormRenderer(PrintFont font, @Nullable String stamp) {
		this.font = font;
		this.stamp = stamp;
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
		return renderSigned(template, data, SignatureMarks.shared(signature), at);
	}

	/**
	 * The form as PDF bytes, each signature box showing its signer's signature (or the
	 * notification's as a whole).
	 */
	public byte[] renderSigned(FormTemplate template, FormData data, SignatureMarks signatures, ZonedDateTime at) {
		font.requireAvailable();
		TemplateValidator.validate(template);
		String label = TemplateValidator.label(template);
		List<List<Placed>> sheets = plan(template, data);
		requirePrintable(sheets);
		try {
			return font.use(ttf -> draw(ttf, template, label, sheets, data, signatures, at));
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
			List<Object> items = (repeat != null) ? repeat.items(data) : List.of();
			if (repeat != null && items.isEmpty() && repeat.leavesOutEmptyPage()) {
				continue;
			}
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

	private byte[] draw(TrueTypeFont ttf, FormTemplate template, String label, List<List<Placed>> sheets, FormData data,
			SignatureMarks signatures, ZonedDateTime at) throws IOException {
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
					Pen pen = new Pen(font, content, fontName, pdfFont, toUnicode, label);
					if (stamp != null) {
						pen.stamp(stamp, TRAINING_NOTE, true);
					}
					for (Placed placed : sheet) {
						pen.draw(placed, (placed.element() instanceof Signature box)
								? signatures.of(Signers.nameFor(box, placed.scope(), data)) : null);
					}
					if (stamp != null) {
						pen.stamp(stamp, TRAINING_NOTE, false);
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

}
