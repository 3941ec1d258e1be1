package jp.madoguchi.forms.template;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.madoguchi.moving.NotificationContent.Address;
import jp.madoguchi.text.JapaneseDates;
import org.jspecify.annotations.Nullable;

/**
 * How a field prints its value. Without a format a value prints by its type: a date in 和暦
 * (令和7年4月1日), an address on one line, a yes/no as a check mark when yes, a list joined
 * with 「、」.
 * <ul>
 * <li>{@code text}: as it is;</li>
 * <li>{@code date} 令和7年4月1日, {@code date-short} R7.4.1, {@code date-gregorian}
 * 2025年4月1日;</li>
 * <li>{@code kana}: in katakana (hiragana turned into katakana);</li>
 * <li>{@code address}: one line; {@code postal}: 〒085-0000;</li>
 * <li>{@code check}: ✓ when true; {@code equals:VALUE}: ✓ when the value is VALUE (a
 * check box per kind, e.g. {@code equals:MOVE_IN});</li>
 * <li>{@code list}: joined with 「、」; {@code lines}: one item per line.</li>
 * </ul>
 */
public final class Formats {

	/** The check mark printed in a box that applies. */
	public static final String CHECK_MARK = "✓";

	private static final List<String> NAMES = List.of("text", "date", "date-short", "date-gregorian", "kana", "address",
			"postal", "check", "list", "lines");

	private Formats() {
	}

	/**
	 * Why {@code format} cannot print a value of {@code type}, in Japanese, or empty when
	 * it can.
	 */
	public static Optional<String> problem(Class<?> type, @Nullable String format) {
		if (format == null || format.isEmpty()) {
			return Optional.empty();
		}
		if (format.startsWith("equals:")) {
			return (format.length() > "equals:".length()) ? Optional.empty() : Optional.of("equals: の後に比べる値を書いてください");
		}
		if (!NAMES.contains(format)) {
			return Optional.of("書式「" + format + "」はありません（使える書式: " + String.join(", ", NAMES) + ", equals:値）");
		}
		boolean fits = switch (format) {
			case "date", "date-short", "date-gregorian" -> LocalDate.class.equals(type);
			case "address" -> Address.class.equals(type);
			case "check" -> Boolean.class.equals(type);
			case "list", "lines" -> List.class.equals(type);
			case "postal", "kana" -> String.class.equals(type);
			default -> !type.isRecord() && !List.class.equals(type);
		};
		return fits ? Optional.empty() : Optional.of("書式「" + format + "」は" + typeName(type) + "のデータには使えません");
	}

	/** Whether values of {@code type} can be printed at all (not a list of records). */
	public static boolean printable(Class<?> type) {
		return !type.isRecord() || Address.class.equals(type);
	}

	/** The text {@code value} prints as; empty for null. */
	public static String format(@Nullable Object value, @Nullable String format) {
		if (format != null && format.startsWith("equals:")) {
			return (value != null && String.valueOf(value).equals(format.substring("equals:".length()))) ? CHECK_MARK
					: "";
		}
		if (value == null) {
			return "";
		}
		String name = (format == null || format.isEmpty()) ? "" : format;
		if (value instanceof LocalDate date) {
			return switch (name) {
				case "date-short" -> JapaneseDates.formatShort(date);
				case "date-gregorian" -> JapaneseDates.formatGregorian(date);
				default -> JapaneseDates.format(date);
			};
		}
		if (value instanceof Address address) {
			return address.oneLine();
		}
		if (value instanceof Boolean yes) {
			return yes ? CHECK_MARK : "";
		}
		if (value instanceof List<?> list) {
			String separator = "lines".equals(name) ? "\n" : "、";
			return list.stream().map(String::valueOf).collect(Collectors.joining(separator));
		}
		String text = String.valueOf(value);
		return switch (name) {
			case "kana" -> katakana(text);
			case "postal" -> postal(text);
			default -> text;
		};
	}

	static String katakana(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> out.appendCodePoint((cp >= 0x3041 && cp <= 0x3096) ? cp + 0x60 : cp));
		return out.toString();
	}

	static String postal(String text) {
		String digits = text.replaceAll("[^0-9]", "");
		if (digits.length() == 7) {
			return "〒" + digits.substring(0, 3) + "-" + digits.substring(3);
		}
		return text.isEmpty() ? "" : "〒" + text;
	}

	private static String typeName(Class<?> type) {
		if (LocalDate.class.equals(type)) {
			return "日付";
		}
		if (Boolean.class.equals(type)) {
			return "はい・いいえ";
		}
		if (List.class.equals(type)) {
			return "一覧";
		}
		if (Address.class.equals(type)) {
			return "住所";
		}
		return "文字";
	}

}
