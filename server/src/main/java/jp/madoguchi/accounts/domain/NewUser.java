package jp.madoguchi.accounts.domain;

import java.util.List;

/**
 * Command: an administrator creates a staff user, who must change the password at first
 * sign-in. A service account is a program's user: API tokens may be issued for it by an
 * administrator; the mark is set at creation and never changed.
 */
public record NewUser(String username, String displayName, String password, List<String> groups,
		boolean serviceAccount) {

	public NewUser {
		groups = List.copyOf(groups);
	}

	/** A person's account (not a service account). */
	public NewUser(String username, String displayName, String password, List<String> groups) {
		this(username, displayName, password, groups, false);
	}

}
