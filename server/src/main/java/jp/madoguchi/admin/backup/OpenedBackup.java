package jp.madoguchi.admin.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jp.madoguchi.platform.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backup file made readable for a restore: a sealed one is opened with the private key
 * into an owner-only temporary file, checked to its last segment before anything is
 * restored, and deleted afterwards; an unsealed archive of the first format is used as it
 * is.
 */
final class OpenedBackup implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OpenedBackup.class);

	private final Path archive;

	private final Optional<Path> temporaryDirectory;

	private OpenedBackup(Path archive, Optional<Path> temporaryDirectory) {
		this.archive = archive;
		this.temporaryDirectory = temporaryDirectory;
	}

	static OpenedBackup of(Path file, Optional<Path> privateKeyFile) throws IOException {
		if (!BackupSeal.isSealed(file)) {
			log.warn("{} は暗号化されていない旧形式のバックアップです。復元後、新しい形式でバックアップを取り直し、このファイルは安全に廃棄してください。", file);
			return new OpenedBackup(file, Optional.empty());
		}
		try (InputStream in = Files.newInputStream(file)) {
			BackupSeal.Header header = BackupSeal.header(in);
			if (privateKeyFile.isEmpty()) {
				throw new BackupException("このバックアップは暗号化されています（鍵の指紋 " + header.fingerprint()
						+ "）。バックアップ用の秘密鍵ファイルを --madoguchi.backup.private-key=ファイル で指定してください。");
			}
			InputStream opened = BackupSeal.opening(in, header, BackupSeal.readPrivateKey(privateKeyFile.get()));
			Path directory = PrivateFiles.createTempDirectory("madoguchi-restore-");
			Path archive = directory.resolve("backup.zip");
			try (OutputStream out = PrivateFiles.newOutputStream(archive)) {
				opened.transferTo(out);
			}
			catch (IOException | RuntimeException ex) {
				delete(directory);
				throw ex;
			}
			return new OpenedBackup(archive, Optional.of(directory));
		}
	}

	/** The zip archive to restore from. */
	Path archive() {
		return archive;
	}

	@Override
	public void close() throws IOException {
		if (temporaryDirectory.isPresent()) {
			delete(temporaryDirectory.get());
		}
	}

	private static void delete(Path directory) throws IOException {
		Files.deleteIfExists(directory.resolve("backup.zip"));
		Files.deleteIfExists(directory);
	}

}
