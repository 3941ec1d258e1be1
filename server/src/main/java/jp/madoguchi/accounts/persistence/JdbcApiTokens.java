package jp.madoguchi.accounts.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.accounts.domain.ApiToken;
import jp.madoguchi.accounts.domain.ApiTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link ApiTokens} in schema {@code accounts}. */
@Repository
class JdbcApiTokens implements ApiTokens {

	private static final String SELECT = """
			select t.*, u.username from accounts.api_tokens t join accounts.users u on u.id = t.user_id
			""";

	private final JdbcClient jdbc;

	JdbcApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public ApiToken add(String name, String username, String hash, String prefix, String createdBy, Instant expiresAt) {
		long id = jdbc.sql("""
				insert into accounts.api_tokens (name, user_id, token_hash, token_prefix, created_by, expires_at)
				select :name, id, :hash, :prefix, :createdBy, :expiresAt from accounts.users where username = :username
				returning id""")
			.param("name", name)
			.param("hash", hash)
			.param("prefix", prefix)
			.param("createdBy", createdBy)
			.param("expiresAt", Timestamp.from(expiresAt))
			.param("username", username)
			.query(Long.class)
			.single();
		return find(id).orElseThrow();
	}

	@Override
	public Optional<ApiToken> find(long id) {
		return jdbc.sql(SELECT + " where t.id = ?").param(id).query(JdbcApiTokens::map).optional();
	}

	@Override
	public List<ApiToken> all() {
		return jdbc.sql(SELECT + " order by t.revoked_at nulls first, t.created_at desc")
			.query(JdbcApiTokens::map)
			.list();
	}

	@Override
	public Optional<ApiToken> useToken(String hash) {
		Optional<ApiToken> token = jdbc.sql(SELECT + " where t.token_hash = ? and t.revoked_at is null")
			.param(hash)
			.query(JdbcApiTokens::map)
			.optional();
		if (token.isPresent()) {
			jdbc.sql("""
					update accounts.api_tokens set last_used_at = now() where token_hash = ? and expires_at > now()
					and (last_used_at is null or last_used_at < now() - interval '1 minute')""").param(hash).update();
		}
		return token;
	}

	@Override
	public boolean revoke(long id) {
		return jdbc.sql("update accounts.api_tokens set revoked_at = now() where id = ? and revoked_at is null")
			.param(id)
			.update() == 1;
	}

	private static ApiToken map(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("username"),
				rs.getString("token_prefix"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				JdbcUsers.instant(rs, "last_used_at"), JdbcUsers.instant(rs, "revoked_at"),
				rs.getTimestamp("expires_at").toInstant());
	}

}
