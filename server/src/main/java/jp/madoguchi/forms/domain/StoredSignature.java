package jp.madoguchi.forms.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A resident's signature as stored.
 *
 * @param strokesJson {@code [[[x, y, pressure], ...], ...]}, points normalised to the pad
 * @param signer who signed, by name as printed on the forms; null for a signature of the
 * notification as a whole
 * @param formHashes the forms the signature covers, each with the SHA-256 of its content
 * (template and filled data) when signed; null for signatures made before forms were
 * hashed one by one (they sign the notification's content only)
 */
public record StoredSignature(UUID id, UUID notificationId, String contentHash, String strokesJson, Instant signedAt,
		String capturedBy, @Nullable String signer, @Nullable Map<String, String> formHashes) {

	public StoredSignature {
		formHashes = (formHashes != null) ? Map.copyOf(formHashes) : null;
	}

	/**
	 * Whether this signature signs the current content of the form: the notification's
	 * content unchanged, and — for a signature made since forms carry their own hash —
	 * the form among those it covered, unchanged (template and data).
	 */
	public boolean signs(String currentContentHash, String formId, String currentFormHash) {
		return contentHash.equals(currentContentHash)
				&& (formHashes == null || currentFormHash.equals(formHashes.get(formId)));
	}

}
