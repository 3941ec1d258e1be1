package jp.madoguchi.prefiling.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.madoguchi.platform.KeyDirectory;
import jp.madoguchi.platform.MadoguchiProperties;
import jp.madoguchi.platform.PrivateFiles;
import jp.madoguchi.prefiling.codec.PayloadCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The counter's key pairs in {@code <data-dir>/keys}: {@code prefiling-<keyId>.key}
 * (PKCS#8, Base64, owner-only) and {@code prefiling-<keyId>.pub} (X.509, Base64). Every
 * private key is kept for decoding; the newest key that still has its {@code .pub} file
 * encrypts. Renaming a {@code .pub} to {@code .pub.retired} retires its key (it still
 * decodes): at the next start, when no active key is left, a new pair is created
 * (docs/prefiling.md). Counter only: the public role never sees a private key.
 */
@Component
public class CounterKeys {

	private static final Logger log = LoggerFactory.getLogger(CounterKeys.class);

	private final Map<String, KeyPair> pairs = new LinkedHashMap<>();

	private final KeyPair current;

	@Autowired
	CounterKeys(MadoguchiProperties properties) {
		this(properties.dataDir().resolve("keys"));
	}

	CounterKeys(Path directory) {
		try {
			// Locked: instances starting at once on a shared directory agree on one pair.
			this.current = KeyDirectory.locked(directory, () -> loadOrCreate(directory));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the pre-application keys in " + directory, ex);
		}
	}

	/** Loads every pair, creates one if none is active; answers the newest active. */
	private KeyPair loadOrCreate(Path directory) throws IOException {
		List<Path> active = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(CounterKeys::isPrivateKeyFile).sorted().toList()) {
				KeyPair pair = load(file);
				pairs.put(PayloadCodec.keyId(pair.getPublic()), pair);
				if (Files.exists(publicFile(file))) {
					active.add(file);
				}
			}
		}
		if (active.isEmpty()) {
			Path created = create(directory);
			KeyPair pair = load(created);
			pairs.put(PayloadCodec.keyId(pair.getPublic()), pair);
			active.add(created);
			log.info("Created the pre-application key pair {}", created.getFileName());
		}
		Path newest = active.stream()
			.max(Comparator.comparing(CounterKeys::modified).thenComparing(Path::toString))
			.orElseThrow();
		return load(newest);
	}

	/** The key pair that encrypts new payloads. */
	public PublicKey currentPublicKey() {
		return current.getPublic();
	}

	/** The key pair for a key id, null when the counter has no such key. */
	public @Nullable KeyPair find(String keyId) {
		return pairs.get(keyId);
	}

	private static boolean isPrivateKeyFile(Path file) {
		return file.getFileName().toString().matches("prefiling-[0-9a-f]{8}\\.key");
	}

	private static Path publicFile(Path privateFile) {
		String name = privateFile.getFileName().toString();
		return privateFile.resolveSibling(name.substring(0, name.length() - ".key".length()) + ".pub");
	}

	private static FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static KeyPair load(Path privateFile) throws IOException {
		try {
			byte[] pkcs8 = Base64.getMimeDecoder()
				.decode(Files.readString(privateFile, StandardCharsets.US_ASCII).strip());
			PrivateKey privateKey = KeyFactory.getInstance("X25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			Path pub = publicFile(privateFile);
			if (!Files.exists(pub)) {
				pub = retiredFile(privateFile);
			}
			if (!Files.exists(pub)) {
				throw new IllegalStateException(
						"The public key of " + privateFile + " is missing (neither .pub nor .pub.retired)");
			}
			PublicKey publicKey = PayloadCodec
				.publicKey(Base64.getMimeDecoder().decode(Files.readString(pub, StandardCharsets.US_ASCII).strip()));
			String expected = privateFile.getFileName()
				.toString()
				.substring("prefiling-".length(), "prefiling-".length() + 8);
			if (!PayloadCodec.keyId(publicKey).equals(expected)) {
				throw new IllegalStateException("The key file " + privateFile + " does not match its name");
			}
			return new KeyPair(publicKey, privateKey);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot read the pre-application key " + privateFile, ex);
		}
	}

	private static Path retiredFile(Path privateFile) {
		return publicFile(privateFile).resolveSibling(publicFile(privateFile).getFileName() + ".retired");
	}

	private static Path create(Path directory) throws IOException {
		KeyPair pair = PayloadCodec.generateKeyPair();
		String keyId = PayloadCodec.keyId(pair.getPublic());
		Path privateFile = directory.resolve("prefiling-" + keyId + ".key");
		// the public half first: a private key file is only ever there with its public
		// one
		PrivateFiles.writeAtomically(publicFile(privateFile),
				(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n")
					.getBytes(StandardCharsets.US_ASCII));
		PrivateFiles.writeAtomically(privateFile,
				(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n")
					.getBytes(StandardCharsets.US_ASCII));
		return privateFile;
	}

}
