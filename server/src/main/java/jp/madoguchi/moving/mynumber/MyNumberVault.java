package jp.madoguchi.moving.mynumber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jp.madoguchi.platform.KeyDirectory;
import jp.madoguchi.platform.MadoguchiProperties;
import jp.madoguchi.platform.PrivateFiles;
import jp.madoguchi.platform.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Encrypts My Numbers with AES-256-GCM under keys kept outside the database, in
 * {@code <data-dir>/keys/my-number-*.key}. The newest key encrypts; older keys still
 * decrypt, so keys can rotate. The associated data binds each ciphertext to its
 * notification and person, so a ciphertext copied to another row does not decrypt.
 */
// Keys are files on disk, not tables: neither persistence nor domain.
@Component
public class MyNumberVault {

	private static final Logger log = LoggerFactory.getLogger(MyNumberVault.class);

	private static final int NONCE_BYTES = 12;

	private final Map<String, byte[]> keys = new LinkedHashMap<>();

	private final String currentKeyId;

	private final SecureRandom random = new SecureRandom();

	public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
	}

	MyNumberVault(MadoguchiProperties properties) {
		Path directory = properties.dataDir().resolve("keys");
		try {
			// Locked: instances starting at once on a shared directory agree on one key.
			KeyDirectory.locked(directory, () -> {
				try (Stream<Path> files = Files.list(directory)) {
					files.filter(f -> f.getFileName().toString().matches("my-number-.*\\.key"))
						.sorted(Comparator.comparing(f -> f.getFileName().toString()))
						.forEach(this::load);
				}
				if (keys.isEmpty()) {
					createKey(directory);
				}
				return null;
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the My Number keys in " + directory, ex);
		}
		// Names sort by creation time, so the last loaded is the newest.
		this.currentKeyId = keys.keySet().stream().reduce((first, second) -> second).orElseThrow();
	}

	public Sealed seal(String myNumber, String associatedData) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		return new Sealed(currentKeyId, nonce, crypt(Cipher.ENCRYPT_MODE, currentKeyId, nonce, associatedData,
				myNumber.getBytes(StandardCharsets.US_ASCII)));
	}

	public String open(Sealed sealed, String associatedData) {
		if (!keys.containsKey(sealed.keyId())) {
			throw missingKey(sealed.keyId());
		}
		return new String(
				crypt(Cipher.DECRYPT_MODE, sealed.keyId(), sealed.nonce(), associatedData, sealed.ciphertext()),
				StandardCharsets.US_ASCII);
	}

	/** The ids of the keys this instance holds (the first 8 hex digits of their hash). */
	public Set<String> keyIds() {
		return Set.copyOf(keys.keySet());
	}

	/**
	 * A stored My Number sealed under a key this instance lacks: an instance started with
	 * its own key directory instead of the shared one (docs/operations.md).
	 */
	static ProblemException missingKey(String keyId) {
		return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "MY_NUMBER_KEY_MISSING", Map.of("keyId", keyId),
				keyId);
	}

	private byte[] crypt(int mode, String keyId, byte[] nonce, String associatedData, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, new SecretKeySpec(keys.get(keyId), "AES"), new GCMParameterSpec(128, nonce));
			cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"My Number could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"), ex);
		}
	}

	private void load(Path file) {
		try {
			byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
			if (key.length != 32) {
				throw new IllegalStateException(file + " does not hold a 256-bit key");
			}
			keys.put(keyId(key), key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void createKey(Path directory) throws IOException {
		byte[] key = new byte[32];
		random.nextBytes(key);
		String name = "my-number-" + System.currentTimeMillis() + "-" + keyId(key) + ".key";
		Path file = directory.resolve(name);
		if (Files.exists(file)) {
			throw new IOException("Key file exists already: " + file);
		}
		PrivateFiles.writeAtomically(file, Base64.getEncoder().encodeToString(key).getBytes(StandardCharsets.US_ASCII));
		keys.put(keyId(key), key);
		log.warn(
				"Created a new My Number key {}; back it up with the database — without it, stored My Numbers are lost.",
				file);
	}

	private static String keyId(byte[] key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
