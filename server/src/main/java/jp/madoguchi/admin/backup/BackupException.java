package jp.madoguchi.admin.backup;

/** A refusal the operator can act on; its message is Japanese and shown as is. */
class BackupException extends RuntimeException {

	BackupException(String message) {
		super(message);
	}

}
