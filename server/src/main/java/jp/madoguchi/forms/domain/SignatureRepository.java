package jp.madoguchi.forms.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Resident signatures in {@code forms.signatures}; the latest per notification counts.
 */
public interface SignatureRepository {

	void add(StoredSignature signature);

	Optional<StoredSignature> latest(UUID notificationId);

	/** The latest signature of each signer (null signer: the notification as a whole). */
	List<StoredSignature> latestPerSigner(UUID notificationId);

	/** Deletes every signature of these notifications. */
	long deleteOfNotifications(List<UUID> notificationIds);

}
