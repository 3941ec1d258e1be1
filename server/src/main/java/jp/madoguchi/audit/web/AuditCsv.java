package jp.madoguchi.audit.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditOutcome;
import jp.madoguchi.platform.SpreadsheetText;
import org.jspecify.annotations.Nullable;

/**
 * Audit events as CSV for Excel: a byte order mark (without it Excel reads UTF-8 as Shift
 * JIS), CRLF line ends, RFC 4180 quoting, Japanese column headers. Cells are made inert
 * ({@link SpreadsheetText}), since actor names and details can come from untrusted input
 * such as a failed login.
 */
final class AuditCsv {

	static final char BOM = '\uFEFF';

	static final String CRLF = "\r\n";

	static final List<String> HEADERS = List.of("ID", "日時", "利用者", "端末", "IPアドレス", "操作", "対象", "結果", "詳細", "ハッシュ");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Writer out;

	AuditCsv(Writer out) {
		this.out = out;
	}

	void header() {
		write(BOM + String.join(",", HEADERS) + CRLF);
	}

	void row(AuditEvent event) {
		StringBuilder line = new StringBuilder(256);
		line.append(event.id()).append(',');
		line.append(TIME.format(event.occurredAt().atZone(SearchParameters.ZONE))).append(',');
		line.append(cell(event.actor())).append(',');
		line.append(cell(event.terminal())).append(',');
		line.append(cell(event.ip())).append(',');
		line.append(cell(event.action())).append(',');
		line.append(cell(event.subject())).append(',');
		line.append(outcome(event.outcome())).append(',');
		line.append(cell(event.detail())).append(',');
		line.append(event.hash()).append(CRLF);
		write(line.toString());
	}

	static String cell(@Nullable String value) {
		return SpreadsheetText.csvCell(value);
	}

	private static String outcome(AuditOutcome outcome) {
		return switch (outcome) {
			case SUCCESS -> "成功";
			case FAILURE -> "失敗";
			case DENIED -> "拒否";
		};
	}

	private void write(String text) {
		try {
			out.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
