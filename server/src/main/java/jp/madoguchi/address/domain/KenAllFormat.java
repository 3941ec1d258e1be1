package jp.madoguchi.address.domain;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import static jp.madoguchi.address.domain.ImportProblems.atLine;
import static jp.madoguchi.address.domain.ImportProblems.shown;

/**
 * Japan Post's {@code utf_ken_all.csv}: UTF-8, no header, one record per row, 15 columns
 * — local government code (5 digits), old postal code, postal code (7 digits),
 * prefecture, city and town in full-width kana, the same in kanji, then six flags. The
 * Shift_JIS {@code KEN_ALL.CSV} with half-width kana and split rows is not read: its
 * bytes are not UTF-8 and are refused.
 */
final class KenAllFormat implements AddressFileFormat {

	static final int COLUMNS = 15;

	private static final List<String> TABLE_COLUMNS = List.of("seq", "lg_code", "old_postal_code", "postal_code",
			"pref_kana", "city_kana", "town_kana", "pref", "city", "town", "multiple_codes_for_town",
			"numbered_per_koaza", "has_chome", "multiple_towns_for_code", "update_status", "change_reason");

	private static final Pattern LG_CODE = Pattern.compile("[0-9]{5,6}");

	private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{7}");

	/** Column names for messages, 1-based as people count. */
	private static final String[] NAMES = { "", "全国地方公共団体コード", "旧郵便番号", "郵便番号", "都道府県名カナ", "市区町村名カナ", "町域名カナ", "都道府県名",
			"市区町村名", "町域名", "一町域が二以上の郵便番号で表される場合の表示", "小字毎に番地が起番されている町域の表示", "丁目を有する町域の場合の表示", "一つの郵便番号で二以上の町域を表す場合の表示",
			"更新の表示", "変更理由" };

	/** The largest value of each flag column, 10 to 15. */
	private static final int[] FLAG_MAXIMUM = { 1, 1, 1, 1, 2, 6 };

	private int seq;

	@Override
	public List<String> columns() {
		return TABLE_COLUMNS;
	}

	@Override
	public boolean header(List<String> first, long line) {
		return false;
	}

	@Override
	public @Nullable Object[] row(List<String> fields, long line) {
		if (fields.size() != COLUMNS) {
			throw atLine(line,
					"列の数が" + COLUMNS + "ではありません（" + fields.size() + "列）。日本郵便の utf_ken_all.csv（15列、UTF-8）か確認してください。");
		}
		String lgCode = fields.get(0).strip();
		if (!LG_CODE.matcher(lgCode).matches()) {
			throw atLine(line, column(1) + "が5桁または6桁の数字ではありません: " + shown(lgCode));
		}
		String postalCode = fields.get(2).strip();
		if (!POSTAL_CODE.matcher(postalCode).matches()) {
			throw atLine(line, column(3) + "が7桁の数字ではありません: " + shown(postalCode));
		}
		for (int i = 7; i <= 8; i++) {
			if (fields.get(i - 1).isBlank()) {
				throw atLine(line, column(i) + "が空です。");
			}
		}
		@Nullable Object[] row = new Object[TABLE_COLUMNS.size()];
		row[0] = ++seq;
		row[1] = LocalGovernmentCodes.sixDigits(lgCode);
		row[2] = fields.get(1).strip();
		row[3] = postalCode;
		for (int i = 3; i <= 8; i++) {
			row[i + 1] = fields.get(i).strip();
		}
		for (int i = 9; i < COLUMNS; i++) {
			row[i + 1] = flag(fields.get(i), i + 1, FLAG_MAXIMUM[i - 9], line);
		}
		return row;
	}

	private static Integer flag(String value, int column, int maximum, long line) {
		String stripped = value.strip();
		if (stripped.length() != 1 || stripped.charAt(0) < '0' || stripped.charAt(0) > '0' + maximum) {
			throw atLine(line, column(column) + "は0から" + maximum + "までの数字でなければなりません: " + shown(value));
		}
		return stripped.charAt(0) - '0';
	}

	private static String column(int number) {
		return number + "列目（" + NAMES[number] + "）";
	}

}
