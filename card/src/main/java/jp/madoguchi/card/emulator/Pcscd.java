package jp.madoguchi.card.emulator;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

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
		if (Files.exists(SOCKET) && listening()) {
			// A running pcscd, or systemd's pcscd.socket that starts one on demand.
			return new Pcscd(null, null);
		}
		if (!Files.isExecutable(EXECUTABLE)) {
			throw new IllegalStateException("pcscd is not installed (Debian packages pcscd and vsmartcard-vpcd)");
		}
		// Nobody listens: a socket left by a killed pcscd, which would look like a ready
		// daemon.
		Files.deleteIfExists(SOCKET);
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

	private static boolean listening() {
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			return channel.connect(UnixDomainSocketAddress.of(SOCKET));
		}
		catch (IOException ex) {
			return false;
		}
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
