package jp.madoguchi.address.domain;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A streaming reader of comma-separated values as RFC 4180 writes them: fields in double
 * quotes may hold commas, line breaks and doubled quotes; lines end in CRLF, LF or CR. A
 * byte order mark at the start is skipped and empty lines are skipped. Only one record is
 * held in memory at a time, so files of any size can be read.
 * <p>
 * A quote inside an unquoted field is kept as a character (Japan Post's and the Digital
 * Agency's files do not need more leniency than that); text after a closing quote, a
 * quote still open at the end of the file and a field longer than
 * {@link #MAX_FIELD_LENGTH} are errors naming the line.
 */
final class CsvReader implements Closeable {

	/**
	 * Longer fields mean a quote was never closed: stop before the rest of a large file
	 * ends up in one field.
	 */
	public static final int MAX_FIELD_LENGTH = 10_000;

	private static final int END = -1;

	private final Reader in;

	private final char[] buffer = new char[1 << 16];

	private int position;

	private int limit;

	private int pushedBack = Integer.MIN_VALUE;

	private long line = 1;

	private long recordLine;

	private boolean started;

	private boolean refuseReplacementCharacter;

	private CsvReader(Reader in) {
		this.in = in;
	}

	/**
	 * A reader of UTF-8 bytes that refuses malformed input instead of importing it as
	 * garbage, so a Shift_JIS file is reported with the line of its first non-UTF-8
	 * character. (The decoder replaces malformed bytes with U+FFFD and the reader refuses
	 * that character: a decoder that reports errors itself does so a whole buffer early,
	 * which would name the wrong line.)
	 */
	public static CsvReader utf8(InputStream in) {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		CsvReader reader = new CsvReader(new InputStreamReader(in, decoder));
		reader.refuseReplacementCharacter = true;
		return reader;
	}

	public static CsvReader of(Reader in) {
		return new CsvReader(in);
	}

	/**
	 * The next record, or null at the end of the input.
	 * @throws CsvException when the input is not well-formed CSV or not UTF-8
	 */
	public @Nullable List<String> next() throws IOException {
		int c = read();
		if (!started) {
			started = true;
			if (c == '\uFEFF') {
				c = read();
			}
		}
		while (c == '\r' || c == '\n') {
			endLine(c);
			c = read();
		}
		if (c == END) {
			return null;
		}
		recordLine = line;
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		while (true) {
			if (c == '"' && field.isEmpty()) {
				c = readQuoted(field);
			}
			else {
				while (c != ',' && c != '\r' && c != '\n' && c != END) {
					append(field, c);
					c = read();
				}
			}
			fields.add(field.toString());
			field.setLength(0);
			if (c == ',') {
				c = read();
				continue;
			}
			if (c != END) {
				endLine(c);
			}
			return fields;
		}
	}

	/** The line on which the record last returned by {@link #next()} starts (1-based). */
	public long lineNumber() {
		return recordLine;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

	/** Reads a quoted field after its opening quote; returns the character after it. */
	private int readQuoted(StringBuilder field) throws IOException {
		long opened = line;
		while (true) {
			int c = read();
			if (c == END) {
				throw new CsvException(opened, "引用符（\"）が閉じられていません。");
			}
			if (c == '"') {
				int after = read();
				if (after == '"') {
					append(field, '"');
					continue;
				}
				if (after != ',' && after != '\r' && after != '\n' && after != END) {
					throw new CsvException(line, "引用符（\"）の後に区切り文字（,）がありません。");
				}
				return after;
			}
			if (c == '\r' || c == '\n') {
				endLine(c);
				// A line break inside quotes is kept as LF whatever the file used.
				append(field, '\n');
				continue;
			}
			append(field, c);
		}
	}

	private void append(StringBuilder field, int c) throws CsvException {
		if (field.length() >= MAX_FIELD_LENGTH) {
			throw new CsvException(recordLine, "項目が長すぎます（" + MAX_FIELD_LENGTH + "文字まで）。引用符（\"）の閉じ忘れがないか確認してください。");
		}
		field.append((char) c);
	}

	/** Consumes the rest of a line break starting with c. */
	private void endLine(int c) throws IOException {
		if (c == '\r') {
			int next = read();
			if (next != '\n') {
				pushedBack = next;
			}
		}
		line++;
	}

	private int read() throws IOException {
		if (pushedBack != Integer.MIN_VALUE) {
			int c = pushedBack;
			pushedBack = Integer.MIN_VALUE;
			return c;
		}
		if (position == limit) {
			if (!fill()) {
				return END;
			}
		}
		char c = buffer[position++];
		if (c == '\uFFFD' && refuseReplacementCharacter) {
			throw new CsvException(line, "UTF-8 として読めない文字があります。文字コードが UTF-8 のファイルを指定してください。");
		}
		return c;
	}

	private boolean fill() throws IOException {
		int n;
		do {
			n = in.read(buffer, 0, buffer.length);
		}
		while (n == 0);
		if (n < 0) {
			return false;
		}
		position = 0;
		limit = n;
		return true;
	}

	/** The input is not CSV, or not UTF-8; the message names the line. */
	public static final class CsvException extends IOException {

		private final long line;

		private final String problem;

		public CsvException(long line, String problem) {
			super(line + "行目: " + problem);
			this.line = line;
			this.problem = problem;
		}

		public long line() {
			return line;
		}

		/** The problem without the line. */
		public String problem() {
			return problem;
		}

	}

}
