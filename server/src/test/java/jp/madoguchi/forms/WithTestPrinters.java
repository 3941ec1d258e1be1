package jp.madoguchi.forms;

import java.nio.file.Files;
import java.nio.file.Path;

import jp.madoguchi.support.FreePorts;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real printers (ippeveprinter) the printing tests send jobs to, and the context that
 * names them: every class extending this one shares one Spring context, so the printers
 * are started once per test JVM and stopped when it ends (not after a class: the cached
 * context still points at them). Two printers are configured but off, on ports where a
 * test may switch one on.
 */
// Needs a real IPP printer (ippeveprinter): left out of the quick loop (-Pquick).
@Tag("device")
@SpringBootTest
abstract class WithTestPrinters {

	static final Path SPOOL;

	/** {@code counter-1}: the counter's printer, duplex. */
	static final IppEvePrinter COUNTER;

	/** {@code visit-duplex}. */
	static final IppEvePrinter DUPLEX;

	/** {@code visit-simplex}: no duplex unit. */
	static final IppEvePrinter SIMPLEX;

	/** {@code off}: configured, nothing listens until a test starts a printer there. */
	static final int OFF_PORT;

	/** {@code visit-off}: the same, for the visit tests. */
	static final int VISIT_OFF_PORT;

	static {
		try {
			SPOOL = Files.createTempDirectory("madoguchi-ipp");
			COUNTER = IppEvePrinter.start(FreePorts.next(), SPOOL.resolve("counter"), "MadoguchiCounter");
			DUPLEX = IppEvePrinter.start(FreePorts.next(), SPOOL.resolve("duplex"), "MadoguchiDuplex", true);
			SIMPLEX = IppEvePrinter.start(FreePorts.next(), SPOOL.resolve("simplex"), "MadoguchiSimplex", false);
			OFF_PORT = FreePorts.next();
			VISIT_OFF_PORT = FreePorts.next();
			Runtime.getRuntime().addShutdownHook(new Thread(WithTestPrinters::stopAll, "test-printers-stop"));
		}
		catch (Exception ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@DynamicPropertySource
	static void printers(DynamicPropertyRegistry registry) {
		registry.add("madoguchi.printers.counter-1.uri", COUNTER::uri);
		registry.add("madoguchi.printers.off.uri", () -> "ipp://localhost:" + OFF_PORT + "/ipp/print");
		registry.add("madoguchi.printers.visit-duplex.uri", DUPLEX::uri);
		registry.add("madoguchi.printers.visit-simplex.uri", SIMPLEX::uri);
		registry.add("madoguchi.printers.visit-off.uri", () -> "ipp://localhost:" + VISIT_OFF_PORT + "/ipp/print");
	}

	private static void stopAll() {
		for (IppEvePrinter printer : new IppEvePrinter[] { COUNTER, DUPLEX, SIMPLEX }) {
			try {
				printer.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
