package jp.madoguchi.accounts.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.madoguchi.accounts.Permission;

/** All staff groups and the permissions each grants. */
public interface Groups {

	long add(String name, String description);

	boolean exists(String name);

	/** The names among these that no group has. */
	List<String> missing(Collection<String> names);

	Optional<StaffGroup> find(long id);

	List<StaffGroup> all();

	/** User names of the group's members, in order. */
	List<String> members(long groupId);

	void update(long id, String name, String description);

	void replacePermissions(long groupId, Set<Permission> permissions);

}
