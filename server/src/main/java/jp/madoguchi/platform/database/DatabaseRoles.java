package jp.madoguchi.platform.database;

/**
 * The PostgreSQL roles Madoguchi uses, the same in the embedded server and in an external
 * one ({@code ops/postgres/create-roles.sql}); docs/operations.md explains the split.
 */
public final class DatabaseRoles {

	/**
	 * Owns the database, every schema and every table, the audit tables included; runs
	 * the Flyway migrations, backups and restores. Not a superuser.
	 */
	public static final String OWNER = "madoguchi_owner";

	/**
	 * The role of the application's connection pool: reads and writes the modules'
	 * tables, but may only read and append to the audit trail, and owns nothing, so it
	 * can neither alter a table nor switch off a trigger.
	 */
	public static final String APPLICATION = "madoguchi_app";

	/** The embedded server's superuser, used only at start to set up the other two. */
	public static final String SUPERUSER = "postgres";

	private DatabaseRoles() {
	}

}
