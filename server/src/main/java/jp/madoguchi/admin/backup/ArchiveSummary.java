package jp.madoguchi.admin.backup;

/** What an archive held: tables, rows and key files. */
record ArchiveSummary(int tables, long rows, int keys, String schemaVersion) {

	@Override
	public String toString() {
		return tables + " 表, " + rows + " 行, 鍵 " + keys + " 個, スキーマ版 " + schemaVersion;
	}

}
