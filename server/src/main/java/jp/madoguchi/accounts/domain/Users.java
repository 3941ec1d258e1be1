package jp.madoguchi.accounts.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.madoguchi.accounts.Permission;
import org.jspecify.annotations.Nullable;

/** All staff users. */
public interface Users {

	/** Sign-in data: the hash and what decides whether the user may sign in. */
	record Credentials(long id, String username, String passwordHash, boolean enabled, boolean mustChangePassword,
			@Nullable Instant lockedUntil, boolean serviceAccount) {
	}

	boolean isEmpty();

	/**
	 * Waits for and holds, until the transaction ends, the lock that lets only one first
	 * administrator be created at a time.
	 */
	void lockFirstUser();

	long add(String username, String displayName, String passwordHash, boolean mustChangePassword,
			boolean serviceAccount);

	boolean exists(String username);

	Optional<UserAccount> find(String username);

	List<UserAccount> all();

	Optional<Credentials> credentials(String username);

	/** Permissions a user holds through all groups. */
	Set<Permission> permissions(String username);

	/**
	 * Updates profile and state; false when the version is stale (someone saved first).
	 */
	boolean update(String username, String displayName, boolean enabled, int expectedVersion);

	void replaceGroups(String username, Collection<String> groupNames);

	void setPassword(String username, String passwordHash, boolean mustChangePassword);

	/**
	 * Replaces a hash by one of the same password with stronger parameters (at sign-in);
	 * the password itself did not change.
	 */
	void rehash(String username, String passwordHash);

	/**
	 * Counts a failed sign-in; the attempt that reaches {@code threshold} locks the
	 * account for {@code lockFor} and starts the count again. Returns true when this
	 * attempt locked it.
	 */
	boolean countFailure(String username, int threshold, Duration lockFor);

	void recordSuccessfulLogin(String username);

	void unlock(String username);

}
