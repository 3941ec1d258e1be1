package jp.madoguchi.admin.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attacks on a copied backup file: read it without the key, open it with another key,
 * change, reorder or cut off part of it.
 */
class BackupSealTests {

	static KeyPair operator;

	static KeyPair stranger;

	@BeforeAll
	static void keys() {
		operator = BackupSeal.newKeyPair();
		stranger = BackupSeal.newKeyPair();
	}

	@Test
	void whatIsSealedOpensUnchangedAcrossSegmentBoundaries() throws Exception {
		for (int size : new int[] { 0, 1, BackupSeal.SEGMENT, BackupSeal.SEGMENT + 1, 3 * BackupSeal.SEGMENT + 17 }) {
			byte[] plain = new byte[size];
			new Random(size).nextBytes(plain);
			assertThat(open(seal(plain, operator.getPublic()))).as("%d bytes", size).isEqualTo(plain);
		}
	}

	@Test
	void theSealedBytesShowNothingOfTheArchive() throws Exception {
		byte[] plain = "PK\u0003\u0004backup.properties 123456789018 辻\uDB40\uDD02".repeat(100)
			.getBytes(StandardCharsets.UTF_8);
		String sealed = new String(seal(plain, operator.getPublic()), StandardCharsets.ISO_8859_1);
		assertThat(sealed).startsWith("MADOGUCHI-BACKUP-2\n")
			.doesNotContain("PK\u0003\u0004")
			.doesNotContain("backup.properties")
			.doesNotContain("123456789018");
	}

	@Test
	void anotherKeyIsRefusedNamingBothFingerprints() throws Exception {
		byte[] sealed = seal(new byte[100], operator.getPublic());
		InputStream in = new ByteArrayInputStream(sealed);
		BackupSeal.Header header = BackupSeal.header(in);
		assertThatThrownBy(() -> BackupSeal.opening(in, header, stranger.getPrivate()))
			.isInstanceOf(BackupException.class)
			.hasMessageContaining(BackupSeal.fingerprint(operator.getPublic()))
			.hasMessageContaining(BackupSeal.fingerprint(stranger.getPublic()));
	}

	@Test
	void aChangedByteIsFound() throws Exception {
		byte[] sealed = seal(new byte[2 * BackupSeal.SEGMENT], operator.getPublic());
		sealed[sealed.length - 100] ^= 1;
		assertThatThrownBy(() -> open(sealed)).isInstanceOf(BackupException.class).hasMessageContaining("改ざん");
	}

	@Test
	void aFileCutOffAtASegmentBoundaryIsFound() throws Exception {
		byte[] sealed = seal(new byte[2 * BackupSeal.SEGMENT + 10], operator.getPublic());
		int lastSegment = 10 + 16;
		byte[] cut = Arrays.copyOf(sealed, sealed.length - lastSegment);
		assertThatThrownBy(() -> open(cut)).isInstanceOf(BackupException.class);
	}

	@Test
	void swappedSegmentsAreFound() throws Exception {
		byte[] plain = new byte[3 * BackupSeal.SEGMENT];
		new Random(3).nextBytes(plain);
		byte[] sealed = seal(plain, operator.getPublic());
		int segment = BackupSeal.SEGMENT + 16;
		int first = sealed.length - 3 * segment - 16;
		byte[] swapped = sealed.clone();
		System.arraycopy(sealed, first, swapped, first + segment, segment);
		System.arraycopy(sealed, first + segment, swapped, first, segment);
		assertThatThrownBy(() -> open(swapped)).isInstanceOf(BackupException.class);
	}

	@Test
	void theOperatorsKeyPairIsWrittenOnceWithThePrivateHalfOwnerOnly(@TempDir Path root) throws Exception {
		Path usb = root.resolve("usb");
		Path dataDir = root.resolve("data");
		assertThatThrownBy(() -> BackupKeys.recipient(Optional.empty(), dataDir)).isInstanceOf(BackupException.class)
			.hasMessageContaining("--new-key-pair");
		BackupKeys.create(usb, dataDir);
		Path privateFile = usb.resolve(BackupKeys.PRIVATE_FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile))).isEqualTo("rw-------");
		PublicKey installed = BackupKeys.recipient(Optional.empty(), dataDir);
		assertThat(BackupSeal.fingerprint(installed))
			.isEqualTo(BackupSeal.fingerprint(BackupSeal.publicKeyOf(BackupSeal.readPrivateKey(privateFile))));
		assertThat(Files.readString(dataDir.resolve(BackupKeys.INSTALLED))).doesNotContain("PRIVATE");
		byte[] before = Files.readAllBytes(privateFile);
		assertThatThrownBy(() -> BackupKeys.create(usb, dataDir)).isInstanceOf(BackupException.class)
			.hasMessageContaining("上書きしません");
		assertThat(Files.readAllBytes(privateFile)).isEqualTo(before);
	}

	private static byte[] seal(byte[] plain, PublicKey recipient) throws IOException {
		ByteArrayOutputStream sealed = new ByteArrayOutputStream();
		try (OutputStream out = BackupSeal.sealing(sealed, recipient)) {
			out.write(plain);
		}
		return sealed.toByteArray();
	}

	private static byte[] open(byte[] sealed) throws IOException {
		InputStream in = new ByteArrayInputStream(sealed);
		return BackupSeal.opening(in, BackupSeal.header(in), operator.getPrivate()).readAllBytes();
	}

}
