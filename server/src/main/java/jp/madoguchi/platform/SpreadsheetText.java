package jp.madoguchi.platform;

/**
 * Text for CSV files people open in Excel or LibreOffice: a cell that the spreadsheet
 * would take for a formula (starting with {@code = + - @}, tab or CR) gets a leading
 * apostrophe, so that a name typed by someone (a failed login, a queue name) cannot run
 * as a formula on an administrator's computer. Numbers are written as numbers and do not
 * go through here.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	public static String inert(String text) {
		if (text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + text : text;
	}

	/**
	 * One CSV cell (RFC 4180) of text people open in a spreadsheet: made inert, and
	 * quoted when it holds a comma, a quote or a line break; null is an empty cell.
	 */
	public static String csvCell(@org.jspecify.annotations.Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = inert(value);
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
