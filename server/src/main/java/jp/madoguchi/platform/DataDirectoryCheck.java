package jp.madoguchi.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jp.madoguchi.platform.database.DatabasePasswords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start when another local account can read the data directory, its key
 * directory, a key file or the database passwords: the directories are created
 * {@code 700} and the files {@code 600} ({@link PrivateFiles}), but a directory made by
 * hand, copied or restored with {@code cp -r} can be open to everyone.
 */
@Component
@ServedBy({ Role.COUNTER, Role.PUBLIC })
public class DataDirectoryCheck {

	private static final Logger log = LoggerFactory.getLogger(DataDirectoryCheck.class);

	private final Path dataDir;

	public DataDirectoryCheck(MadoguchiProperties properties) {
		this.dataDir = properties.dataDir().toAbsolutePath().normalize();
	}

	/** A path others can use, with its mode. */
	public record OpenPath(Path path, String mode) {
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnAtStart() {
		for (OpenPath open : openPaths()) {
			log.warn("{} は他のユーザーからも読み書きできます（権限 {}）。個人番号の鍵と個人情報を守るため、chmod {} {} を実行してください。", open.path(), open.mode(),
					Files.isDirectory(open.path()) ? "700" : "600", open.path());
		}
	}

	/**
	 * The data directory, the key directory, the key files and the passwords others can
	 * use.
	 */
	public List<OpenPath> openPaths() {
		List<Path> checked = new ArrayList<>(List.of(dataDir, dataDir.resolve("postgres"),
				DatabasePasswords.file(dataDir), dataDir.resolve("keys")));
		if (Files.isDirectory(dataDir.resolve("keys"))) {
			try (Stream<Path> keys = Files.list(dataDir.resolve("keys"))) {
				keys.sorted().forEach(checked::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		List<OpenPath> open = new ArrayList<>();
		for (Path path : checked) {
			try {
				Optional<String> mode = PrivateFiles.openToOthers(path);
				mode.ifPresent((value) -> open.add(new OpenPath(path, value)));
			}
			catch (IOException ex) {
				log.warn("{} の権限を確認できません: {}", path, ex.toString());
			}
		}
		return open;
	}

}
