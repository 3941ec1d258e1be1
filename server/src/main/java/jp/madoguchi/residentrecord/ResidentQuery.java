package jp.madoguchi.residentrecord;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What to look up: a name (kanji or kana, family and given name with or without a space),
 * a birth date, a household number; at least one of them.
 */
public record ResidentQuery(@Nullable String name, @Nullable LocalDate birthDate, @Nullable String householdId) {

	public boolean isEmpty() {
		return (name == null || name.isBlank()) && birthDate == null && (householdId == null || householdId.isBlank());
	}

}
