package jp.madoguchi.residentrecord;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What to look up among the data sent ahead: a person's name (folded as in
 * {@link ResidentQuery}), a birth date, a planned visit date; at least one of them.
 */
public record SentAheadQuery(@Nullable String name, @Nullable LocalDate birthDate,
		@Nullable LocalDate plannedVisitDate) {

	public boolean isEmpty() {
		return ResidentQuery.blank(name) && birthDate == null && plannedVisitDate == null;
	}

}
