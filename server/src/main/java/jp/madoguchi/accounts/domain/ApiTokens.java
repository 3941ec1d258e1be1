package jp.madoguchi.accounts.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** All API tokens, found by the hash of their secret. */
public interface ApiTokens {

	ApiToken add(String name, String username, String hash, String prefix, String createdBy, Instant expiresAt);

	Optional<ApiToken> find(long id);

	List<ApiToken> all();

	/**
	 * The token with this hash, unless revoked; marked used (to the minute: a program
	 * calling many times a second must not turn every read into a write) when it has not
	 * expired.
	 */
	Optional<ApiToken> useToken(String hash);

	/** Revokes a live token; false when it was revoked already. */
	boolean revoke(long id);

}
