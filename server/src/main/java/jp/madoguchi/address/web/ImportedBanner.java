package jp.madoguchi.address.web;

import java.io.Serializable;

import jp.madoguchi.address.domain.ImportResult;

/**
 * The success message after an upload, carried over the redirect as a flash attribute.
 * Serializable because sessions, and with them flash attributes, are stored in the
 * database.
 *
 * @param datasetMessageKey the message key of the dataset's name
 * @param source the file's name
 * @param rows rows imported
 * @param seconds how long it took
 */
record ImportedBanner(String datasetMessageKey, String source, int rows, double seconds) implements Serializable {

	static ImportedBanner of(ImportResult result) {
		return new ImportedBanner(result.dataset().messageKey(), result.source(), result.rows(),
				result.took().toMillis() / 1000.0);
	}

}
