package jp.madoguchi.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code <data-dir>/keys}, which every instance of one installation shares
 * (docs/operations.md, "Several instances"). Modules read and create their key files
 * inside {@link #locked}: an exclusive lock on {@code <data-dir>/keys.lock} (beside the
 * directory, so backups do not carry it). Without it, instances started at once on an
 * empty directory would each create a key of their own and then fail to open what the
 * other sealed; with it, the second one waits and loads the first one's key.
 */
public final class KeyDirectory {

	private KeyDirectory() {
	}

	/** What runs while the lock is held. */
	@FunctionalInterface
	public interface Work<T> {

		T run() throws IOException;

	}

	/**
	 * Runs {@code work} holding the key directory's lock against other processes (and
	 * other threads of this one), after creating the directory if need be.
	 */
	public static <T> T locked(Path directory, Work<T> work) throws IOException {
		PrivateFiles.createDirectories(directory);
		Path lockFile = directory.toAbsolutePath().normalize().resolveSibling(directory.getFileName() + ".lock");
		// A FileLock is held per process: threads of one JVM queue here first.
		synchronized (KeyDirectory.class) {
			try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
					FileLock lock = channel.lock()) {
				return work.run();
			}
		}
	}

}
