package jp.madoguchi.acceptance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import jp.madoguchi.platform.PdfA;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.w3c.dom.Element;

/**
 * Writes the テスト結果報告書: one row per requirement of docs/requirements.md with the test
 * classes that show it and their results from Surefire/Failsafe XML reports, the
 * performance figures (the headings of docs/performance.md) and the open gaps, as HTML
 * and as PDF/A-2b (IPAmj明朝 embedded).
 *
 * <pre>
 * TestReportWriter --requirements docs/requirements.md --performance docs/performance.md
 *     --out target/test-report REPORT_DIR...
 * </pre>
 */
public final class TestReportWriter {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	static final Path FONT = Path.of("/usr/share/fonts/truetype/ipamj/ipamjm.ttf");

	static final String TITLE = "テスト結果報告書";

	private TestReportWriter() {
	}

	/** One requirement: a row of the table in docs/requirements.md. */
	public record Requirement(String id, String area, String text, List<String> tests, String gap) {
	}

	/** A test class's results, summed over its reports. */
	public record ClassResult(String name, int tests, int failures, int errors, int skipped,
			Optional<LocalDateTime> ranAt) {

		boolean passed() {
			return failures == 0 && errors == 0;
		}

	}

	/** What the report says of one requirement. */
	public enum Verdict {

		合格, 不合格, 未実行, テストなし

	}

	/** A requirement with its verdict and the results of its classes. */
	public record Row(Requirement requirement, Verdict verdict, List<ClassResult> results, List<String> notRun) {
	}

