package jp.madoguchi.accounts.domain;

import java.util.List;

/**
 * Command: an administrator creates a staff user, who must change the password at first
 * sign-in.
 */
public record NewUser(String username, String displayName, String password, List<String> groups) {

	public NewUser {
		groups = List.copyOf(groups);
	}

}
