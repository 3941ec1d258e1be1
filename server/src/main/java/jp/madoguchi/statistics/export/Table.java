package jp.madoguchi.statistics.export;

import java.util.List;

/**
 * What an export writes: a header row and rows of cells. A cell is a String or a Number;
 * numbers stay numbers in xlsx, so Excel can sum them.
 */
public record Table(String sheetName, List<String> headers, List<List<Object>> rows) {

	public Table {
		headers = List.copyOf(headers);
		rows = List.copyOf(rows);
	}

}
