package jp.madoguchi.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A small master file in CSV as a city keeps it in a spreadsheet: UTF-8 (a byte order
 * mark is allowed), a header row naming the columns in a fixed order, fields in double
 * quotes where they hold commas, quotes or line breaks (RFC 4180), CRLF or LF. Blank
 * lines are skipped. Every refusal is {@code CSV_INVALID} with the line of the file it is
 * about (the line a record starts on), so that the operator can find it in the
 * spreadsheet; modules refuse a value with {@link #atLine(long, String)} in the same way.
 */
public final class CsvTable {

	/** The most rows one import takes: masters, not bulk data. */
	public static final int MAX_ROWS = 10_000;

	private static final int SHOWN_VALUE_LENGTH = 40;

	/** One record: the line it starts on (the header is line 1) and its fields. */
	public record Row(long line, List<String> fields) {

		public Row {
			fields = List.copyOf(fields);
		}

		/** The field in column {@code index}, stripped of surrounding white space. */
		public String get(int index) {
			return fields.get(index).strip();
		}

	}

	private CsvTable() {
	}

	/**
	 * The data rows of {@code body}, after its header row has been checked against
	 * {@code header} (the names in this order; surrounding spaces ignored). Every row has
	 * exactly as many fields as the header.
	 * @throws ProblemException {@code CSV_INVALID}, naming the line where there is one
	 */
	public static List<Row> read(byte[] body, List<String> header) {
		List<Row> records = parse(decode(body));
		if (records.isEmpty()) {
			throw ProblemException.invalid("CSV_INVALID").because("empty");
		}
		Row first = records.get(0);
		List<String> names = first.fields().stream().map(String::strip).toList();
		if (!names.equals(header)) {
			throw atLine(first.line(), "見出し行が違います。必要な見出し: " + String.join(",", header));
		}
		List<Row> rows = records.subList(1, records.size());
		if (rows.size() > MAX_ROWS) {
			throw ProblemException.invalid("CSV_INVALID", MAX_ROWS).because("tooManyRows");
		}
		for (Row row : rows) {
			if (row.fields().size() != header.size()) {
				throw atLine(row.line(), "列の数が見出し行と違います（見出し " + header.size() + "列、この行 " + row.fields().size() + "列）。");
			}
		}
		return List.copyOf(rows);
	}

	/**
	 * A refusal of one line of the file: {@code problem.CSV_INVALID.atLine} with the line
	 * and what is wrong (in Japanese, as the file is), and the line as the property
	 * {@code line}.
	 */
	public static ProblemException atLine(long line, String problem) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CSV_INVALID", Map.of("line", line),
				String.valueOf(line), problem)
			.because("atLine");
	}

	/** A value quoted in a message, shortened so that one broken cell cannot flood it. */
	public static String shown(String value) {
		String shortened = (value.length() > SHOWN_VALUE_LENGTH) ? value.substring(0, SHOWN_VALUE_LENGTH) + "…" : value;
		return "「" + shortened + "」";
	}

	private static String decode(byte[] body) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw ProblemException.invalid("CSV_INVALID").because("encoding");
		}
	}

	private static List<Row> parse(String text) {
		List<Row> rows = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		long line = 1;
		long recordLine = 1;
		boolean quoted = false;
		boolean wasQuoted = false;
		boolean blank = true;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i += 2;
					continue;
				}
				if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
				i++;
				continue;
			}
			if (c == '"') {
				if (field.toString().strip().isEmpty() && !wasQuoted) {
					field.setLength(0);
					quoted = true;
					wasQuoted = true;
					blank = false;
				}
				else {
					throw atLine(line, "引用符（\"）の位置が正しくありません。値の中の \" は \"\" と書きます。");
				}
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				wasQuoted = false;
				blank = false;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				fields.add(field.toString());
				if (!blank || !field.toString().isBlank()) {
					rows.add(new Row(recordLine, fields));
				}
				fields = new ArrayList<>();
				field.setLength(0);
				wasQuoted = false;
				blank = true;
				line++;
				recordLine = line;
			}
			else {
				if (wasQuoted && !Character.isWhitespace(c)) {
					throw atLine(line, "引用符（\"）で囲んだ値の後に文字があります。");
				}
				field.append(c);
			}
			i++;
		}
		if (quoted) {
			throw atLine(recordLine, "引用符（\"）が閉じられていません。");
		}
		fields.add(field.toString());
		if (!blank || !field.toString().isBlank()) {
			rows.add(new Row(recordLine, fields));
		}
		return rows;
	}

}
