package jp.madoguchi.moving.mynumber;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import jp.madoguchi.platform.MadoguchiProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The key that opens every stored My Number: readable by the service account only. */
class MyNumberKeyFilesTests {

	@Test
	void theFirstKeyAndItsDirectoryAreOwnerOnly(@TempDir Path root) throws Exception {
		Path dataDir = root.resolve("data");
		MyNumberVault vault = new MyNumberVault(new MadoguchiProperties(dataDir, "all"));
		MyNumberVault.Sealed sealed = vault.seal("123456789018", "notification:1:0");
		assertThat(vault.open(sealed, "notification:1:0")).isEqualTo("123456789018");
		Path keys = dataDir.resolve("keys");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
		List<Path> files;
		try (Stream<Path> listed = Files.list(keys)) {
			files = listed.toList();
		}
		assertThat(files).singleElement()
			.satisfies((key) -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
				.isEqualTo("rw-------"));
	}

}