	/**
	 * The requirements table of docs/requirements.md (the rows under the header ID | …).
	 */
	public static List<Requirement> requirements(Path markdown) throws IOException {
		List<Requirement> requirements = new ArrayList<>();
		boolean inTable = false;
		for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
			if (line.startsWith("| ID |")) {
				inTable = true;
				continue;
			}
			if (!inTable || line.startsWith("|---")) {
				continue;
			}
			if (!line.startsWith("|")) {
				break;
			}
			String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|", -1);
			if (cells.length != 5) {
				throw new IllegalArgumentException("requirements: 5 cells expected: " + line);
			}
			List<String> tests = Stream.of(cells[3].split("[,、]"))
				.map(String::strip)
				.filter((t) -> !t.isEmpty())
				.toList();
			requirements
				.add(new Requirement(cells[0].strip(), cells[1].strip(), cells[2].strip(), tests, cells[4].strip()));
		}
		return requirements;
	}

	/** Every {@code TEST-*.xml} in the directories, by simple class name. */
	public static Map<String, ClassResult> results(List<Path> reportDirectories) throws IOException {
		Map<String, ClassResult> results = new TreeMap<>();
		for (Path directory : reportDirectories) {
			if (!Files.isDirectory(directory)) {
				continue;
			}
			List<Path> files;
			try (Stream<Path> list = Files.list(directory)) {
				files = list.filter((f) -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
			}
			for (Path file : files) {
				ClassResult result = read(file);
				results.merge(result.name(), result, (a, b) -> new ClassResult(a.name(), a.tests() + b.tests(),
						a.failures() + b.failures(), a.errors() + b.errors(), a.skipped() + b.skipped(),
						Stream.of(a.ranAt(), b.ranAt()).flatMap(Optional::stream).max(LocalDateTime::compareTo)));
			}
		}
		return results;
	}

	private static ClassResult read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			Element suite = factory.newDocumentBuilder().parse(in).getDocumentElement();
			String name = suite.getAttribute("name");
			String simple = name.substring(name.lastIndexOf('.') + 1);
			String timestamp = suite.getAttribute("timestamp");
			// Surefire 3 writes no timestamp: the report file's time is when the class
			// ended
			Optional<LocalDateTime> ranAt = Optional
				.of(timestamp.isEmpty() ? LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), TOKYO)
						: LocalDateTime.parse(timestamp.length() > 19 ? timestamp.substring(0, 19) : timestamp));
			return new ClassResult(simple, number(suite, "tests"), number(suite, "failures"), number(suite, "errors"),
					number(suite, "skipped"), ranAt);
		}
		catch (IOException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IOException("cannot read " + file + ": " + ex, ex);
		}
	}

	private static int number(Element element, String attribute) {
		String value = element.getAttribute(attribute);
		return value.isEmpty() ? 0 : Integer.parseInt(value);
	}

	/** One row per requirement, in the table's order. */
	public static List<Row> rows(List<Requirement> requirements, Map<String, ClassResult> results) {
		List<Row> rows = new ArrayList<>();
		for (Requirement requirement : requirements) {
			List<ClassResult> found = new ArrayList<>();
			List<String> notRun = new ArrayList<>();
			for (String test : requirement.tests()) {
				ClassResult result = results.get(test);
				if (result == null) {
					notRun.add(test);
				}
				else {
					found.add(result);
				}
			}
			Verdict verdict;
			if (requirement.tests().isEmpty()) {
				verdict = Verdict.テストなし;
			}
			else if (found.stream().anyMatch((r) -> !r.passed())) {
				verdict = Verdict.不合格;
			}
			else if (!notRun.isEmpty()) {
				verdict = Verdict.未実行;
			}
			else {
				verdict = Verdict.合格;
			}
			rows.add(new Row(requirement, verdict, found, notRun));
		}
		return rows;
	}

	/** The performance figures: each section heading of docs/performance.md. */
	public static List<String> performance(Path markdown) throws IOException {
		return Files.readAllLines(markdown, StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> line.startsWith("## "))
			.map((line) -> line.substring(3).strip())
			.toList();
	}

	/** The report's facts, ready to write. */
	public record Report(ZonedDateTime writtenAt, Optional<LocalDateTime> testsRanAt, List<Row> rows,
			List<String> performance, int tests, int failed, int skipped) {

		Map<Verdict, Long> verdicts() {
			Map<Verdict, Long> counts = new LinkedHashMap<>();
			for (Verdict verdict : Verdict.values()) {
				counts.put(verdict, rows.stream().filter((r) -> r.verdict() == verdict).count());
			}
			return counts;
		}

	}

	public static Report report(List<Row> rows, Map<String, ClassResult> results, List<String> performance,
			ZonedDateTime at) {
		int tests = results.values().stream().mapToInt(ClassResult::tests).sum();
		int failed = results.values().stream().mapToInt((r) -> r.failures() + r.errors()).sum();
		int skipped = results.values().stream().mapToInt(ClassResult::skipped).sum();
		Optional<LocalDateTime> ran = results.values()
			.stream()
			.map(ClassResult::ranAt)
			.flatMap(Optional::stream)
			.max(LocalDateTime::compareTo);
		return new Report(at.truncatedTo(ChronoUnit.SECONDS), ran, rows, performance, tests, failed, skipped);
	}

	// ---- HTML

	public static String html(Report report) {
		StringBuilder out = new StringBuilder(64 * 1024);
		out.append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
			.append(TITLE)
			.append(" | 窓口</title>\n<style>\nbody{font-family:serif;margin:2em;}table{border-collapse:collapse;width:100%;}"
					+ "th,td{border:1px solid #555;padding:.3em;vertical-align:top;text-align:left;}"
					+ ".不合格{color:#b00;font-weight:bold}.未実行,.テストなし{color:#a60}.gap{color:#b00}\n</style>\n</head>\n<body>\n")
			.append("<h1>")
			.append(TITLE)
			.append("（窓口 スマート窓口システム）</h1>\n");
		for (String line : summary(report)) {
			out.append("<p>").append(escape(line)).append("</p>\n");
		}
		out.append("<h2>要件ごとの結果</h2>\n<table>\n<thead><tr><th scope=\"col\">ID</th><th scope=\"col\">区分</th>"
				+ "<th scope=\"col\">要件</th><th scope=\"col\">テスト（件数・失敗）</th><th scope=\"col\">結果</th>"
				+ "<th scope=\"col\">未達・課題</th></tr></thead>\n<tbody>\n");
		for (Row row : report.rows()) {
			Requirement requirement = row.requirement();
			out.append("<tr data-requirement=\"")
				.append(escape(requirement.id()))
				.append("\"><td>")
				.append(escape(requirement.id()))
				.append("</td><td>")
				.append(escape(requirement.area()))
				.append("</td><td>")
				.append(escape(requirement.text()))
				.append("</td><td>")
				.append(escape(String.join("、", tests(row))))
				.append("</td><td class=\"")
				.append(row.verdict().name())
				.append("\">")
				.append(row.verdict().name())
				.append("</td><td class=\"gap\">")
				.append(escape(requirement.gap()))
				.append("</td></tr>\n");
		}
		out.append("</tbody>\n</table>\n<h2>性能試験（docs/performance.md の計測）</h2>\n<ul>\n");
		for (String figure : report.performance()) {
			out.append("<li>").append(escape(figure)).append("</li>\n");
		}
		out.append("</ul>\n<h2>未達・課題</h2>\n<ul>\n");
		for (String gap : gaps(report)) {
			out.append("<li>").append(escape(gap)).append("</li>\n");
		}
		out.append("</ul>\n</body>\n</html>\n");
		return out.toString();
	}

	static List<String> summary(Report report) {
		DateTimeFormatter format = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm");
		Map<Verdict, Long> verdicts = report.verdicts();
		return List.of("作成日時: " + report.writtenAt().format(format) + "（日本時間）",
				"試験の実施: " + report.testsRanAt().map((t) -> t.format(format) + "（テストの記録の時刻）").orElse("記録なし"),
				"テスト: " + report.tests() + "件、失敗 " + report.failed() + "件、スキップ " + report.skipped() + "件",
				"要件: " + report.rows().size() + "件（合格 " + verdicts.get(Verdict.合格) + "、不合格 " + verdicts.get(Verdict.不合格)
						+ "、未実行 " + verdicts.get(Verdict.未実行) + "、テストなし " + verdicts.get(Verdict.テストなし) + "）、うち課題あり "
						+ report.rows().stream().filter((r) -> !r.requirement().gap().isEmpty()).count() + "件",
				"要件と対応するテストの一覧は docs/requirements.md、テストの実行は bin/test-report（bin/test と同じテスト）。");
	}

	static List<String> tests(Row row) {
		List<String> tests = new ArrayList<>();
		for (ClassResult result : row.results()) {
			tests.add(result.name() + " " + result.tests() + "件"
					+ (result.passed() ? "" : "（失敗 " + (result.failures() + result.errors()) + "）"));
		}
		for (String missing : row.notRun()) {
			tests.add(missing + " 未実行");
		}
		return tests;
	}

	static List<String> gaps(Report report) {
		List<String> gaps = new ArrayList<>();
		for (Row row : report.rows()) {
			Requirement requirement = row.requirement();
			if (!requirement.gap().isEmpty()) {
				gaps.add(requirement.id() + " " + requirement.area() + ": " + requirement.gap());
			}
			if (row.verdict() == Verdict.不合格 || row.verdict() == Verdict.未実行) {
				gaps.add(requirement.id() + " " + requirement.area() + ": " + row.verdict().name() + "（"
						+ String.join("、", tests(row)) + "）");
			}
		}
		return gaps;
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	// ---- PDF/A-2b

	public static byte[] pdf(Report report, Path font) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDType0Font type0 = PDType0Font.load(document, font.toFile());
			Pages pages = new Pages(document, type0);
			pages.line(TITLE + "（窓口 スマート窓口システム）", 16);
			pages.gap();
			for (String line : summary(report)) {
				pages.paragraph(line, 10, 0);
			}
			pages.gap();
			pages.line("要件ごとの結果", 13);
			for (Row row : report.rows()) {
				Requirement requirement = row.requirement();
				pages.gap();
				pages.paragraph(requirement.id() + " " + requirement.area() + " 【" + row.verdict().name() + "】", 10.5f,
						0);
				pages.paragraph("要件: " + requirement.text(), 9, 12);
				pages.paragraph("テスト: "
						+ (row.results().isEmpty() && row.notRun().isEmpty() ? "なし" : String.join("、", tests(row))), 9,
						12);
				if (!requirement.gap().isEmpty()) {
					pages.paragraph("未達・課題: " + requirement.gap(), 9, 12);
				}
			}
			pages.gap();
			pages.line("性能試験（docs/performance.md の計測）", 13);
			for (String figure : report.performance()) {
				pages.paragraph("・" + figure, 9, 0);
			}
			pages.gap();
			pages.line("未達・課題", 13);
			for (String gap : gaps(report)) {
				pages.paragraph("・" + gap, 9, 0);
			}
			pages.close();
			PdfA.apply(document, TITLE, report.writtenAt());
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	/** Text laid out top to bottom on A4 pages, wrapped at the margin. */
	private static final class Pages {

		private static final float MARGIN = 50;

		private final PDDocument document;

		private final PDType0Font font;

		private PDPageContentStream content;

		private float y;

		Pages(PDDocument document, PDType0Font font) throws IOException {
			this.document = document;
			this.font = font;
			newPage();
		}

		private void newPage() throws IOException {
			if (content != null) {
				content.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			content = new PDPageContentStream(document, page);
			y = PDRectangle.A4.getHeight() - MARGIN;
		}

		void gap() {
			y -= 6;
		}

		void line(String text, float size) throws IOException {
			paragraph(text, size, 0);
		}

		void paragraph(String text, float size, float indent) throws IOException {
			String printable = printable(text);
			float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
			int start = 0;
			while (start < printable.length()) {
				int end = start;
				while (end < printable.length()) {
					int next = printable.offsetByCodePoints(end, 1);
					if (font.getStringWidth(printable.substring(start, next)) / 1000 * size > width) {
						break;
					}
					end = next;
				}
				if (end == start) {
					end = printable.offsetByCodePoints(start, 1);
				}
				show(printable.substring(start, end), size, indent);
				start = end;
			}
		}

		private void show(String text, float size, float indent) throws IOException {
			if (y - size * 1.4f < MARGIN) {
				newPage();
			}
			y -= size * 1.4f;
			content.beginText();
			content.setFont(font, size);
			content.newLineAtOffset(MARGIN + indent, y);
			content.showText(text);
			content.endText();
		}

		/** Characters the font cannot show become 〓 (geta), never a failed report. */
		private String printable(String text) {
			StringBuilder out = new StringBuilder(text.length());
			text.codePoints().forEach((cp) -> {
				String character = new String(Character.toChars(cp));
				try {
					font.encode(character);
					out.append(character);
				}
				catch (IOException | IllegalArgumentException ex) {
					out.append('〓');
				}
			});
			return out.toString();
		}

		void close() throws IOException {
			content.close();
		}

	}

	// ---- command line

	public static void main(String[] args) throws IOException {
		Path requirements = Path.of("docs/requirements.md");
		Path performance = Path.of("docs/performance.md");
		Path out = Path.of("target/test-report");
		List<Path> reports = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--requirements" -> requirements = Path.of(args[++i]);
				case "--performance" -> performance = Path.of(args[++i]);
				case "--out" -> out = Path.of(args[++i]);
				default -> reports.add(Path.of(args[i]));
			}
		}
		Map<String, ClassResult> results = results(reports);
		Report report = report(rows(requirements(requirements), results), results, performance(performance),
				ZonedDateTime.ofInstant(Instant.now(), TOKYO));
		Files.createDirectories(out);
		Path html = out.resolve(TITLE + ".html");
		Files.writeString(html, html(report), StandardCharsets.UTF_8);
		Path pdf = out.resolve(TITLE + ".pdf");
		Files.write(pdf, pdf(report, FONT));
		for (String line : summary(report)) {
			System.out.println(line);
		}
		System.out.println(html);
		System.out.println(pdf);
	}

}
