package jp.madoguchi.forms.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A resident's signature as stored.
 *
 * @param strokesJson {@code [[[x, y, pressure], ...], ...]}, points normalised to the pad
 */
public record StoredSignature(UUID id, UUID notificationId, String contentHash, String strokesJson, Instant signedAt,
		String capturedBy) {

}
