package jp.madoguchi.card.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The real PC/SC daemon with vsmartcard's vpcd driver (Debian packages pcscd and
 * vsmartcard-vpcd): reused when one is running, otherwise started in the foreground and
 * stopped by {@link #close()}.
 */
public final class Pcscd implements AutoCloseable {

	public static final Path EXECUTABLE = Path.of("/usr/sbin/pcscd");

	private static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");

	private final Process started;

	private final Path log;

	private Pcscd(Process started, Path log) {
		this.started = started;
		this.log = log;
	}

	public static Pcscd startOrReuse() throws IOException, InterruptedException {
		if (running().isPresent() && Files.exists(SOCKET)) {
			return new Pcscd(null, null);
		}
		if (!Files.isExecutable(EXECUTABLE)) {
			throw new IllegalStateException("pcscd is not installed (Debian packages pcscd and vsmartcard-vpcd)");
		}
		Path log = Files.createTempFile("pcscd", ".log");
		Process process = new ProcessBuilder(EXECUTABLE.toString(), "--foreground").redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (!Files.exists(SOCKET)) {
			if (!process.isAlive() || Instant.now().isAfter(deadline)) {
				process.destroy();
				throw new IllegalStateException("pcscd did not start (it needs root): " + Files.readString(log));
			}
			Thread.sleep(100);
		}
		return new Pcscd(process, log);
	}

	private static Optional<ProcessHandle> running() {
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info().command().map((command) -> command.endsWith("/pcscd")).orElse(false))
			.findFirst();
	}

	@Override
	public void close() throws IOException, InterruptedException {
		if (this.started != null) {
			this.started.destroy();
			this.started.waitFor();
			Files.deleteIfExists(this.log);
		}
	}

}
