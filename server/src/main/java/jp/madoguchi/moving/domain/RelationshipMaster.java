package jp.madoguchi.moving.domain;

import java.util.List;
import java.util.Set;

/**
 * 続柄 as seen from the head of household: a code list the city can extend or replace with
 * the official one (docs/design/domain.md §3).
 */
public interface RelationshipMaster {

	/** The relationships in use, in their usual order. */
	List<Relationship> active();

	/** The names of {@link #active()}, in the same order. */
	Set<String> names();

}
