package jp.madoguchi.address.domain;

import org.jspecify.annotations.Nullable;

/**
 * What a dataset holds now.
 *
 * @param dataset which file
 * @param rows rows in the table
 * @param lastImport the last successful import, null if none
 */
public record DatasetSummary(Dataset dataset, int rows, @Nullable ImportStatus lastImport) {

	/** Whether the table holds the shipped sample rather than an official file. */
	public boolean sample() {
		return lastImport != null && lastImport.source().startsWith("SAMPLE ");
	}

}
