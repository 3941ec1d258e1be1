package jp.madoguchi.prefiling.domain;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import jp.madoguchi.prefiling.codec.PayloadCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Key files: created once, owner-only, kept across restarts and rotation. */
class CounterKeysTests {

	static final byte[] JSON = "{\"type\":\"MOVE_IN\"}".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path directory;

	@Test
	void createsAKeyPairAtFirstStartAndKeepsIt() throws Exception {
		CounterKeys first = new CounterKeys(directory);
		String keyId = PayloadCodec.keyId(first.currentPublicKey());
		Path privateFile = directory.resolve("prefiling-" + keyId + ".key");
		assertThat(privateFile).exists();
		assertThat(directory.resolve("prefiling-" + keyId + ".pub")).exists();
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)))
				.isEqualTo("rw-------");
		}
		CounterKeys restarted = new CounterKeys(directory);
		assertThat(PayloadCodec.keyId(restarted.currentPublicKey())).isEqualTo(keyId);
		String payload = PayloadCodec.encode(JSON, first.currentPublicKey());
		assertThat(PayloadCodec.decode(payload, restarted::find)).isEqualTo(JSON);
	}

	@Test
	void aRetiredKeyStillDecodesWhileTheNewOneEncrypts() throws Exception {
		CounterKeys first = new CounterKeys(directory);
		String oldId = PayloadCodec.keyId(first.currentPublicKey());
		String oldPayload = PayloadCodec.encode(JSON, first.currentPublicKey());
		Path pub = directory.resolve("prefiling-" + oldId + ".pub");
		Files.move(pub, pub.resolveSibling(pub.getFileName() + ".retired"));

		CounterKeys rotated = new CounterKeys(directory);
		String newId = PayloadCodec.keyId(rotated.currentPublicKey());
		assertThat(newId).isNotEqualTo(oldId);
		try (Stream<Path> files = Files.list(directory)) {
			List<String> names = files.map(f -> f.getFileName().toString()).toList();
			assertThat(names).contains("prefiling-" + oldId + ".key", "prefiling-" + newId + ".key");
		}
		assertThat(PayloadCodec.decode(oldPayload, rotated::find)).isEqualTo(JSON);
		assertThat(PayloadCodec.decode(PayloadCodec.encode(JSON, rotated.currentPublicKey()), rotated::find))
			.isEqualTo(JSON);
	}

}
