package jp.madoguchi.moving.persistence;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 続柄 as seen from the head of household: a code list the city can extend or replace with
 * the official one (docs/design/domain.md §3).
 */
@Repository
public class RelationshipMaster {

	public record Relationship(String code, String name, int sortOrder) {
	}

	private final JdbcClient jdbc;

	RelationshipMaster(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Relationship> active() {
		return jdbc.sql("select code, name, sort_order from moving.relationships where active order by sort_order")
			.query(Relationship.class)
			.list();
	}

	public Set<String> names() {
		return new LinkedHashSet<>(active().stream().map(Relationship::name).toList());
	}

}
