package jp.madoguchi.address.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import static jp.madoguchi.address.domain.ImportProblems.atLine;
import static jp.madoguchi.address.domain.ImportProblems.shown;

/**
 * The address base registry's town master, {@code mt_town_all.csv}: UTF-8, a header row
 * naming the columns, one town (町字) per row. Columns are found by their header name, so
 * their order does not matter and columns added by later editions of the file are
 * ignored; every column of {@link #HEADER} must be present.
 */
final class TownMasterFormat implements AddressFileFormat {

	/** The columns of the file (docs/design/domain.md §6). */
	static final List<String> HEADER = List.of("lg_code", "machiaza_id", "machiaza_type", "pref", "pref_kana",
			"pref_roma", "county", "county_kana", "county_roma", "city", "city_kana", "city_roma", "ward", "ward_kana",
			"ward_roma", "oaza_cho", "oaza_cho_kana", "oaza_cho_roma", "chome", "chome_kana", "chome_number", "koaza",
			"koaza_kana", "koaza_roma", "machiaza_dist", "rsdt_addr_flg", "rsdt_addr_mtd_code", "oaza_cho_aka_flg",
			"koaza_aka_code", "oaza_cho_gsi_uncmn", "koaza_gsi_uncmn", "status_flg", "wake_num_flg", "efct_date",
			"ablt_date", "src_code", "post_code", "remarks");

	/** The columns kept, in the table's order. */
	private static final List<String> TABLE_COLUMNS = List.of("lg_code", "machiaza_id", "machiaza_type", "pref",
			"pref_kana", "county", "county_kana", "city", "city_kana", "ward", "ward_kana", "oaza_cho", "oaza_cho_kana",
			"chome", "chome_kana", "chome_number", "koaza", "koaza_kana", "rsdt_addr_flg", "status_flg", "efct_date",
			"ablt_date", "post_code", "remarks");

	private static final Pattern LG_CODE = Pattern.compile("[0-9]{6}");

	private static final Pattern MACHIAZA_ID = Pattern.compile("[0-9]{7}");

	private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{3}-?[0-9]{4}");

	private static final Pattern DIGIT = Pattern.compile("[0-9]");

	/** Index in the file of each table column. */
	private final int[] source = new int[TABLE_COLUMNS.size()];

	private int width;

	@Override
	public List<String> columns() {
		return TABLE_COLUMNS;
	}

	@Override
	public boolean header(List<String> first, long line) {
		Map<String, Integer> positions = new HashMap<>();
		for (int i = 0; i < first.size(); i++) {
			positions.putIfAbsent(first.get(i).strip(), i);
		}
		List<String> missing = new ArrayList<>();
		for (String name : HEADER) {
			if (!positions.containsKey(name)) {
				missing.add(name);
			}
		}
		if (!missing.isEmpty()) {
			throw atLine(line, "町字マスター（mt_town_all.csv）の見出し行ではありません。ない列: " + String.join(", ", missing));
		}
		for (int i = 0; i < TABLE_COLUMNS.size(); i++) {
			source[i] = positions.get(TABLE_COLUMNS.get(i));
		}
		width = first.size();
		return true;
	}

	@Override
	public @Nullable Object[] row(List<String> fields, long line) {
		if (fields.size() != width) {
			throw atLine(line, "列の数が見出し行と違います（見出し " + width + "列、この行 " + fields.size() + "列）。");
		}
		@Nullable Object[] row = new Object[TABLE_COLUMNS.size()];
		for (int i = 0; i < row.length; i++) {
			row[i] = fields.get(source[i]).strip();
		}
		require(row, "lg_code", LG_CODE, "6桁の数字", line);
		require(row, "machiaza_id", MACHIAZA_ID, "7桁の数字", line);
		require(row, "machiaza_type", DIGIT, "1桁の数字", line);
		for (String name : List.of("pref", "city")) {
			if (value(row, name).isEmpty()) {
				throw atLine(line, name + " が空です。");
			}
		}
		set(row, "rsdt_addr_flg", digitOrNull(row, "rsdt_addr_flg", line));
		set(row, "status_flg", digitOrNull(row, "status_flg", line));
		set(row, "efct_date", dateOrNull(row, "efct_date", line));
		set(row, "ablt_date", dateOrNull(row, "ablt_date", line));
		String postalCode = value(row, "post_code");
		if (postalCode.isEmpty()) {
			set(row, "post_code", null);
		}
		else if (POSTAL_CODE.matcher(postalCode).matches()) {
			set(row, "post_code", postalCode.replace("-", ""));
		}
		else {
			throw atLine(line, "post_code が7桁の数字ではありません: " + shown(postalCode));
		}
		return row;
	}

	private static void require(@Nullable Object[] row, String name, Pattern pattern, String expected, long line) {
		String value = value(row, name);
		if (!pattern.matcher(value).matches()) {
			throw atLine(line, name + " が" + expected + "ではありません: " + shown(value));
		}
	}

	private static @Nullable Integer digitOrNull(@Nullable Object[] row, String name, long line) {
		String value = value(row, name);
		if (value.isEmpty()) {
			return null;
		}
		if (!DIGIT.matcher(value).matches()) {
			throw atLine(line, name + " が1桁の数字ではありません: " + shown(value));
		}
		return value.charAt(0) - '0';
	}

	/**
	 * Dates as the registry writes them, {@code 2020-04-01}; slashes are accepted too.
	 */
	private static @Nullable LocalDate dateOrNull(@Nullable Object[] row, String name, long line) {
		String value = value(row, name);
		if (value.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(value.replace('/', '-'));
		}
		catch (DateTimeParseException ex) {
			throw atLine(line, name + " が日付（例: 2020-04-01）ではありません: " + shown(value));
		}
	}

	private static String value(@Nullable Object[] row, String name) {
		Object value = row[TABLE_COLUMNS.indexOf(name)];
		return (value != null) ? value.toString() : "";
	}

	private static void set(@Nullable Object[] row, String name, @Nullable Object value) {
		row[TABLE_COLUMNS.indexOf(name)] = value;
	}

}
