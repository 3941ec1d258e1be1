package jp.madoguchi.audit;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import jp.madoguchi.audit.domain.CommandLineAudit;
import org.jspecify.annotations.Nullable;

/**
 * The audit trail of a command run on the server without the application (bin/backup,
 * bin/restore): events go into the same hash chain, keyed with the same chain key, as the
 * application's. The actor is the operating-system user running the command, marked
 * {@value #OS_USER} ({@code os:root}) so that nobody takes it for a staff account (staff
 * user names have no colon).
 */
public final class CommandAuditTrail implements AuditTrail, AutoCloseable {

	/** The mark of an operating-system user in the actor column. */
	public static final String OS_USER = "os:";

	/** The setting that moves the chain key file (as the application reads it). */
	public static final String KEY_FILE_SETTING = "madoguchi.audit.chain-key.file";

	private final CommandLineAudit audit;

	private CommandAuditTrail(CommandLineAudit audit) {
		this.audit = audit;
	}

	/**
	 * @param keyFile the setting {@value #KEY_FILE_SETTING} if given, else
	 * {@code <data-dir>/keys/audit-chain.key}
	 */
	public static CommandAuditTrail open(DataSource dataSource, Path dataDir, @Nullable String keyFile) {
		return open(dataSource, dataDir, keyFile, Clock.systemUTC());
	}

	/** The same, with the events' clock (tests move it). */
	public static CommandAuditTrail open(DataSource dataSource, Path dataDir, @Nullable String keyFile, Clock clock) {
		Path key = (keyFile != null && !keyFile.isBlank()) ? Path.of(keyFile)
				: dataDir.resolve("keys").resolve("audit-chain.key");
		return new CommandAuditTrail(
				CommandLineAudit.open(dataSource, dataDir, key.toAbsolutePath().normalize(), osUser(), clock));
	}

	/** The operating-system user running this process, as the events name it. */
	public static String osUser() {
		String name = System.getProperty("user.name");
		return OS_USER + ((name == null || name.isBlank()) ? "unknown" : name.strip());
	}

	@Override
	public void record(AuditEntry entry) {
		audit.service().record(entry);
	}

	/** Verifies the whole chain, as the application's verification does. */
	public AuditVerification verify() {
		return audit.service().verify();
	}

	@Override
	public void close() {
		audit.close();
	}

}
