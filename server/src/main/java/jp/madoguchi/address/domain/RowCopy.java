package jp.madoguchi.address.domain;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Rows streamed into a dataset's table. Closing a copy that was not {@link #finish()
 * finished} cancels it, so the transaction can roll back.
 */
public interface RowCopy extends AutoCloseable {

	/** Adds one row; null is SQL NULL, an empty string stays an empty string. */
	void write(@Nullable Object[] values) throws SQLException;

	/** Ends the copy; returns the number of rows written. */
	int finish() throws SQLException;

	@Override
	void close() throws SQLException;

}
