package jp.madoguchi.accounts.domain;

import java.util.Set;

import jp.madoguchi.accounts.Permission;

/** A group of staff and the permissions it grants its members. */
public record StaffGroup(long id, String name, String description, Set<Permission> permissions) {

}
