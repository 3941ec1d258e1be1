package jp.madoguchi.platform;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.GregorianCalendar;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * What PDF/A-2b asks beyond embedded fonts: XMP metadata that agrees with the document
 * information, and an output intent with an ICC profile (the JDK's own sRGB profile, so
 * no profile file has to ship). Forms are archived with the notification, so they must
 * render the same in twenty years; reports kept for audits the same.
 */
public final class PdfA {

	private static final String SRGB = "sRGB IEC61966-2.1";

	private static final byte[] SRGB_PROFILE = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

	private PdfA() {
	}

	/**
	 * Makes the document PDF/A-2b as far as metadata goes; the fonts must be embedded.
	 */
	public static void apply(PDDocument document, String title, ZonedDateTime created) throws IOException {
		ZonedDateTime when = created.truncatedTo(ChronoUnit.SECONDS);
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(title);
		info.setProducer("Madoguchi");
		info.setCreationDate(GregorianCalendar.from(when));
		info.setModificationDate(GregorianCalendar.from(when));

		PDDocumentCatalog catalog = document.getDocumentCatalog();
		PDMetadata metadata = new PDMetadata(document);
		metadata.importXMPMetadata(xmp(title, when).getBytes(StandardCharsets.UTF_8));
		catalog.setMetadata(metadata);

		PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(SRGB_PROFILE));
		intent.setInfo(SRGB);
		intent.setOutputCondition(SRGB);
		intent.setOutputConditionIdentifier(SRGB);
		intent.setRegistryName("http://www.color.org");
		catalog.addOutputIntent(intent);
		catalog.setLanguage("ja-JP");
		document.setVersion(1.7f);
	}

	private static String xmp(String title, ZonedDateTime when) {
		String date = when.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		return """
				<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
				<x:xmpmeta xmlns:x="adobe:ns:meta/">
				 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
				  <rdf:Description rdf:about=""
				    xmlns:dc="http://purl.org/dc/elements/1.1/"
				    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
				    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
				    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
				   <dc:format>application/pdf</dc:format>
				   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
				   <pdf:Producer>Madoguchi</pdf:Producer>
				   <xmp:CreateDate>%s</xmp:CreateDate>
				   <xmp:ModifyDate>%s</xmp:ModifyDate>
				   <pdfaid:part>2</pdfaid:part>
				   <pdfaid:conformance>B</pdfaid:conformance>
				  </rdf:Description>
				 </rdf:RDF>
				</x:xmpmeta>
				<?xpacket end="w"?>""".formatted(escape(title), date, date);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
