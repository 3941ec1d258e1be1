package jp.madoguchi.platform;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attack: another local account opens a key or outbox file while it is being written,
 * or lists the key directory. Modes are checked on the real file system.
 */
class PrivateFilesTests {

	@TempDir
	Path root;

	@Test
	void aNewFileIsOwnerOnlyBeforeItsFirstByte() throws Exception {
		Path file = root.resolve("secret.key");
		try (FileChannel channel = PrivateFiles.createNew(file)) {
			assertThat(mode(file)).isEqualTo("rw-------");
			assertThat(Files.size(file)).isZero();
			channel.write(ByteBuffer.wrap("k".getBytes(StandardCharsets.US_ASCII)));
		}
		assertThat(mode(file)).isEqualTo("rw-------");
		assertThatThrownBy(() -> PrivateFiles.createNew(file)).as("never reuses a file someone else made")
			.isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
	}

	@Test
	void missingDirectoriesAreCreatedOwnerOnlyAndExistingOnesAreLeftAlone() throws Exception {
		Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path keys = root.resolve("data/keys");
		PrivateFiles.createDirectories(keys);
		assertThat(mode(root.resolve("data"))).isEqualTo("rwx------");
		assertThat(mode(keys)).isEqualTo("rwx------");
		assertThat(mode(root)).isEqualTo("rwxr-xr-x");
	}

	@Test
	void anAtomicWriteReplacesTheWholeFileAndLeavesNoTemporaryFile() throws Exception {
		Path file = root.resolve("prefiling.pub");
		PrivateFiles.writeAtomically(file, "first".getBytes(StandardCharsets.US_ASCII));
		PrivateFiles.writeAtomically(file, "second".getBytes(StandardCharsets.US_ASCII));
		assertThat(Files.readString(file)).isEqualTo("second");
		assertThat(mode(file)).isEqualTo("rw-------");
		try (Stream<Path> files = Files.list(root)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void aDataDirectoryOthersCanReadIsNamedWithItsMode() throws Exception {
		Path dataDir = root.resolve("data");
		PrivateFiles.createDirectories(dataDir.resolve("keys"));
		PrivateFiles.writeAtomically(dataDir.resolve("keys/my-number-1.key"), new byte[] { 1 });
		DataDirectoryCheck check = new DataDirectoryCheck(new MadoguchiProperties(dataDir, "all"));
		assertThat(check.openPaths()).isEmpty();

		Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(dataDir.resolve("keys/my-number-1.key"),
				PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(check.openPaths()).containsExactly(new DataDirectoryCheck.OpenPath(dataDir, "rwxr-xr-x"),
				new DataDirectoryCheck.OpenPath(dataDir.resolve("keys/my-number-1.key"), "rw-r--r--"));
	}

	private static String mode(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
