package jp.madoguchi.audit.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditOutcome;
import jp.madoguchi.audit.AuditQuery;
import jp.madoguchi.audit.domain.AuditEventRepository;
import jp.madoguchi.audit.domain.ChainAnchor;
import jp.madoguchi.audit.domain.ChainHead;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAuditEventRepository implements AuditEventRepository {

	private static final String COLUMNS = "id, occurred_at, actor, terminal, ip, action, subject, outcome, detail, prev_hash, hash";

	private final JdbcClient jdbc;

	JdbcAuditEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public ChainHead lockHead() {
		return jdbc.sql("select last_id, last_hash from audit.chain_head for update")
			.query((rs, row) -> new ChainHead(rs.getLong(1), rs.getString(2)))
			.single();
	}

	@Override
	public ChainHead head() {
		return jdbc.sql("select last_id, last_hash from audit.chain_head")
			.query((rs, row) -> new ChainHead(rs.getLong(1), rs.getString(2)))
			.single();
	}

	@Override
	public void append(AuditEvent event) {
		jdbc.sql("insert into audit.events (" + COLUMNS + ") values "
				+ "(:id, :occurredAt, :actor, :terminal, :ip, :action, :subject, :outcome, :detail, :prevHash, :hash)")
			.param("id", event.id())
			.param("occurredAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
			.param("actor", event.actor())
			.param("terminal", event.terminal())
			.param("ip", event.ip())
			.param("action", event.action())
			.param("subject", event.subject())
			.param("outcome", event.outcome().name())
			.param("detail", event.detail())
			.param("prevHash", event.prevHash())
			.param("hash", event.hash())
			.update();
		jdbc.sql("update audit.chain_head set last_id = :id, last_hash = :hash")
			.param("id", event.id())
			.param("hash", event.hash())
			.update();
	}

	@Override
	public ChainAnchor anchor() {
		return jdbc.sql(
				"select purged_through_id, purged_through_hash from audit.purges order by purged_through_id desc limit 1")
			.query((rs, row) -> new ChainAnchor(rs.getLong(1), rs.getString(2)))
			.optional()
			.orElse(ChainAnchor.GENESIS);
	}

	@Override
	public Optional<AuditEvent> lastBefore(Instant cutoff) {
		return jdbc
			.sql("select " + COLUMNS
					+ " from audit.events where id = (select max(id) from audit.events where occurred_at < :cutoff)")
			.param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
			.query(JdbcAuditEventRepository::event)
			.optional();
	}

	@Override
	public long countBefore(Instant cutoff) {
		return jdbc.sql("select count(*) from audit.events where occurred_at < :cutoff")
			.param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	@Override
	public long purgeThrough(AuditEvent last) {
		long count = jdbc.sql("select count(*) from audit.events where id <= :id")
			.param("id", last.id())
			.query(Long.class)
			.single();
		jdbc.sql("insert into audit.purges (purged_through_id, purged_through_hash, purged_count) values (?, ?, ?)")
			.params(last.id(), last.hash(), count)
			.update();
		// the application role may not delete from the trail; the function runs as its
		// owner
		return jdbc.sql("select audit.purge_through(?)").param(last.id()).query(Long.class).single();
	}

	@Override
	public List<AuditEvent> between(Instant from, Instant to, long afterId, int size) {
		return jdbc
			.sql("select " + COLUMNS + " from audit.events where occurred_at >= :from and occurred_at < :to"
					+ " and id > :after order by id limit :size")
			.param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
			.param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
			.param("after", afterId)
			.param("size", size)
			.query(JdbcAuditEventRepository::event)
			.list();
	}

	@Override
	public List<AuditEvent> after(long afterId, int size) {
		return jdbc.sql("select " + COLUMNS + " from audit.events where id > :after order by id limit :size")
			.param("after", afterId)
			.param("size", size)
			.query(JdbcAuditEventRepository::event)
			.list();
	}

	@Override
	public List<AuditEvent> search(AuditQuery query, long beforeId) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit.events where id < :before");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("before", beforeId);
		if (query.actor() != null) {
			sql.append(" and actor = :actor");
			params.put("actor", query.actor());
		}
		if (query.subject() != null) {
			if (query.subjectIsPrefix()) {
				sql.append(" and subject like :subject escape '\\'");
				String prefix = query.subject().substring(0, query.subject().length() - 1);
				params.put("subject", escapeLike(prefix) + "%");
			}
			else {
				sql.append(" and subject = :subject");
				params.put("subject", query.subject());
			}
		}
		if (query.action() != null) {
			sql.append(" and action = :action");
			params.put("action", query.action());
		}
		if (query.outcome() != null) {
			sql.append(" and outcome = :outcome");
			params.put("outcome", query.outcome().name());
		}
		if (query.from() != null) {
			sql.append(" and occurred_at >= :from");
			params.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
		}
		if (query.to() != null) {
			sql.append(" and occurred_at <= :to");
			params.put("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
		}
		sql.append(" order by id desc limit :limit");
		params.put("limit", query.limit());
		return jdbc.sql(sql.toString()).params(params).query(JdbcAuditEventRepository::event).list();
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static AuditEvent event(ResultSet rs, int row) throws SQLException {
		return new AuditEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("terminal"), rs.getString("ip"), rs.getString("action"),
				rs.getString("subject"), AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("detail"),
				rs.getString("prev_hash"), rs.getString("hash"));
	}

}
