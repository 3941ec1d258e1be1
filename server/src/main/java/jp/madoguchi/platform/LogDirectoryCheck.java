package jp.madoguchi.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jp.madoguchi.platform.logging.LogFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the log files can still be written: the log directory exists, a file can be
 * created in it, and its file system has room. The service never stops for its logs
 * (logback drops lines it cannot write); the health page and the metrics
 * {@code madoguchi_log_directory_writable} and
 * {@code madoguchi_log_directory_usable_bytes} say so instead.
 */
@Component
@ServedBy({ Role.COUNTER, Role.PUBLIC })
public class LogDirectoryCheck {

	private final Path directory;

	private final boolean enabled;

	private final long minimumFree;

	public LogDirectoryCheck(MadoguchiProperties properties, @Value("${madoguchi.logs.enabled:true}") boolean enabled,
			@Value("${madoguchi.logs.directory:}") String own,
			@Value("${madoguchi.logs.minimum-free:100MB}") org.springframework.util.unit.DataSize minimumFree,
			MeterRegistry meters) {
		this.directory = own.isBlank() ? LogFiles.directory(properties.dataDir())
				: Path.of(own).toAbsolutePath().normalize();
		this.enabled = enabled;
		this.minimumFree = minimumFree.toBytes();
		Gauge.builder("madoguchi.log.directory.writable", this, c -> c.status().writable() ? 1 : 0)
			.description("1 when the log directory can be written to, else 0")
			.register(meters);
		Gauge.builder("madoguchi.log.directory.usable", this, c -> c.status().usableBytes())
			.baseUnit("bytes")
			.description("Free space for the log files")
			.register(meters);
	}

	/**
	 * @param path the log directory
	 * @param enabled whether file logging is on
	 * @param writable a file could be created in it just now
	 * @param usableBytes free space of its file system
	 * @param problem what is wrong, in Japanese, or null
	 */
	public record LogDirectory(String path, boolean enabled, boolean writable, long usableBytes,
			@Nullable String problem) {

		public boolean ok() {
			return !enabled || problem == null;
		}

	}

	public LogDirectory status() {
		if (!enabled) {
			return new LogDirectory(directory.toString(), false, false, 0, null);
		}
		long usable = 0;
		try {
			usable = Files.getFileStore(Files.exists(directory) ? directory : existingParent()).getUsableSpace();
		}
		catch (IOException ex) {
			// reported through the write probe below
		}
		String failure = probe();
		String problem = failure;
		if (problem == null && usable < minimumFree) {
			problem = "ログファイルのディスクの空きが少なくなっています（残り " + (usable / (1024 * 1024)) + " MB）";
		}
		return new LogDirectory(directory.toString(), true, failure == null, usable, problem);
	}

	private @Nullable String probe() {
		if (!Files.isDirectory(directory)) {
			return "ログファイルのディレクトリがありません";
		}
		Path file = directory.resolve(".write-check-" + UUID.randomUUID());
		try (FileChannel channel = PrivateFiles.createNew(file)) {
			channel.write(java.nio.ByteBuffer.wrap(new byte[] { 1 }));
			return null;
		}
		catch (IOException ex) {
			return "ログファイルのディレクトリに書き込めません（" + ex.getClass().getSimpleName() + "）";
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// the probe file stays; it holds one byte
			}
		}
	}

	private Path existingParent() {
		Path existing = directory;
		while (!Files.exists(existing) && existing.getParent() != null) {
			existing = existing.getParent();
		}
		return existing;
	}

}
