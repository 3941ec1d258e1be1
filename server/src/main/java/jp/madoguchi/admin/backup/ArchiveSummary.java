package jp.madoguchi.admin.backup;

import org.jspecify.annotations.Nullable;

/**
 * What an archive held: tables, rows and key files; and which backup it is.
 *
 * @param backupId the backup's id (null for a backup of the first releases)
 * @param createdAt when the snapshot was taken (ISO-8601)
 * @param auditThrough the newest audit event in it (-1 when the backup does not say)
 */
record ArchiveSummary(int tables, long rows, int keys, String schemaVersion, @Nullable String backupId,
		@Nullable String createdAt, long auditThrough) {

	@Override
	public String toString() {
		return tables + " 表, " + rows + " 行, 鍵 " + keys + " 個, スキーマ版 " + schemaVersion;
	}

	/** The audit detail's counts: no key, no passphrase, no personal data. */
	String auditDetail() {
		return "tables=" + tables + " rows=" + rows + " keys=" + keys + " schema=" + schemaVersion
				+ ((createdAt != null) ? " createdAt=" + createdAt : "")
				+ ((auditThrough >= 0) ? " auditThrough=" + auditThrough : "");
	}

}
