package jp.madoguchi.moving.persistence;

import java.time.Clock;
import java.time.LocalDate;
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

	private final Clock clock;

	JdbcRelationshipMaster(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The codes valid today: retired ones and those not yet valid are not offered. */
	@Override
	public List<Relationship> active() {
		return jdbc.sql("""
				select code, label as name, sort_order from moving.relationships
				 where (valid_from is null or valid_from <= :today) and (valid_to is null or valid_to >= :today)
				 order by sort_order""").param("today", LocalDate.now(clock)).query(Relationship.class).list();
	}

	@Override
	public Set<String> names() {
		return new LinkedHashSet<>(active().stream().map(Relationship::name).toList());
	}

}
