package jp.madoguchi.retention;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads and writes a {@link LegalHold} in the columns {@code legal_hold},
 * {@code legal_hold_reason}, {@code legal_hold_by}, {@code legal_hold_at} of a module's
 * own table keyed by {@code id uuid}. The retention purge of that module skips rows with
 * {@code legal_hold}.
 */
public final class LegalHoldColumns {

	private LegalHoldColumns() {
	}

	/**
	 * @param table schema-qualified table name, a constant of the calling module
	 * @return whether the row exists
	 */
	public static boolean store(JdbcClient jdbc, String table, UUID id, LegalHold hold) {
		return jdbc
			.sql("update " + table
					+ " set legal_hold = ?, legal_hold_reason = ?, legal_hold_by = ?, legal_hold_at = ? where id = ?")
			.params(hold.held(), hold.reason(), hold.by(), (hold.at() != null) ? Timestamp.from(hold.at()) : null, id)
			.update() == 1;
	}

	/**
	 * @param table schema-qualified table name, a constant of the calling module
	 */
	public static Optional<LegalHold> load(JdbcClient jdbc, String table, UUID id) {
		return jdbc
			.sql("select legal_hold, legal_hold_reason, legal_hold_by, legal_hold_at from " + table + " where id = ?")
			.param(id)
			.query((rs, row) -> new LegalHold(rs.getBoolean(1), rs.getString(2), rs.getString(3),
					(rs.getTimestamp(4) != null) ? rs.getTimestamp(4).toInstant() : null))
			.optional();
	}

}
