package jp.madoguchi.audit.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.madoguchi.audit.domain.PiaReport.Entry;
import jp.madoguchi.audit.domain.PiaReport.Section;
import jp.madoguchi.platform.SpreadsheetText;
import jp.madoguchi.text.FontProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The PIA report as CSV (for Excel: BOM, CRLF, RFC 4180, cells made inert by
 * {@link SpreadsheetText} as the audit CSV does) and as PDF (PDFBox with the 明朝 font the
 * forms print with, IPAmj明朝, embedded as a subset).
 */
@Component
public class PiaDocuments {

	public static final Map<String, String> TITLES = Map.of("MY_NUMBER_VIEWS", "個人番号の表示（利用者別）", "AFTER_HOURS",
			"開庁時間外の個人情報の参照", "BULK_READS", "短時間の大量参照", "SIGN_IN_BURSTS", "同じアドレスからの連続したログイン失敗", "FAILED_SIGN_INS",
			"ログイン失敗（利用者・アドレス別）", "ACCOUNT_CHANGES", "利用者・グループ・権限の変更", "EXPORTS", "出力・バックアップ");

	static final List<String> HEADERS = List.of("区分", "利用者", "IPアドレス", "操作", "対象", "最初", "最後", "件数", "監査イベントID",
			"監査証跡の検索", "結果", "内容");

	private static final Map<jp.madoguchi.audit.AuditOutcome, String> OUTCOMES = Map.of(
			jp.madoguchi.audit.AuditOutcome.SUCCESS, "成功", jp.madoguchi.audit.AuditOutcome.FAILURE, "失敗",
			jp.madoguchi.audit.AuditOutcome.DENIED, "拒否");

	private static final int DETAIL_LINE = 100;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	// Looked up when a PDF is made: module tests that start audit without text still
	// start.
	private final ObjectProvider<FontProperties> fonts;

	PiaDocuments(ObjectProvider<FontProperties> fonts) {
		this.fonts = fonts;
	}

	public static String time(Instant instant) {
		return TIME.format(instant.atZone(PiaReports.ZONE));
	}

	public void csv(PiaReport report, Writer out) {
		try {
			out.write('\uFEFF');
			out.write(String.join(",", HEADERS) + "\r\n");
			for (Section section : report.sections()) {
				for (Entry entry : section.entries()) {
					out.write(String.join(",", SpreadsheetText.csvCell(TITLES.get(section.code())),
							SpreadsheetText.csvCell(entry.actor()), SpreadsheetText.csvCell(entry.ip()),
							SpreadsheetText.csvCell(entry.action()), SpreadsheetText.csvCell(entry.subject()),
							time(entry.first()), time(entry.last()), Long.toString(entry.count()),
							SpreadsheetText.csvCell(ids(entry)), SpreadsheetText.csvCell(entry.link()),
							SpreadsheetText.csvCell((entry.outcome() != null) ? entry.outcome().name() : null),
							SpreadsheetText.csvCell(entry.detail())) + "\r\n");
				}
				if (section.truncated()) {
					out.write(SpreadsheetText.csvCell(TITLES.get(section.code())) + ",,,,,,,"
							+ (section.total() - section.entries().size()) + "," + SpreadsheetText.csvCell("（省略）")
							+ ",,,\r\n");
				}
			}
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String ids(Entry entry) {
		return entry.eventIds().stream().map(String::valueOf).collect(Collectors.joining(" "));
	}

	/** Whether the font for the PDF is there. */
	public boolean pdfAvailable() {
		return Files.isRegularFile(fonts.getObject().mincho());
	}

	public void pdf(PiaReport report, OutputStream out) throws IOException {
		Path font = fonts.getObject().mincho();
		try (RandomAccessReadBufferedFile file = new RandomAccessReadBufferedFile(font.toFile());
				PDDocument document = new PDDocument()) {
			TrueTypeFont ttf = new TTFParser().parse(file);
			PDType0Font pdfFont = PDType0Font.load(document, ttf, true);
			List<String> lines = lines(report);
			Pages pages = new Pages(document, pdfFont);
			for (String line : lines) {
				pages.line(line);
			}
			pages.close();
			document.save(out);
		}
	}

	private static List<String> lines(PiaReport report) {
		List<String> lines = new ArrayList<>();
		lines.add("#個人情報保護評価（PIA）報告　" + report.from() + " ～ " + report.to());
		lines.add("作成 " + time(report.generatedAt()) + (report.generatedBy() != null ? "　" + report.generatedBy() : "")
				+ "　対象の監査イベント " + report.eventsRead() + " 件");
		PiaSettings s = report.settings();
		lines.add("開庁時間 " + report.hours().summary() + "（閉庁日は終日時間外）　大量参照 " + s.bulkWindow().toMinutes() + " 分に "
				+ s.bulkReads() + " 件以上　ログイン失敗 " + s.failedSignInWindow().toMinutes() + " 分に " + s.failedSignIns()
				+ " 回以上");
		for (Section section : report.sections()) {
			lines.add("");
			lines.add("#" + TITLES.get(section.code()) + "　" + section.total() + " 件");
			if (section.entries().isEmpty()) {
				lines.add("　なし");
			}
			for (Entry entry : section.entries()) {
				lines.add("・" + text(entry.actor()) + "　" + text(entry.ip()) + "　" + text(entry.action()) + "　"
						+ text(entry.subject()));
				lines.add("　　" + time(entry.first()) + " ～ " + time(entry.last()) + "　" + entry.count() + " 件　イベント "
						+ shorten(ids(entry)));
				if (entry.detail() != null || entry.outcome() != null) {
					String detail = ((entry.outcome() != null) ? OUTCOMES.get(entry.outcome()) + "　" : "")
							+ text(entry.detail());
					// wrapped, not cut: a backup's detail names its file, size and counts
					for (int i = 0; i < detail.length(); i += DETAIL_LINE) {
						lines.add("　　" + detail.substring(i, Math.min(detail.length(), i + DETAIL_LINE)));
					}
				}
			}
			if (section.truncated()) {
				lines.add("　ほか " + (section.total() - section.entries().size()) + " 件（監査証跡の検索で確認してください）");
			}
		}
		return lines;
	}

	private static String text(@Nullable String value) {
		return (value == null) ? "-" : value;
	}

	private static String shorten(String ids) {
		return (ids.length() > 80) ? ids.substring(0, 80) + " …" : ids;
	}

	/** Lines onto A4 pages, a new page when one is full. */
	private static final class Pages {

		private static final float MARGIN = 40;

		private static final float SIZE = 8.5f;

		private static final float LEADING = 12;

		private final PDDocument document;

		private final PDType0Font font;

		private @Nullable PDPageContentStream content;

		private float y;

		Pages(PDDocument document, PDType0Font font) {
			this.document = document;
			this.font = font;
		}

		void line(String text) throws IOException {
			boolean heading = text.startsWith("#");
			String shown = heading ? text.substring(1) : text;
			if (content == null || y < MARGIN + LEADING) {
				newPage();
			}
			PDPageContentStream page = content;
			if (!shown.isEmpty()) {
				page.beginText();
				page.setFont(font, heading ? SIZE + 2 : SIZE);
				page.newLineAtOffset(MARGIN, y);
				page.showText(shown);
				page.endText();
			}
			y -= heading ? LEADING + 3 : LEADING;
		}

		private void newPage() throws IOException {
			close();
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			content = new PDPageContentStream(document, page);
			y = PDRectangle.A4.getHeight() - MARGIN;
		}

		void close() throws IOException {
			if (content != null) {
				content.close();
				content = null;
			}
		}

	}

}
