package jp.madoguchi.reception.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.reception.domain.DisplayTokens.DisplayToken;
import org.jspecify.annotations.Nullable;

/** The display tokens administrators issued, each kept as the hash of its secret. */
public interface IssuedDisplayTokens {

	void add(UUID id, String queue, String name, String tokenHash, Instant createdAt, String createdBy);

	void revoke(UUID id, Instant at);

	/** Newest first. */
	List<DisplayToken> list();

	/** Whether a paired token with this hash is live for the queue. */
	boolean live(String tokenHash, String queue);

	/**
	 * Replaces the hash of an unpaired, live pairing code by the paired secret's, once;
	 * the queue, or null when there is no such code.
	 */
	@Nullable String pair(String codeHash, String secretHash, Instant at);

}
