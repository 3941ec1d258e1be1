package jp.madoguchi.accounts.domain;

/**
 * The open sessions of staff members. When an administrator disables a user, changes
 * their groups or resets their password, the user's sessions end at once: the next
 * request of an old session is treated as signed out.
 */
public interface StaffSessions {

	/** Ends every session of the user; returns how many there were. */
	int endAll(String username);

}
