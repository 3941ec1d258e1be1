package jp.madoguchi.forms;

import jp.madoguchi.support.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real IPP printer for tests: CUPS's ippeveprinter, which keeps every job it receives
 * as a file in its spool directory. It announces itself over Avahi, which needs D-Bus:
 * both are started when they are not running (docs/design/decisions.md ADR-17), and left
 * running since other tests of the same machine may use them.
 */
public final class IppEvePrinter implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path spool;

	private IppEvePrinter(Process process, int port, Path spool) {
		this.process = process;
		this.port = port;
		this.spool = spool;
	}

	public static IppEvePrinter start(int port, Path spool, String name) throws IOException, InterruptedException {
		return start(port, spool, name, false);
	}

	/**
	 * @param duplex whether the printer prints on both sides ({@code -2}); without it
	 * ippeveprinter says it prints one side only
	 */
	public static IppEvePrinter start(int port, Path spool, String name, boolean duplex)
			throws IOException, InterruptedException {
		ensureDaemons();
		Files.createDirectories(spool);
		List<String> command = new java.util.ArrayList<>(List.of("ippeveprinter", "-p", Integer.toString(port), "-n",
				"localhost", "-d", spool.toString(), "-k", "-f", "application/pdf"));
		if (duplex) {
			command.add("-2");
		}
		command.add(name);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(spool.resolveSibling(name + ".log").toFile())
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("ippeveprinter exited with " + process.exitValue() + ", see "
						+ spool.resolveSibling(name + ".log"));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("localhost", port), 500);
				return new IppEvePrinter(process, port, spool);
			}
			catch (IOException notYet) {
				Thread.sleep(200);
			}
		}
		process.destroyForcibly();
		throw new IllegalStateException("ippeveprinter did not listen on port " + port + " within 30 s");
	}

	public String uri() {
		return "ipp://localhost:" + port + "/ipp/print";
	}

	/** The documents the printer received. */
	public List<Path> jobs() throws IOException {
		try (Stream<Path> files = Files.list(spool)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".pdf")).sorted().toList();
		}
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

	private static synchronized void ensureDaemons() throws IOException, InterruptedException {
		if (!running("dbus-daemon")) {
			Files.createDirectories(Path.of("/run/dbus"));
			// A daemon killed earlier leaves its pid file, and a new one refuses to
			// start.
			Files.deleteIfExists(Path.of("/run/dbus/pid"));
			run("dbus-daemon", "--system", "--fork");
		}
		if (!running("avahi-daemon")) {
			Files.deleteIfExists(Path.of("/run/avahi-daemon/pid"));
			run("avahi-daemon", "--no-drop-root", "-D");
		}
	}

	/**
	 * Whether a live process runs the named program (no pgrep: procps may be missing).
	 */
	private static boolean running(String name) {
		return ProcessHandle.allProcesses()
			.anyMatch((process) -> process.isAlive()
					&& process.info().command().map((command) -> command.endsWith("/" + name)).orElse(false));
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
	}

}
