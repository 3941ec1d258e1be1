package jp.madoguchi.text;

import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The Japanese eras (元号) since the Meiji restoration, with the first day of each in the
 * Gregorian calendar. 明治 starts on 1868-10-23, the day the era name was proclaimed; the
 * Gregorian calendar is applied to all dates, including those before Japan adopted it on
 * 明治6年1月1日, as forms do.
 */
public enum Era {

	MEIJI("明治", 'M', 1, LocalDate.of(1868, 10, 23)),

	TAISHO("大正", 'T', 2, LocalDate.of(1912, 7, 30)),

	SHOWA("昭和", 'S', 3, LocalDate.of(1926, 12, 25)),

	HEISEI("平成", 'H', 4, LocalDate.of(1989, 1, 8)),

	REIWA("令和", 'R', 5, LocalDate.of(2019, 5, 1));

	private final String kanji;

	private final char letter;

	private final int code;

	private final LocalDate start;

	Era(String kanji, char letter, int code, LocalDate start) {
		this.kanji = kanji;
		this.letter = letter;
		this.code = code;
		this.start = start;
	}

	/** The era name in kanji, e.g. 令和. */
	public String kanji() {
		return kanji;
	}

	/** The letter staff type, e.g. R. */
	public char letter() {
		return letter;
	}

	/**
	 * The numeric era code of resident-record systems and the IC driver's licence: 1 明治
	 * to 5 令和.
	 */
	public int code() {
		return code;
	}

	/** The first day of the era. */
	public LocalDate start() {
		return start;
	}

	/** The last day of the era, or empty for the current one. */
	public Optional<LocalDate> end() {
		Era next = next();
		return (next != null) ? Optional.of(next.start.minusDays(1)) : Optional.empty();
	}

	/** Whether {@code date} falls in this era. */
	public boolean contains(LocalDate date) {
		Era next = next();
		return !date.isBefore(start) && (next == null || date.isBefore(next.start));
	}

	/** The era year of {@code date} (1 for 元年); the date need not lie in this era. */
	public int yearOf(LocalDate date) {
		return date.getYear() - start.getYear() + 1;
	}

	/** The era of {@code date}, or empty before 明治. */
	public static Optional<Era> of(LocalDate date) {
		Era[] eras = values();
		for (int i = eras.length - 1; i >= 0; i--) {
			if (!date.isBefore(eras[i].start)) {
				return Optional.of(eras[i]);
			}
		}
		return Optional.empty();
	}

	private @Nullable Era next() {
		Era[] eras = values();
		return (ordinal() + 1 < eras.length) ? eras[ordinal() + 1] : null;
	}

}
