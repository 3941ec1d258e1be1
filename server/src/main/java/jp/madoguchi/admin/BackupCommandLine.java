package jp.madoguchi.admin;

import java.util.Map;

import jp.madoguchi.admin.backup.BackupCommand;

/**
 * {@code java -jar madoguchi-server.jar --madoguchi.backup=FILE} and
 * {@code --madoguchi.restore=FILE} (and {@code --madoguchi.backup.new-key-pair=DIR}): run
 * before Spring starts, because a backup must work while the application itself is
 * running (it then connects to that application's embedded PostgreSQL) and a restore must
 * run before the application migrates an empty database. See docs/operations.md.
 */
public final class BackupCommandLine {

	private BackupCommandLine() {
	}

	/**
	 * Whether the arguments ask for a backup, a restore or backup keys instead of
	 * serving.
	 */
	public static boolean handles(String[] args) {
		for (String arg : args) {
			if (arg.startsWith("--madoguchi.backup=") || arg.startsWith("--madoguchi.restore=")
					|| arg.startsWith("--" + BackupCommand.NEW_KEY_PAIR + "=")) {
				return true;
			}
		}
		return false;
	}

	/** Runs the command and returns the process exit code (0 when it succeeded). */
	public static int run(String[] args, Map<String, String> environment) {
		return new BackupCommand(args, environment).run();
	}

}
