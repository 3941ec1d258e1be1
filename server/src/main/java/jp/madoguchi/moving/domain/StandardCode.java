package jp.madoguchi.moving.domain;

import java.time.LocalDate;

import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import org.jspecify.annotations.Nullable;

/**
 * One code of a master.
 *
 * @param code the code the resident-record system receives
 * @param label the name people read
 * @param source where the code comes from (the standard, or the city's own)
 * @param validFrom the first day it may be used, or {@code null} for always
 * @param validTo the last day it may be used (retired after it), or {@code null}
 * @param type for a 異動事由, the notification kind it is for
 * @param variant for a 異動事由, the variant of that kind
 * @param sortOrder where it stands in lists
 */
public record StandardCode(String code, String label, String source, @Nullable LocalDate validFrom,
		@Nullable LocalDate validTo, int sortOrder, @Nullable NotificationType type, @Nullable Variant variant) {

	public boolean validOn(LocalDate day) {
		return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
	}

	/** Whether it can be valid on some day from {@code day} on. */
	public boolean validOnOrAfter(LocalDate day) {
		return validTo == null || !validTo.isBefore(day);
	}

}
