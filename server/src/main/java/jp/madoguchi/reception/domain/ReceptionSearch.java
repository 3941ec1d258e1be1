package jp.madoguchi.reception.domain;

import java.time.LocalDate;

import jp.madoguchi.reception.TaskStatus;
import org.jspecify.annotations.Nullable;

/**
 * 受付情報照会: what to look for. A name matches when its folded key starts with the folded
 * search text; status and queue match any of the reception's tasks.
 */
public record ReceptionSearch(@Nullable LocalDate date, @Nullable TaskStatus status, @Nullable String name,
		@Nullable Integer ticket, @Nullable String queue, int limit) {
}
