package jp.madoguchi.text;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as staff type them and as forms print them: 和暦 (令和7年4月1日, R7.4.1, 元年) and
 * Gregorian dates. Dates are stored as ISO dates; the era is only a way of writing them.
 * <p>
 * {@link #parse(String)} accepts, after turning full-width digits, letters and
 * punctuation into ASCII and dropping spaces:
 * <ul>
 * <li>Gregorian: {@code 2025-04-01}, {@code 2025/4/1}, {@code 2025.4.1},
 * {@code 2025年4月1日}, {@code 20250401};</li>
 * <li>era with a letter, a kanji or a squared era sign (M T S H R, 明 大 昭 平 令, 明治 ... 令和,
 * ㍾ ㍽ ㍼ ㍻ ㋿; letters in either case): {@code R7.4.1}, {@code R7/4/1}, {@code R7-4-1},
 * {@code 令和7年4月1日}, {@code 令和元年5月1日}, {@code R元.5.1};</li>
 * <li>compact, as typed on a numeric keypad: {@code R070401} (era, then two digits each
 * for year, month and day) and {@code 5070401} (the era code 1 明治 .. 5 令和 of
 * resident-record systems and the IC driver's licence, then YYMMDD).</li>
 * </ul>
 * A date that does not exist (2月30日) or lies outside its era (H31.5.1: 平成 ended on
 * 2019-04-30; R1.4.30: 令和 began on 2019-05-01) is refused with a message saying why.
 */
public final class JapaneseDates {

	private static final String ERA = "(明治|大正|昭和|平成|令和|明|大|昭|平|令|[MTSHR])";

	private static final Pattern GREGORIAN = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");

	private static final Pattern GREGORIAN_KANJI = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日?");

	private static final Pattern GREGORIAN_COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern ERA_SEPARATED = Pattern.compile(ERA + "(元|\\d{1,2})([-/.])(\\d{1,2})\\3(\\d{1,2})");

	private static final Pattern ERA_KANJI = Pattern.compile(ERA + "(元|\\d{1,2})年(\\d{1,2})月(\\d{1,2})日?");

	private static final Pattern ERA_COMPACT = Pattern.compile(ERA + "(\\d{2})(\\d{2})(\\d{2})");

	private static final Pattern ERA_CODE_COMPACT = Pattern.compile("([1-5])(\\d{2})(\\d{2})(\\d{2})");

	private static final String EXAMPLES = "例: 2025-04-01、R7.4.1、令和7年4月1日";

	private JapaneseDates() {
	}

	/**
	 * The date {@code text} denotes.
	 * @throws DateParseException with a Japanese message when the text is not a date,
	 * names a day that does not exist, or a day outside the era it names
	 */
	public static LocalDate parse(String text) throws DateParseException {
		String input = normalize(text);
		if (input.isEmpty()) {
			throw new DateParseException(text, "日付が入力されていません。" + EXAMPLES);
		}
		Matcher m;
		if ((m = GREGORIAN.matcher(input)).matches()) {
			return gregorian(text, m.group(1), m.group(3), m.group(4));
		}
		if ((m = GREGORIAN_KANJI.matcher(input)).matches() || (m = GREGORIAN_COMPACT.matcher(input)).matches()) {
			return gregorian(text, m.group(1), m.group(2), m.group(3));
		}
		if ((m = ERA_SEPARATED.matcher(input)).matches()) {
			return inEra(text, era(m.group(1)), eraYear(m.group(2)), m.group(4), m.group(5));
		}
		if ((m = ERA_KANJI.matcher(input)).matches() || (m = ERA_COMPACT.matcher(input)).matches()) {
			return inEra(text, era(m.group(1)), eraYear(m.group(2)), m.group(3), m.group(4));
		}
		if ((m = ERA_CODE_COMPACT.matcher(input)).matches()) {
			Era era = Era.values()[m.group(1).charAt(0) - '1'];
			return inEra(text, era, Integer.parseInt(m.group(2)), m.group(3), m.group(4));
		}
		throw new DateParseException(text, "「" + shorten(text) + "」は日付として読めません。" + EXAMPLES);
	}

	/**
	 * The date {@code text} denotes, or empty when {@link #parse(String)} would refuse
	 * it.
	 */
	public static Optional<LocalDate> tryParse(String text) {
		try {
			return Optional.of(parse(text));
		}
		catch (DateParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The date as forms write it: {@code 令和7年4月1日}, {@code 令和元年5月1日}. A date before 明治
	 * has no era and is written in the Gregorian calendar ({@code 1868年1月1日}).
	 */
	public static String format(LocalDate date) {
		Optional<Era> era = Era.of(date);
		if (era.isEmpty()) {
			return formatGregorian(date);
		}
		return era.get().kanji() + withinEra(era.get(), date);
	}

	/**
	 * The date as staff write it in short: {@code R7.4.1}, {@code H31.4.30}; the first
	 * year is 1 ({@code R1.5.1}). A date before 明治 is written {@code 1868.1.1}.
	 */
	public static String formatShort(LocalDate date) {
		Optional<Era> era = Era.of(date);
		String year = era.map((e) -> e.letter() + Integer.toString(e.yearOf(date)))
			.orElse(Integer.toString(date.getYear()));
		return year + "." + date.getMonthValue() + "." + date.getDayOfMonth();
	}

	/** The Gregorian date written the Japanese way: {@code 2025年4月1日}. */
	public static String formatGregorian(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	/** Both calendars, for screens: {@code 令和7年4月1日（2025年4月1日）}. */
	public static String formatWithGregorian(LocalDate date) {
		if (Era.of(date).isEmpty()) {
			return formatGregorian(date);
		}
		return format(date) + "（" + formatGregorian(date) + "）";
	}

	private static LocalDate gregorian(String text, String yearText, String monthText, String dayText) {
		int year = Integer.parseInt(yearText);
		int month = Integer.parseInt(monthText);
		int day = Integer.parseInt(dayText);
		if (year < 1) {
			throw new DateParseException(text, "「" + shorten(text) + "」の年が正しくありません。" + EXAMPLES);
		}
		checkMonthAndDay(text, year + "年", year, month, day);
		return LocalDate.of(year, month, day);
	}

	private static LocalDate inEra(String text, Era era, int eraYear, String monthText, String dayText) {
		int month = Integer.parseInt(monthText);
		int day = Integer.parseInt(dayText);
		String yearLabel = era.kanji() + ((eraYear == 1) ? "元" : Integer.toString(eraYear)) + "年";
		if (eraYear < 1) {
			throw new DateParseException(text, era.kanji() + eraYear + "年はありません。" + era.kanji() + "は元年（1年）から数えます");
		}
		int year = era.start().getYear() + eraYear - 1;
		checkMonthAndDay(text, yearLabel, year, month, day);
		LocalDate date = LocalDate.of(year, month, day);
		String label = yearLabel + month + "月" + day + "日";
		if (date.isBefore(era.start())) {
			throw new DateParseException(text,
					label + "はありません。" + era.kanji() + "は" + withinEra(era, era.start()) + "からです" + whatItIs(date));
		}
		Optional<LocalDate> end = era.end();
		if (end.isPresent() && date.isAfter(end.get())) {
			throw new DateParseException(text,
					label + "はありません。" + era.kanji() + "は" + withinEra(era, end.get()) + "までです" + whatItIs(date));
		}
		return date;
	}

	/** The date written within {@code era}, without the era's name: 元年5月1日. */
	private static String withinEra(Era era, LocalDate date) {
		int year = era.yearOf(date);
		return ((year == 1) ? "元" : Integer.toString(year)) + "年" + date.getMonthValue() + "月" + date.getDayOfMonth()
				+ "日";
	}

	private static String whatItIs(LocalDate date) {
		if (Era.of(date).isEmpty()) {
			return "（" + formatGregorian(date) + "は明治より前です）";
		}
		return "（" + formatGregorian(date) + "は" + format(date) + "）";
	}

	private static void checkMonthAndDay(String text, String yearLabel, int year, int month, int day) {
		if (month < 1 || month > 12) {
			throw new DateParseException(text, yearLabel + month + "月はありません。月は1から12までです");
		}
		int length = YearMonth.of(year, month).lengthOfMonth();
		if (day < 1 || day > length) {
			throw new DateParseException(text,
					yearLabel + month + "月" + day + "日という日はありません（" + year + "年" + month + "月は" + length + "日までです）");
		}
	}

	private static Era era(String token) {
		for (Era era : Era.values()) {
			if (token.equals(era.kanji()) || token.equals(era.kanji().substring(0, 1))
					|| token.equals(String.valueOf(era.letter()))) {
				return era;
			}
		}
		throw new IllegalStateException("the pattern admits only era names, got " + token);
	}

	private static int eraYear(String token) {
		return token.equals("元") ? 1 : Integer.parseInt(token);
	}

	/**
	 * Full-width ASCII to ASCII, dashes to '-', squared era signs to their names, letters
	 * to upper case; spaces dropped.
	 */
	private static String normalize(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach((cp) -> {
			if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
				return;
			}
			if (cp >= 0xFF01 && cp <= 0xFF5E) {
				cp -= 0xFEE0;
			}
			switch (cp) {
				case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x30FC, 0xFF70 -> out.append('-');
				case 0x337E -> out.append("明治");
				case 0x337D -> out.append("大正");
				case 0x337C -> out.append("昭和");
				case 0x337B -> out.append("平成");
				case 0x32FF -> out.append("令和");
				default -> out.appendCodePoint((cp >= 'a' && cp <= 'z') ? cp - 'a' + 'A' : cp);
			}
		});
		return out.toString();
	}

	private static String shorten(String text) {
		return (text.codePointCount(0, text.length()) <= 20) ? text
				: text.substring(0, text.offsetByCodePoints(0, 20)) + "…";
	}

}
