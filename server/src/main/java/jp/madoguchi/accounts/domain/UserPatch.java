package jp.madoguchi.accounts.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Command: an administrator changes only the named parts of a user (null = unchanged),
 * optionally based on a version seen.
 */
public record UserPatch(@Nullable String displayName, @Nullable Boolean enabled, @Nullable List<String> groups,
		@Nullable Integer version) {

	public UserPatch {
		groups = (groups != null) ? List.copyOf(groups) : null;
	}

	/** The whole change this patch makes to the user as they are now. */
	UserChange applyTo(UserAccount current) {
		return new UserChange((displayName != null) ? displayName : current.displayName(),
				(enabled != null) ? enabled : current.enabled(), (groups != null) ? groups : current.groups(),
				(version != null) ? version : current.version());
	}

}
