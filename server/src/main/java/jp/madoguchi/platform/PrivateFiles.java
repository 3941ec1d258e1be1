package jp.madoguchi.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Files with personal data or keys: readable by the service's own account only, from the
 * first byte. A file created with the default mode and restricted afterwards can be
 * opened by another local account in between, and an open descriptor keeps reading after
 * the chmod; so the mode is given to the system call that creates the file or directory.
 * <p>
 * On a file system without POSIX permissions (NTFS) the data directory's ACL is what
 * protects the files, and these methods create plain files.
 */
public final class PrivateFiles {

	private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private PrivateFiles() {
	}

	/**
	 * Creates the directory and any missing parent as {@code 700}; directories that exist
	 * keep their mode (see {@link #openToOthers}).
	 */
	public static Path createDirectories(Path directory) throws IOException {
		return posix() ? Files.createDirectories(directory, directoryMode()) : Files.createDirectories(directory);
	}

	/** A new, owner-only directory in the system's temporary folder. */
	public static Path createTempDirectory(String prefix) throws IOException {
		return posix() ? Files.createTempDirectory(prefix, directoryMode()) : Files.createTempDirectory(prefix);
	}

	/** A new file ({@code 600}) open for writing; fails if the file exists. */
	public static FileChannel createNew(Path file) throws IOException {
		Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		return posix() ? FileChannel.open(file, options, fileMode()) : FileChannel.open(file, options);
	}

	/** {@link #createNew} as a stream. */
	public static OutputStream newOutputStream(Path file) throws IOException {
		return Channels.newOutputStream(createNew(file));
	}

	/**
	 * Writes the file whole or not at all: a {@code 600} temporary file beside it, forced
	 * to the disk, then moved over the target in one step.
	 */
	public static void writeAtomically(Path file, byte[] content) throws IOException {
		Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try {
			try (FileChannel channel = createNew(temporary)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * The mode of a file or directory that accounts other than the owner can use, such as
	 * {@code rwxr-xr-x}; empty when only the owner can (or the file system has no POSIX
	 * modes, or the path does not exist).
	 */
	public static Optional<String> openToOthers(Path path) throws IOException {
		if (!posix() || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			return Optional.empty();
		}
		Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
		return mode.stream().anyMatch(OTHERS::contains) ? Optional.of(PosixFilePermissions.toString(mode))
				: Optional.empty();
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	private static FileAttribute<Set<PosixFilePermission>> fileMode() {
		return PosixFilePermissions.asFileAttribute(OWNER_FILE);
	}

	private static FileAttribute<Set<PosixFilePermission>> directoryMode() {
		return PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY);
	}

}
