package jp.madoguchi.residentrecord.domain.lookup;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.residentrecord.Resident;
import jp.madoguchi.text.SearchKeys;
import org.jspecify.annotations.Nullable;

/**
 * Search keys of the record: names folded with {@link SearchKeys} (as the notification
 * search folds them), addresses folded the same way and then freed of how people write
 * block numbers, so that {@code 黒金町七丁目5番地}, {@code 黒金町7丁目5} and {@code 黒金町7-5} get one
 * key.
 */
public final class RecordKeys {

	private static final Pattern KANJI_CHOME = Pattern.compile("([一二三四五六七八九十]+)丁目");

	private static final Pattern BLOCK_WORDS = Pattern.compile("丁目|番地|番|号|の");

	private RecordKeys() {
	}

	/** Family and given name folded together; empty when there is no family name. */
	public static String name(@Nullable String family, @Nullable String given) {
		String familyKey = SearchKeys.fold((family != null) ? family : "");
		return familyKey.isEmpty() ? "" : familyKey + SearchKeys.fold((given != null) ? given : "");
	}

	/** A name typed or read in one string (spaces do not matter). */
	public static String name(String text) {
		return SearchKeys.fold(text);
	}

	/** An address typed or read in one line. */
	public static String address(String text) {
		Matcher chome = KANJI_CHOME.matcher(text);
		StringBuilder digits = new StringBuilder();
		while (chome.find()) {
			chome.appendReplacement(digits, kanjiNumber(chome.group(1)) + "丁目");
		}
		chome.appendTail(digits);
		return BLOCK_WORDS.matcher(SearchKeys.fold(digits.toString())).replaceAll("");
	}

	/**
	 * The keys an address is found by: from the prefecture, from the city and from the
	 * town on (方書 included at the end).
	 */
	public static List<String> address(Resident.@Nullable Address address) {
		if (address == null) {
			return List.of();
		}
		String fromTown = text(address.town()) + text(address.block()) + text(address.building());
		String fromCity = text(address.city()) + fromTown;
		return List.of(address(text(address.prefecture()) + fromCity), address(fromCity), address(fromTown));
	}

	/** The whole address in one key, from the prefecture on. */
	public static String fullAddress(Resident.@Nullable Address address) {
		List<String> keys = address(address);
		return keys.isEmpty() ? "" : keys.get(0);
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

	/** 七 → 7, 十二 → 12, 二十 → 20 (the 丁目 of a town, below a hundred). */
	private static String kanjiNumber(String kanji) {
		int value = 0;
		int digit = 0;
		for (char c : kanji.toCharArray()) {
			if (c == '十') {
				value += ((digit == 0) ? 1 : digit) * 10;
				digit = 0;
			}
			else {
				digit = "一二三四五六七八九".indexOf(c) + 1;
			}
		}
		return Integer.toString(value + digit);
	}

}
