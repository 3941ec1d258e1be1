package jp.madoguchi.address.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jp.madoguchi.address.domain.AddressTables;
import jp.madoguchi.address.domain.Dataset;
import jp.madoguchi.address.domain.ImportStatus;
import jp.madoguchi.address.domain.RowCopy;
import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link AddressTables} in schema {@code address}, filled with PostgreSQL's COPY. */
@Repository
class JdbcAddressTables implements AddressTables {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	JdbcAddressTables(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	@Override
	public void lock(Dataset dataset) {
		requireTransaction();
		jdbc.sql("lock table " + dataset.table() + " in exclusive mode").update();
	}

	@Override
	public boolean isEmpty(Dataset dataset) {
		return !jdbc.sql("select exists (select 1 from " + dataset.table() + ")").query(Boolean.class).single();
	}

	@Override
	public int count(Dataset dataset) {
		return jdbc.sql("select count(*) from " + dataset.table()).query(Integer.class).single();
	}

	@Override
	public void clear(Dataset dataset) {
		requireTransaction();
		jdbc.sql("delete from " + dataset.table()).update();
	}

	@Override
	public RowCopy copy(Dataset dataset, List<String> columns) throws SQLException {
		requireTransaction();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		String sql = "copy " + dataset.table() + " (" + String.join(", ", columns)
				+ ") from stdin with (format csv, encoding 'UTF8')";
		return new CopyStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
	}

	@Override
	public void analyze(Dataset dataset) {
		jdbc.sql("analyze " + dataset.table()).update();
	}

	@Override
	public void recordImport(Dataset dataset, String source, int rows, Instant at, String by) {
		jdbc.sql("""
				insert into address.imports (dataset, source, row_count, imported_at, imported_by)
				values (?, ?, ?, ?, ?)
				on conflict (dataset) do update set source = excluded.source, row_count = excluded.row_count,
				imported_at = excluded.imported_at, imported_by = excluded.imported_by""")
			.param(dataset.key())
			.param(source)
			.param(rows)
			.param(Timestamp.from(at))
			.param(by)
			.update();
	}

	@Override
	public List<ImportStatus> imports() {
		return jdbc.sql("select dataset, source, row_count, imported_at, imported_by from address.imports")
			.query((rs, n) -> new ImportStatus(Dataset.ofKey(rs.getString("dataset")), rs.getString("source"),
					rs.getInt("row_count"), rs.getTimestamp("imported_at").toInstant(), rs.getString("imported_by")))
			.list();
	}

	private static void requireTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("address tables change only inside the import's transaction");
		}
	}

}
