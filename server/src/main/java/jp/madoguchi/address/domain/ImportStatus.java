package jp.madoguchi.address.domain;

import java.time.Instant;

/**
 * The last successful import of a dataset.
 *
 * @param dataset which file
 * @param source the file's name, or where it came from
 * @param rows how many rows the table holds since
 * @param importedAt when the import committed
 * @param importedBy the user, {@code cli} for the command line, {@code system} for the
 * shipped sample
 */
public record ImportStatus(Dataset dataset, String source, int rows, Instant importedAt, String importedBy) {

}
