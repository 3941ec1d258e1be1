package jp.madoguchi.accounts.domain;

import java.util.List;

/**
 * Command: an administrator changes a user's name, state and groups, based on a version
 * seen.
 */
public record UserChange(String displayName, boolean enabled, List<String> groups, int version) {

	public UserChange {
		groups = List.copyOf(groups);
	}

}
