package jp.madoguchi.forms.printing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.forms.domain.FormService.DepartmentStack;
import jp.madoguchi.forms.domain.FormService.StackForm;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * One department's stack as one document: the cover sheet, then each form as many times
 * as its template's copies. When any form asks for both sides the job is printed duplex
 * and blank backs keep every sheet to one form: after the cover, after each page of a
 * form printed on one side, and after the last page of a duplex form with an odd number
 * of pages. Their positions are kept with the job, so that a printer that turns out to
 * print one side only gets the document without them.
 */
final class StackDocument {

	private StackDocument() {
	}

	/**
	 * @param blankPages positions (from 0) of the inserted blank backs
	 */
	record Built(byte[] pdf, List<Integer> blankPages, boolean duplex, int pages) {

		Built {
			blankPages = List.copyOf(blankPages);
		}

	}

	static Built build(DepartmentStack stack) {
		boolean duplex = stack.forms().stream().anyMatch(f -> f.print().duplex());
		List<PDDocument> sources = new ArrayList<>();
		try (PDDocument out = new PDDocument()) {
			List<Integer> blanks = new ArrayList<>();
			PDFMergerUtility merger = new PDFMergerUtility();
			append(out, merger, sources, stack.cover(), duplex, true, blanks);
			for (StackForm form : stack.forms()) {
				for (int copy = 0; copy < form.print().copies(); copy++) {
					append(out, merger, sources, form.form().pdf(), duplex, !form.print().duplex(), blanks);
				}
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			out.save(bytes);
			return new Built(bytes.toByteArray(), blanks, duplex, out.getNumberOfPages());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			for (PDDocument source : sources) {
				try {
					source.close();
				}
				catch (IOException ignored) {
					// read from memory: nothing to release
				}
			}
		}
	}

	private static void append(PDDocument out, PDFMergerUtility merger, List<PDDocument> sources, byte[] pdf,
			boolean duplex, boolean oneSided, List<Integer> blanks) throws IOException {
		PDDocument source = Loader.loadPDF(pdf);
		sources.add(source);
		if (!duplex) {
			merger.appendDocument(out, source);
			return;
		}
		if (oneSided) {
			// each page on its own sheet: a blank back after every page
			int start = out.getNumberOfPages();
			int count = source.getNumberOfPages();
			merger.appendDocument(out, source);
			for (int i = count - 1; i >= 0; i--) {
				out.getPages().insertAfter(new PDPage(PDRectangle.A4), out.getPage(start + i));
			}
			for (int i = 0; i < count; i++) {
				blanks.add(start + 2 * i + 1);
			}
			return;
		}
		merger.appendDocument(out, source);
		if (source.getNumberOfPages() % 2 == 1) {
			blank(out, blanks);
		}
	}

	private static void blank(PDDocument out, List<Integer> blanks) {
		blanks.add(out.getNumberOfPages());
		out.addPage(new PDPage(PDRectangle.A4));
	}

	/** The document without the given pages (the blank backs of a duplex job). */
	static byte[] without(byte[] pdf, List<Integer> pages) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			pages.stream().sorted((a, b) -> b - a).forEach(i -> {
				if (i >= 0 && i < document.getNumberOfPages()) {
					document.removePage(i);
				}
			});
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			document.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
