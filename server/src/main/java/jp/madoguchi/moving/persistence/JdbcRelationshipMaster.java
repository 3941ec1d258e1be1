package jp.madoguchi.moving.persistence;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.madoguchi.moving.domain.Relationship;
import jp.madoguchi.moving.domain.RelationshipMaster;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRelationshipMaster implements RelationshipMaster {

	private final JdbcClient jdbc;

	JdbcRelationshipMaster(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Relationship> active() {
		return jdbc.sql("select code, name, sort_order from moving.relationships where active order by sort_order")
			.query(Relationship.class)
			.list();
	}

	@Override
	public Set<String> names() {
		return new LinkedHashSet<>(active().stream().map(Relationship::name).toList());
	}

}
