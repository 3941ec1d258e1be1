package jp.madoguchi.platform;

import java.util.Locale;

/**
 * What a Madoguchi process serves. The counter side lives in the My-Number-use network
 * segment, the public site on the internet side (docs/design/domain.md §2), so they must
 * be able to run apart.
 */
public enum Role {

	/** Both sides in one process: development, demos, small installations. */
	ALL,
	/** Staff screens, APIs and the database; everything but the public site. */
	COUNTER,
	/** The resident-facing site only; no database, no personal data. */
	PUBLIC;

	public static final String PROPERTY = "madoguchi.role";

	public static Role parse(String value) {
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(
					"madoguchi.role must be one of all, counter, public but was '" + value + "'", ex);
		}
	}

	/**
	 * Whether a component declared for {@code servedBy} runs in a process of this role.
	 */
	public boolean runs(Role... servedBy) {
		if (this == ALL) {
			return true;
		}
		for (Role role : servedBy) {
			if (role == this) {
				return true;
			}
		}
		return false;
	}

}
