package jp.madoguchi.accounts.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff groups and the permissions they grant. Each change is validated here and recorded
 * in the audit trail in the same transaction.
 */
@Service
@Transactional
public class GroupAdministration {

	private final Groups groups;

	private final AuditTrail audit;

	private final StaffSessions sessions;

	GroupAdministration(Groups groups, AuditTrail audit, StaffSessions sessions) {
		this.groups = groups;
		this.audit = audit;
		this.sessions = sessions;
	}

	@Transactional(readOnly = true)
	public List<StaffGroup> groups() {
		return groups.all();
	}

	@Transactional(readOnly = true)
	public StaffGroup group(long id) {
		return groups.find(id).orElseThrow(() -> ProblemException.notFound("GROUP_NOT_FOUND"));
	}

	@Transactional(readOnly = true)
	public List<String> members(long groupId) {
		return groups.members(groupId);
	}

	public StaffGroup createGroup(GroupDefinition definition) {
		requireGroupName(definition.name());
		if (groups.exists(definition.name())) {
			throw ProblemException.conflict("GROUP_NAME_TAKEN");
		}
		long id = groups.add(definition.name(), definition.description());
		groups.replacePermissions(id, definition.permissions());
		audit.record(AuditEntry.success("GROUP_CREATED", "group:" + id,
				definition.name() + " permissions=" + sorted(definition.permissions())));
		return group(id);
	}

	public StaffGroup changeGroup(long id, GroupDefinition definition) {
		StaffGroup before = group(id);
		requireGroupName(definition.name());
		if (!before.name().equals(definition.name()) && groups.exists(definition.name())) {
			throw ProblemException.conflict("GROUP_NAME_TAKEN");
		}
		groups.update(id, definition.name(), definition.description());
		groups.replacePermissions(id, definition.permissions());
		// A signed-in member keeps the permissions read at sign-in: end their sessions so
		// that a permission taken away is gone at once.
		String ended = "";
		if (!before.permissions().equals(definition.permissions())) {
			ended = " sessionsEnded=" + groups.members(id).stream().mapToInt(sessions::endAll).sum();
		}
		audit.record(AuditEntry.success("GROUP_UPDATED", "group:" + id, definition.name() + " permissions="
				+ sorted(before.permissions()) + "→" + sorted(definition.permissions()) + ended));
		return group(id);
	}

	private void requireGroupName(String name) {
		if (name.isEmpty() || name.length() > 100) {
			throw ProblemException.invalid("VALIDATION_FAILED").because("groupName");
		}
	}

	private static List<String> sorted(Set<Permission> permissions) {
		List<String> names = new ArrayList<>(permissions.stream().map(Permission::name).toList());
		names.sort(null);
		return names;
	}

}
