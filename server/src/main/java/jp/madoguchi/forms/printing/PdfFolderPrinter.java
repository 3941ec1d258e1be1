package jp.madoguchi.forms.printing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.hp.jipp.model.JobState;
import jp.madoguchi.platform.PrivateFiles;
import org.jspecify.annotations.Nullable;

/**
 * Training mode's printer: every job, whatever printer it names, is written as a PDF into
 * a folder ({@code <data-dir>/printed}, owner-only files) and is completed at once.
 * Nothing reaches a real printer.
 */
class PdfFolderPrinter extends IppClient {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final Path folder;

	private final Clock clock;

	private final AtomicInteger jobIds = new AtomicInteger();

	PdfFolderPrinter(Path folder, Clock clock, int maxResponseBytes) {
		super(maxResponseBytes);
		this.folder = folder;
		this.clock = clock;
	}

	@Override
	Submitted print(URI printer, String jobName, String user, byte[] pdf, boolean duplex) throws IOException {
		PrivateFiles.createDirectories(folder);
		String name = LocalDateTime.now(clock).format(STAMP) + "-" + jobName.replaceAll("[^\\p{L}\\p{N}._-]", "_")
				+ ".pdf";
		try (OutputStream out = PrivateFiles.newOutputStream(folder.resolve(name))) {
			out.write(pdf);
		}
		return new Submitted(jobIds.incrementAndGet(), JobState.completed);
	}

	@Override
	@Nullable JobState state(URI printer, int jobId) {
		return JobState.completed;
	}

	/**
	 * The PDF keeps its blank backs: the folder stands for a printer that prints both
	 * sides.
	 */
	@Override
	boolean supportsDuplex(URI printer) {
		return true;
	}

	@Override
	PrinterStatus status(URI printer) {
		return new PrinterStatus("idle", List.of("training: PDF → " + folder));
	}

}
