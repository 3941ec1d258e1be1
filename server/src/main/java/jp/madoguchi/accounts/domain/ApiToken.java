package jp.madoguchi.accounts.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An API token as listed to admins: never the token itself, only its first characters.
 */
public record ApiToken(long id, String name, String username, String prefix, Instant createdAt, String createdBy,
		@Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

	public boolean isRevoked() {
		return revokedAt != null;
	}

}
