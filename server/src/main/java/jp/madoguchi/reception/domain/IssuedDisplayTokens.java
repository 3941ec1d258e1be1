package jp.madoguchi.reception.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.reception.domain.DisplayTokens.DisplayToken;

/** The display tokens administrators issued, each kept as the hash of its secret. */
public interface IssuedDisplayTokens {

	void add(UUID id, String queue, String name, String tokenHash, Instant createdAt, String createdBy);

	void revoke(UUID id, Instant at);

	/** Newest first. */
	List<DisplayToken> list();

	/** Whether a token with this hash is live for the queue. */
	boolean live(String tokenHash, String queue);

}
