package jp.madoguchi.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.SharedTestDatabase;

/**
 * What an attacker with superuser rights on the database can do: change or remove stored
 * events past the append-only triggers, on a connection of its own in
 * {@code session_replication_role = replica} (triggers off). Tests that tamper must put
 * the row back, since every test class shares the database and its one chain.
 */
final class Tampering {

	static final List<String> COLUMNS = List.of("id", "occurred_at", "actor", "terminal", "ip", "action", "subject",
			"outcome", "detail", "prev_hash", "hash");

	private Tampering() {
	}

	static int execute(String sql, Object... arguments) {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < arguments.length; i++) {
				statement.setObject(i + 1, arguments[i]);
			}
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The stored row, to put back afterwards. */
	static Map<String, Object> row(long id) {
		try (Connection connection = connect();
				PreparedStatement statement = connection
					.prepareStatement("select " + String.join(", ", COLUMNS) + " from audit.events where id = ?")) {
			statement.setLong(1, id);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("no event " + id);
				}
				Map<String, Object> row = new LinkedHashMap<>();
				for (String column : COLUMNS) {
					row.put(column, "occurred_at".equals(column) ? rs.getObject(column, java.time.OffsetDateTime.class)
							: rs.getObject(column));
				}
				return row;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void reinsert(Map<String, Object> row) {
		execute("insert into audit.events (" + String.join(", ", COLUMNS)
				+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.values().toArray());
	}

	private static Connection connect() throws SQLException {
		Connection connection = SharedTestDatabase.postgres().getPostgresDatabase().getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("set session_replication_role = replica");
		}
		return connection;
	}

}
