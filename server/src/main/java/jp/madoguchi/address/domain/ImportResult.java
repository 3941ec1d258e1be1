package jp.madoguchi.address.domain;

import java.time.Duration;

/**
 * A finished import.
 *
 * @param dataset which file
 * @param source the file's name
 * @param rows rows now in the table
 * @param took from the first byte read to the commit
 */
public record ImportResult(Dataset dataset, String source, int rows, Duration took) {

	/** Rows per second, for the log and the operator. */
	public long rowsPerSecond() {
		long millis = Math.max(1, took.toMillis());
		return rows * 1000L / millis;
	}

}
