package jp.madoguchi.residentrecord;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What to look up: a name (kanji or kana, family and given name with or without a space),
 * a birth date, a household number, an address (from its start or from the town on, e.g.
 * {@code 黒金町7丁目5}); at least one of them. Every criterion given must match.
 */
public record ResidentQuery(@Nullable String name, @Nullable LocalDate birthDate, @Nullable String householdId,
		@Nullable String address) {

	public ResidentQuery(@Nullable String name, @Nullable LocalDate birthDate, @Nullable String householdId) {
		this(name, birthDate, householdId, null);
	}

	public boolean isEmpty() {
		return blank(name) && birthDate == null && blank(householdId) && blank(address);
	}

	static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
