package jp.madoguchi.accounts.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An API token as listed to admins: never the token itself, only its first characters.
 */
public record ApiToken(long id, String name, String username, String prefix, Instant createdAt, String createdBy,
		@Nullable Instant lastUsedAt, @Nullable Instant revokedAt, Instant expiresAt) {

	public boolean isRevoked() {
		return revokedAt != null;
	}

	public boolean isExpired(Instant now) {
		return !expiresAt.isAfter(now);
	}

	/** How the audit trail names the token: its id, never its secret. */
	public String subject() {
		return "api-token:" + id;
	}

}
