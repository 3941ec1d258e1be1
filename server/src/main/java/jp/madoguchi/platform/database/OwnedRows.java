package jp.madoguchi.platform.database;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes a module's rows that belong to records of another module, by those records'
 * ids, e.g. the print jobs of purged notifications. One statement: rows referring to each
 * other (a reprint and its original) go together.
 */
public final class OwnedRows {

	private OwnedRows() {
	}

	/**
	 * @param table schema-qualified table name, a constant of the calling module
	 * @param column the {@code uuid} column naming the owner, a constant too
	 * @return how many rows were deleted
	 */
	public static long delete(JdbcClient jdbc, String table, String column, List<UUID> owners) {
		if (owners.isEmpty()) {
			return 0;
		}
		return jdbc.sql("delete from " + table + " where " + column + " = any(?)")
			.param(owners.toArray(new UUID[0]))
			.update();
	}

}
