package jp.madoguchi.terminals.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.terminals.domain.TerminalService.Terminal;
import jp.madoguchi.terminals.domain.TerminalService.TerminalInput;
import jp.madoguchi.terminals.domain.TerminalStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link TerminalStore} in the schema {@code terminals}. */
@Repository
class JdbcTerminalStore implements TerminalStore {

	private final JdbcClient jdbc;

	JdbcTerminalStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Terminal> list() {
		return jdbc
			.sql("select id, name, location, counter, card_agent_url, token_created_at, default_printer"
					+ " from terminals.terminals" + " order by name")
			.query((rs, row) -> new Terminal(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
			.list();
	}

	@Override
	public void add(UUID id, TerminalInput terminal, String tokenHash, Instant at, String actor) {
		jdbc.sql(
				"""
						insert into terminals.terminals (id, name, location, counter, card_agent_url, token_hash, token_created_at,
						created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, terminal.name(), terminal.location(), terminal.counter(), terminal.cardAgentUrl(), tokenHash,
					Timestamp.from(at), Timestamp.from(at), actor)
			.update();
	}

	@Override
	public void renewToken(UUID id, String tokenHash, Instant at) {
		jdbc.sql("update terminals.terminals set token_hash = ?, token_created_at = ? where id = ?")
			.params(tokenHash, Timestamp.from(at), id)
			.update();
	}

	@Override
	public void setDefaultPrinter(UUID id, @org.jspecify.annotations.Nullable String printer) {
		jdbc.sql("update terminals.terminals set default_printer = ? where id = ?").params(printer, id).update();
	}

	@Override
	public void delete(UUID id) {
		jdbc.sql("delete from terminals.terminals where id = ?").param(id).update();
	}

	@Override
	public Optional<String> tokenHash(UUID id) {
		return jdbc.sql("select token_hash from terminals.terminals where id = ?")
			.param(id)
			.query(String.class)
			.optional();
	}

}
