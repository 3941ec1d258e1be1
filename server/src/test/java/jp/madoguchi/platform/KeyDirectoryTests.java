package jp.madoguchi.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KeyDirectoryTests {

	@TempDir
	Path work;

	@Test
	void startsAtOnceOnAnEmptyDirectoryEndWithOneKeyTheyAllUse() throws Exception {
		Path keys = work.resolve("data/keys");
		int starts = 4;
		CyclicBarrier together = new CyclicBarrier(starts);
		ExecutorService pool = Executors.newFixedThreadPool(starts);
		try {
			List<Future<String>> used = new ArrayList<>();
			for (int i = 0; i < starts; i++) {
				used.add(pool.submit(() -> {
					together.await();
					return KeyDirectory.locked(keys, () -> loadOrCreate(keys));
				}));
			}
			List<String> names = new ArrayList<>();
			for (Future<String> key : used) {
				names.add(key.get());
			}
			assertThat(names).as("every start uses the same key").containsOnly(names.get(0));
			try (Stream<Path> files = Files.list(keys)) {
				assertThat(files.map(f -> f.getFileName().toString())).containsExactly(names.get(0));
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theLockFileLivesBesideTheDirectoryNotInIt() throws Exception {
		Path keys = work.resolve("data/keys");
		assertThat(KeyDirectory.locked(keys, () -> Files.isDirectory(keys))).isTrue();
		assertThat(work.resolve("data/keys.lock")).exists();
		try (Stream<Path> files = Files.list(keys)) {
			assertThat(files).as("backups copy every file of the key directory").isEmpty();
		}
	}

	/** What the key holders do: use the first key there is, or create one, slowly. */
	private static String loadOrCreate(Path keys) throws IOException {
		try (Stream<Path> files = Files.list(keys)) {
			Optional<Path> existing = files.findFirst();
			if (existing.isPresent()) {
				return existing.get().getFileName().toString();
			}
		}
		try {
			// Generating a key takes a moment: the window another start would slip into.
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Files.createFile(keys.resolve("key-" + UUID.randomUUID())).getFileName().toString();
	}

}
