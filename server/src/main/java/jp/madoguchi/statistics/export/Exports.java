package jp.madoguchi.statistics.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jp.madoguchi.platform.SpreadsheetText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * CSV that opens cleanly in Excel (UTF-8 with a byte order mark, CRLF, RFC 4180 quoting)
 * and xlsx (POI, streaming), from the same {@link Table}: every export of the statistics
 * module goes through here, so receptions.csv will look like notifications.csv.
 */
public final class Exports {

	public static final String CSV_TYPE = "text/csv;charset=UTF-8";

	public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private Exports() {
	}

	public static void csv(Table table, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, CSV);
		printer.printRecord(table.headers());
		for (List<Object> row : table.rows()) {
			printer.printRecord(row.stream().map(Exports::text).toList());
		}
		printer.flush();
	}

	public static void xlsx(Table table, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			Sheet sheet = workbook.createSheet(table.sheetName());
			Row header = sheet.createRow(0);
			for (int i = 0; i < table.headers().size(); i++) {
				header.createCell(i).setCellValue(table.headers().get(i));
			}
			int r = 1;
			for (List<Object> values : table.rows()) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < values.size(); i++) {
					Cell cell = row.createCell(i);
					Object value = values.get(i);
					if (value instanceof Number number) {
						cell.setCellValue(number.doubleValue());
					}
					else if (value != null) {
						cell.setCellValue(value.toString());
					}
				}
			}
			workbook.write(out);
			workbook.dispose();
		}
	}

	/**
	 * Numbers as plain decimals (no exponent), empty for a missing value, text made inert
	 * for spreadsheets ({@link SpreadsheetText}: a queue or procedure name is typed by
	 * someone).
	 */
	static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Number) {
			return value.toString();
		}
		return SpreadsheetText.inert(value.toString());
	}

}
