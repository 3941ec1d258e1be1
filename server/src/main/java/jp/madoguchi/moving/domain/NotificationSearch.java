package jp.madoguchi.moving.domain;

import java.time.LocalDate;

import jp.madoguchi.moving.NotificationStatus;
import org.jspecify.annotations.Nullable;

/**
 * What to look notifications up by: a name (kanji or kana), the filing days, the status.
 */
public record NotificationSearch(@Nullable String name, @Nullable LocalDate from, @Nullable LocalDate to,
		@Nullable NotificationStatus status, int limit) {
}
