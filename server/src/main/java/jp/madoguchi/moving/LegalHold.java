package jp.madoguchi.moving;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Whether a notification is exempt from the retention purge (保存延長), why, by whom, since
 * when.
 */
public record LegalHold(UUID notificationId, boolean held, @Nullable String reason, @Nullable String by,
		@Nullable Instant at) {

}
