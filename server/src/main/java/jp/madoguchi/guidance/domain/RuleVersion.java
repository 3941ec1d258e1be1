package jp.madoguchi.guidance.domain;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One version of a procedure's rule, in force from {@code effectiveFrom} through
 * {@code effectiveTo} (both inclusive; open-ended when {@code effectiveTo} is null).
 */
public record RuleVersion(String id, String procedureCode, LocalDate effectiveFrom, @Nullable LocalDate effectiveTo,
		String source) {

	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
	}

}
