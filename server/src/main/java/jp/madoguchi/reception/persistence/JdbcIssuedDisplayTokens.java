package jp.madoguchi.reception.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.reception.domain.DisplayTokens.DisplayToken;
import jp.madoguchi.reception.domain.IssuedDisplayTokens;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIssuedDisplayTokens implements IssuedDisplayTokens {

	private final JdbcClient jdbc;

	JdbcIssuedDisplayTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(UUID id, String queue, String name, String tokenHash, Instant createdAt, String createdBy) {
		jdbc.sql("""
				insert into reception.display_tokens (id, queue_code, name, token_hash, created_at, created_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, queue, name, tokenHash, Timestamp.from(createdAt), createdBy)
			.update();
	}

	@Override
	public void revoke(UUID id, Instant at) {
		jdbc.sql("update reception.display_tokens set revoked_at = ? where id = ? and revoked_at is null")
			.params(Timestamp.from(at), id)
			.update();
	}

	@Override
	public List<DisplayToken> list() {
		return jdbc.sql("select * from reception.display_tokens order by created_at desc")
			.query((rs, n) -> new DisplayToken(rs.getObject("id", UUID.class), rs.getString("queue_code"),
					rs.getString("name"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
					(rs.getTimestamp("revoked_at") != null) ? rs.getTimestamp("revoked_at").toInstant() : null))
			.list();
	}

	@Override
	public boolean live(String tokenHash, String queue) {
		return jdbc.sql("""
				select count(*) from reception.display_tokens where token_hash = ? and queue_code = ?
				and revoked_at is null and paired_at is not null""")
			.params(tokenHash, queue)
			.query(Integer.class)
			.single() > 0;
	}

	@Override
	public @Nullable String pair(String codeHash, String secretHash, Instant at) {
		return jdbc.sql("""
				update reception.display_tokens set token_hash = ?, paired_at = ?
				where token_hash = ? and paired_at is null and revoked_at is null
				returning queue_code""")
			.params(secretHash, Timestamp.from(at), codeHash)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
