package jp.madoguchi.address.domain;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The tables the imports replace, and the record of the last import of each. Every method
 * that changes a table must run inside the importer's transaction.
 */
public interface AddressTables {

	/**
	 * Locks the dataset's table against other imports until the transaction ends; readers
	 * go on reading the old rows.
	 */
	void lock(Dataset dataset);

	boolean isEmpty(Dataset dataset);

	int count(Dataset dataset);

	void clear(Dataset dataset);

	/** Starts copying rows into the dataset's table on the transaction's connection. */
	RowCopy copy(Dataset dataset, List<String> columns) throws SQLException;

	/** Fresh statistics, so the planner knows the table was just rewritten. */
	void analyze(Dataset dataset);

	void recordImport(Dataset dataset, String source, int rows, Instant at, String by);

	List<ImportStatus> imports();

}
