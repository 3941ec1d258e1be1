package jp.madoguchi.admin.domain;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jp.madoguchi.audit.AccessAlerts;
import jp.madoguchi.audit.AuditLog;
import jp.madoguchi.audit.AuditVerification;
import jp.madoguchi.platform.LogDirectoryCheck;
import jp.madoguchi.platform.LogDirectoryCheck.LogDirectory;
import jp.madoguchi.platform.MadoguchiProperties;
import jp.madoguchi.retention.PendingPurges;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the operations terminal looks at: database, free disk space of the data directory,
 * the audit chain, what the retention job will purge, the running version.
 */
@Service
public class HealthService {

	/** Below this share of free space the page warns: the database and spools grow. */
	static final double DISK_WARNING_SHARE = 0.10;

	/**
	 * Walking the whole chain reads every event: at most once per interval, whoever asks.
	 */
	static final Duration AUDIT_CHECK_INTERVAL = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final PendingPurges retention;

	private final Path dataDir;

	private final String version;

	private final Clock clock;

	private final LogDirectoryCheck logDirectory;

	private final AccessAlerts alerts;

	private volatile @Nullable AuditCheck lastAuditCheck;

	HealthService(JdbcClient jdbc, AuditLog auditLog, PendingPurges retention, MadoguchiProperties properties,
			ObjectProvider<BuildProperties> build, Clock clock, LogDirectoryCheck logDirectory, AccessAlerts alerts,
			MeterRegistry meters) {
		this.alerts = alerts;
		Gauge.builder("madoguchi.audit.chain.valid", this, HealthService::chainValid)
			.description("1 when the audit hash chain verified at the last check (at most every 10 minutes), else 0")
			.register(meters);
		Gauge.builder("madoguchi.data.dir.usable", this, (h) -> h.disk().usableBytes())
			.baseUnit("bytes")
			.description("Free space of the data directory's file system")
			.register(meters);
		Gauge.builder("madoguchi.backup.last.success", this, HealthService::lastBackup)
			.baseUnit("seconds")
			.description("When the last backup succeeded (Unix time; 0 when none was taken from this data directory)")
			.register(meters);
		Gauge.builder("madoguchi.data.dir.total", this, (h) -> h.disk().totalBytes())
			.baseUnit("bytes")
			.description("Size of the data directory's file system")
			.register(meters);
		this.logDirectory = logDirectory;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.retention = retention;
		this.dataDir = properties.dataDir().toAbsolutePath().normalize();
		BuildProperties info = build.getIfAvailable();
		this.version = (info != null) ? info.getVersion() : "development";
		this.clock = clock;
	}

	public record Database(boolean up, @Nullable String serverVersion, long millis, @Nullable String error) {
	}

	public record Disk(String path, long usableBytes, long totalBytes, boolean low) {

		public int usablePercent() {
			return (totalBytes > 0) ? (int) (usableBytes * 100 / totalBytes) : 0;
		}

	}

	public record AuditCheck(AuditVerification verification, Instant checkedAt) {
	}

	public record Health(boolean up, String version, Database database, Disk disk, LogDirectory logs,
			@Nullable AuditCheck audit, Map<String, Long> pendingPurge, List<AccessAlerts.Notice> alerts) {
	}

	public Health health(boolean recheckAudit) {
		Database database = database();
		Disk disk = disk();
		LogDirectory logs = logDirectory.status();
		AuditCheck audit = null;
		Map<String, Long> pending = Map.of();
		List<AccessAlerts.Notice> notices = List.of();
		if (database.up()) {
			audit = audit(recheckAudit);
			pending = retention.pending();
			notices = alerts.notices();
		}
		boolean up = database.up() && !disk.low() && logs.ok() && audit != null && audit.verification().valid();
		return new Health(up, version, database, disk, logs, audit, pending, notices);
	}

	private double lastBackup() {
		try {
			return Instant.parse(Files.readString(dataDir.resolve("last-backup.txt")).strip()).getEpochSecond();
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private double chainValid() {
		try {
			return audit(false).verification().valid() ? 1 : 0;
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

	private Database database() {
		long started = System.nanoTime();
		try {
			String serverVersion = jdbc.sql("show server_version").query(String.class).single();
			return new Database(true, serverVersion, (System.nanoTime() - started) / 1_000_000, null);
		}
		catch (RuntimeException ex) {
			return new Database(false, null, (System.nanoTime() - started) / 1_000_000, ex.getClass().getSimpleName());
		}
	}

	private Disk disk() {
		try {
			Path existing = dataDir;
			while (!Files.exists(existing) && existing.getParent() != null) {
				existing = existing.getParent();
			}
			FileStore store = Files.getFileStore(existing);
			long usable = store.getUsableSpace();
			long total = store.getTotalSpace();
			return new Disk(dataDir.toString(), usable, total, usable < total * DISK_WARNING_SHARE);
		}
		catch (IOException ex) {
			return new Disk(dataDir.toString(), 0, 0, true);
		}
	}

	private AuditCheck audit(boolean recheck) {
		AuditCheck last = lastAuditCheck;
		Instant now = clock.instant();
		if (recheck || last == null || last.checkedAt().plus(AUDIT_CHECK_INTERVAL).isBefore(now)) {
			last = new AuditCheck(auditLog.verify(), now);
			lastAuditCheck = last;
		}
		return last;
	}

}
