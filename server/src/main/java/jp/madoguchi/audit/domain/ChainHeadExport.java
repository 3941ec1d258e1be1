package jp.madoguchi.audit.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.platform.MadoguchiProperties;
import jp.madoguchi.platform.PrivateFiles;
import jp.madoguchi.platform.logging.LogFiles;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Copies the chain head, on a schedule, to places a database administrator cannot reach:
 * a line appended to {@code <data-dir>/audit/chain-heads.log} (owner-only, only ever
 * appended to; {@code madoguchi.audit.head-export.file} names another, such as a
 * write-once mount) and, when {@code madoguchi.audit.head-export.syslog} names a
 * {@code host:port}, a syslog message (RFC 5424 over UDP) to the city's log server.
 * Verification compares the chain with the newest line: events removed from the end of
 * the chain, with the head rewritten to match, no longer go unseen.
 */
@Component
public class ChainHeadExport {

	static final String FILE = "chain-heads.log";

	/** local0.notice */
	private static final int SYSLOG_PRIORITY = 16 * 8 + 5;

	private static final Logger log = LoggerFactory.getLogger(ChainHeadExport.class);

	private static final Logger exportLog = LoggerFactory.getLogger(LogFiles.AUDIT_EXPORT_LOGGER);

	private final AuditEventRepository events;

	private final Path file;

	private final @Nullable InetSocketAddress syslog;

	private final Clock clock;

	private @Nullable ChainHead lastExported;

	@Autowired
	public ChainHeadExport(AuditEventRepository events, MadoguchiProperties properties,
			@Value("${madoguchi.audit.head-export.file:}") String file,
			@Value("${madoguchi.audit.head-export.syslog:}") String syslog, ObjectProvider<Clock> clock) {
		this(events, file.isBlank() ? properties.dataDir().resolve("audit").resolve(FILE) : Path.of(file),
				address(syslog), clock.getIfAvailable(Clock::systemUTC));
	}

	ChainHeadExport(AuditEventRepository events, Path file, @Nullable InetSocketAddress syslog, Clock clock) {
		this.events = events;
		this.file = file;
		this.syslog = syslog;
		this.clock = clock;
	}

	/** A head as exported: when, and the newest event's id and hash. */
	public record ExportedHead(Instant exportedAt, long lastId, String lastHash) {

		String line() {
			return exportedAt + " lastId=" + lastId + " lastHash=" + lastHash + "\n";
		}

		static Optional<ExportedHead> parse(String line) {
			String[] parts = line.trim().split(" ");
			if (parts.length != 3 || !parts[1].startsWith("lastId=") || !parts[2].startsWith("lastHash=")) {
				return Optional.empty();
			}
			try {
				return Optional.of(new ExportedHead(Instant.parse(parts[0]),
						Long.parseLong(parts[1].substring("lastId=".length())),
						parts[2].substring("lastHash=".length())));
			}
			catch (RuntimeException ex) {
				return Optional.empty();
			}
		}

	}

	@Scheduled(initialDelayString = "${madoguchi.audit.head-export.interval:5m}",
			fixedDelayString = "${madoguchi.audit.head-export.interval:5m}")
	public synchronized void export() {
		ChainHead head = events.head();
		if (head.lastId() == 0 || head.equals(lastExported)) {
			return;
		}
		ExportedHead exported = new ExportedHead(clock.instant(), head.lastId(), head.lastHash());
		try {
			PrivateFiles.createDirectories(file.getParent());
			try (OutputStream out = append(file)) {
				out.write(exported.line().getBytes(StandardCharsets.US_ASCII));
			}
		}
		catch (IOException ex) {
			log.error("The audit chain head could not be written to {}: {}", file, ex.toString());
			return;
		}
		lastExported = head;
		exportLog.info("audit chain head exported: id={} hash={} file={}", head.lastId(), head.lastHash(), file);
		sendToSyslog(exported);
	}

	/** The newest head in the file, if any was exported. */
	public Optional<ExportedHead> latest() {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
			for (int i = lines.size() - 1; i >= 0; i--) {
				Optional<ExportedHead> head = ExportedHead.parse(lines.get(i));
				if (head.isPresent()) {
					return head;
				}
			}
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static OutputStream append(Path file) throws IOException {
		if (!Files.exists(file)) {
			try {
				PrivateFiles.createNew(file).close();
			}
			catch (java.nio.file.FileAlreadyExistsException raced) {
				// another thread or instance created it: append to theirs
			}
		}
		return Files.newOutputStream(file, StandardOpenOption.APPEND);
	}

	private void sendToSyslog(ExportedHead exported) {
		if (syslog == null) {
			return;
		}
		String message = "<" + SYSLOG_PRIORITY + ">1 " + exported.exportedAt() + " - madoguchi - AUDIT_HEAD - lastId="
				+ exported.lastId() + " lastHash=" + exported.lastHash();
		byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.send(new DatagramPacket(bytes, bytes.length, syslog));
		}
		catch (IOException ex) {
			log.warn("The audit chain head could not be sent to syslog at {}: {}", syslog, ex.toString());
		}
	}

	private static @Nullable InetSocketAddress address(String setting) {
		if (setting.isBlank()) {
			return null;
		}
		int colon = setting.lastIndexOf(':');
		if (colon < 0) {
			return new InetSocketAddress(setting.trim(), 514);
		}
		return new InetSocketAddress(setting.substring(0, colon).trim(),
				Integer.parseInt(setting.substring(colon + 1).trim()));
	}

}
