package jp.madoguchi.accounts.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.Groups;
import jp.madoguchi.accounts.domain.StaffGroup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link Groups} in schema {@code accounts}. */
@Repository
class JdbcGroups implements Groups {

	private static final String SELECT = """
			select g.id, g.name, g.description,
			coalesce(array_agg(gp.permission) filter (where gp.permission is not null), '{}') as permissions
			from accounts.groups g left join accounts.group_permissions gp on gp.group_id = g.id
			""";

	private final JdbcClient jdbc;

	JdbcGroups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long add(String name, String description) {
		return jdbc.sql("insert into accounts.groups (name, description) values (?, ?) returning id")
			.param(name)
			.param(description)
			.query(Long.class)
			.single();
	}

	@Override
	public boolean exists(String name) {
		return jdbc.sql("select exists (select 1 from accounts.groups where name = ?)")
			.param(name)
			.query(Boolean.class)
			.single();
	}

	@Override
	public List<String> missing(Collection<String> names) {
		return names.stream().filter(name -> !exists(name)).toList();
	}

	@Override
	public Optional<StaffGroup> find(long id) {
		return jdbc.sql(SELECT + " where g.id = ? group by g.id").param(id).query(JdbcGroups::map).optional();
	}

	@Override
	public List<StaffGroup> all() {
		return jdbc.sql(SELECT + " group by g.id order by g.name").query(JdbcGroups::map).list();
	}

	@Override
	public List<String> members(long groupId) {
		return jdbc.sql("""
				select u.username from accounts.users u join accounts.user_groups ug on ug.user_id = u.id
				where ug.group_id = ? order by u.username""").param(groupId).query(String.class).list();
	}

	@Override
	public void update(long id, String name, String description) {
		jdbc.sql("update accounts.groups set name = ?, description = ? where id = ?")
			.param(name)
			.param(description)
			.param(id)
			.update();
	}

	@Override
	public void replacePermissions(long groupId, Set<Permission> permissions) {
		jdbc.sql("delete from accounts.group_permissions where group_id = ?").param(groupId).update();
		for (Permission permission : permissions) {
			jdbc.sql("insert into accounts.group_permissions (group_id, permission) values (?, ?)")
				.param(groupId)
				.param(permission.name())
				.update();
		}
	}

	private static StaffGroup map(ResultSet rs, int row) throws SQLException {
		String[] names = (String[]) rs.getArray("permissions").getArray();
		return new StaffGroup(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
				Permission.known(List.of(names)));
	}

}
