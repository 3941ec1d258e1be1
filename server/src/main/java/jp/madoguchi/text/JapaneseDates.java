package jp.madoguchi.text;

import java.time.LocalDate;

/** Placeholder until the text module lands. */
public final class JapaneseDates {

	private JapaneseDates() {
	}

	public static LocalDate parse(String text) {
		return LocalDate.parse(text.strip());
	}

	public static String format(LocalDate date) {
		return date.toString();
	}

}
