package jp.madoguchi.accounts.domain;

import java.util.Set;

import jp.madoguchi.accounts.Permission;

/** Command: what a group is called, what it is for and which permissions it grants. */
public record GroupDefinition(String name, String description, Set<Permission> permissions) {

	public GroupDefinition {
		name = name.strip();
		description = description.strip();
		permissions = Set.copyOf(permissions);
	}

}
