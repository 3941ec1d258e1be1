package jp.madoguchi.accounts.domain;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A staff user as the admin screens show it; the password hash stays in persistence. */
public record UserAccount(long id, String username, String displayName, boolean mustChangePassword, boolean enabled,
		int failedLogins, @Nullable Instant lockedUntil, Instant createdAt, @Nullable Instant lastLoginAt,
		List<String> groups, int version, boolean serviceAccount) {

	public boolean isLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

}
