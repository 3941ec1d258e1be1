package jp.madoguchi.forms.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Puts a QR code in the top right corner of a rendered form's first page: the 受付票's link
 * to the ticket's page on the resident's phone. Black and white, opaque, lossless
 * (nothing PDF/A forbids).
 */
public final class QrStamp {

	/** 25 mm: a phone reads it from a slip held in the hand. */
	static final float SIZE = 25f / 25.4f * 72f;

	static final float MARGIN = 10f / 25.4f * 72f;

	private QrStamp() {
	}

	public static byte[] onFirstPage(byte[] pdf, BufferedImage qr) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDPage page = document.getPage(0);
			PDRectangle box = page.getMediaBox();
			PDImageXObject image = LosslessFactory.createFromImage(document, qr);
			try (PDPageContentStream content = new PDPageContentStream(document, page,
					PDPageContentStream.AppendMode.APPEND, true, true)) {
				content.drawImage(image, box.getUpperRightX() - MARGIN - SIZE, box.getUpperRightY() - MARGIN - SIZE,
						SIZE, SIZE);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot stamp the QR code", ex);
		}
	}

}
