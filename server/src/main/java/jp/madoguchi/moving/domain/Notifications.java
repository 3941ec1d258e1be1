package jp.madoguchi.moving.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jp.madoguchi.retention.LegalHold;
import org.jspecify.annotations.Nullable;

/**
 * All moving notifications. The content is kept exactly as given, without My Numbers:
 * those are kept apart, sealed. Names are kept as folded keys, so search by kanji or kana
 * is an index lookup.
 */
public interface Notifications {

	/** The notification; its content carries no My Numbers ({@link #myNumbers}). */
	Optional<Notification> find(UUID id);

	/** Stores a notification created just now, with its My Numbers. */
	void add(Notification notification);

	/**
	 * Stores a changed content (and its findings and My Numbers) if the version is still
	 * the one it was read with; otherwise someone saved first and the change is refused.
	 */
	void update(Notification notification);

	/**
	 * Stores a change of status only (accepted, cancelled, sent): the status columns and
	 * the version, never the content or the My Numbers. Refused like {@link #update} when
	 * the version changed since it was read.
	 */
	void updateStatus(Notification notification);

	void setLegalHold(UUID id, LegalHold hold);

	Optional<LegalHold> legalHold(UUID id);

	/** The My Numbers of a notification, by person position, decrypted. */
	List<@Nullable String> myNumbers(UUID id, int persons);

	/** The ids of the keys stored My Numbers are sealed with. */
	Set<String> myNumberKeyIds();

	/**
	 * Newest first. A name is looked up as an exact key first, then, if that leaves room,
	 * as a key prefix.
	 */
	List<Notification> search(NotificationSearch search);

}
