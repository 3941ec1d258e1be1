package jp.madoguchi.moving.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import jp.madoguchi.moving.domain.CodeList;
import jp.madoguchi.moving.domain.CodeMasterStore;
import jp.madoguchi.moving.domain.StandardCode;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCodeMasterStore implements CodeMasterStore {

	private static final RowMapper<StandardCode> CODE = (rs, n) -> new StandardCode(
			rs.getString("code"), rs.getString("label"), rs.getString("source"),
			rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
			rs.getInt("sort_order"), (rs.getString("notification_type") != null)
					? NotificationType.valueOf(rs.getString("notification_type")) : null,
			(rs.getString("variant") != null) ? Variant.valueOf(rs.getString("variant")) : null);

	/**
	 * The date a stored notification counts from: its filing, else the day it was
	 * created.
	 */
	private static final String DATED_AFTER = "(cast(:after as date) is null or coalesce(filed_on, (created_at at time zone 'Asia/Tokyo')::date) > cast(:after as date))";

	private final JdbcClient jdbc;

	JdbcCodeMasterStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<StandardCode> all(CodeList list) {
		return jdbc.sql(select(list) + " order by sort_order, code").query(CODE).list();
	}

	@Override
	public Optional<StandardCode> find(CodeList list, String code) {
		return jdbc.sql(select(list) + " where code = :code").param("code", code).query(CODE).optional();
	}

	@Override
	public boolean add(CodeList list, StandardCode code) {
		String sql = list.perKind() ? """
				insert into %s (code, label, notification_type, variant, source, sort_order, valid_from)
				values (:code, :label, :type, :variant, :source, :sortOrder, :validFrom)""".formatted(table(list)) : """
				insert into %s (code, label, sort_order, source, valid_from)
				values (:code, :label, :sortOrder, :source, :validFrom)""".formatted(table(list));
		try {
			jdbc.sql(sql)
				.param("code", code.code())
				.param("label", code.label())
				.param("sortOrder", code.sortOrder())
				.param("source", code.source())
				.param("validFrom", code.validFrom())
				.param("type", (code.type() != null) ? code.type().name() : null)
				.param("variant", (code.variant() != null) ? code.variant().name() : null)
				.update();
			return true;
		}
		catch (DuplicateKeyException taken) {
			return false;
		}
	}

	@Override
	public boolean change(CodeList list, String code, StandardCode changed) {
		try {
			jdbc.sql("update " + table(list)
					+ " set code = :newCode, label = :label, source = :source where code = :code")
				.param("newCode", changed.code())
				.param("label", changed.label())
				.param("source", changed.source())
				.param("code", code)
				.update();
			return true;
		}
		catch (DuplicateKeyException taken) {
			return false;
		}
	}

	@Override
	public void retire(CodeList list, String code, LocalDate lastDay) {
		jdbc.sql("update " + table(list) + " set valid_to = :lastDay where code = :code")
			.param("lastDay", lastDay)
			.param("code", code)
			.update();
	}

	@Override
	public void delete(CodeList list, String code) {
		jdbc.sql("delete from " + table(list) + " where code = :code").param("code", code).update();
	}

	@Override
	public long uses(CodeList list, String code, @Nullable LocalDate after) {
		if (!list.heldByNotifications()) {
			return 0;
		}
		String holds = (list == CodeList.RELATIONSHIPS)
				? "content -> 'persons' @> jsonb_build_array(jsonb_build_object('relationshipCode', cast(:code as text)))"
				: "content ->> 'moveReasonCode' = :code";
		return jdbc.sql("select count(*) from moving.notifications where " + holds + " and " + DATED_AFTER)
			.param("code", code)
			.param("after", after)
			.query(Long.class)
			.single();
	}

	private static String select(CodeList list) {
		String kind = list.perKind() ? "notification_type, variant" : "null as notification_type, null as variant";
		return "select code, label, source, valid_from, valid_to, sort_order, " + kind + " from " + table(list);
	}

	private static String table(CodeList list) {
		return switch (list) {
			case RELATIONSHIPS -> "moving.relationships";
			case MOVE_REASONS -> "moving.move_reasons";
			case NOTIFICATION_KINDS -> "moving.notification_kinds";
		};
	}

}
