package jp.madoguchi.address.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One file format: checks each record and turns it into a row of the dataset's table.
 * Both methods throw {@link ImportProblems#atLine a problem naming the line} for bad
 * input.
 */
interface AddressFileFormat {

	/** The table's columns in the order {@link #row} returns values. */
	List<String> columns();

	/**
	 * Reads the file's first record.
	 * @return true when the record was a header and is consumed, false when it is data
	 */
	boolean header(List<String> first, long line);

	/**
	 * The table row for a data record; values are String, Integer, LocalDate or null.
	 */
	@Nullable Object[] row(List<String> fields, long line);

}
