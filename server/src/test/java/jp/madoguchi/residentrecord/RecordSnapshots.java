package jp.madoguchi.residentrecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The test snapshot {@code residentrecord/households.jsonl} in a folder of the test's
 * own, for tests that point the lookup at a file they may change or remove.
 */
final class RecordSnapshots {

	private RecordSnapshots() {
	}

	/**
	 * The snapshot file the record-start tests share (below the module's target folder,
	 * so two clones never meet): the same property on each class gives them one Spring
	 * context.
	 */
	static final String SHARED = "madoguchi.resident-record.lookup.snapshot=target/record-snapshot/households.jsonl";

	static final Path SHARED_SNAPSHOT = Path.of("target", "record-snapshot", "households.jsonl");

	/** A new temporary folder (removed by the test). */
	static Path folder(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes the shipped test snapshot to {@code snapshot}, replacing what is there. */
	static void copyTo(Path snapshot) throws IOException {
		Files.createDirectories(snapshot.toAbsolutePath().getParent());
		try (InputStream in = RecordSnapshots.class.getResourceAsStream("/residentrecord/households.jsonl")) {
			Files.copy(in, snapshot, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
