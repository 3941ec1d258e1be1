package jp.madoguchi.audit.domain;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import java.util.function.LongSupplier;

import jp.madoguchi.platform.KeyDirectory;
import jp.madoguchi.platform.MadoguchiProperties;
import jp.madoguchi.platform.PrivateFiles;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code <data-dir>/keys/audit-chain.key}: created the first time the chain needs it, in
 * the key directory every instance shares (and every backup carries), never in the
 * database whose rows it protects.
 */
@Component
public class ChainKeys {

	static final String FILE = "audit-chain.key";

	private static final Logger log = LoggerFactory.getLogger(ChainKeys.class);

	private final Path file;

	private volatile @Nullable ChainKey key;

	@Autowired
	public ChainKeys(MadoguchiProperties properties, @Value("${madoguchi.audit.chain-key.file:}") String file) {
		this(file.isBlank() ? properties.dataDir().resolve("keys").resolve(FILE) : Path.of(file));
	}

	ChainKeys(Path file) {
		this.file = file.toAbsolutePath().normalize();
	}

	/**
	 * The key, read or (the first time) created; {@code lastId} tells a new key where the
	 * chain stands, as the events so far stay unkeyed.
	 */
	public ChainKey current(LongSupplier lastId) {
		ChainKey known = key;
		if (known != null) {
			return known;
		}
		synchronized (this) {
			if (key == null) {
				try {
					key = KeyDirectory.locked(file.getParent(),
							() -> Files.exists(file) ? read(file) : create(file, lastId.getAsLong()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException("The audit chain key " + file + " cannot be read", ex);
				}
			}
			return key;
		}
	}

	private static ChainKey read(Path file) throws IOException {
		Properties properties = new Properties();
		properties.load(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)));
		byte[] secret = Base64.getDecoder().decode(properties.getProperty("key"));
		return new ChainKey(keyId(secret), secret, Long.parseLong(properties.getProperty("keyedAfterId")));
	}

	private static ChainKey create(Path file, long lastId) throws IOException {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		Properties properties = new Properties();
		properties.setProperty("key", Base64.getEncoder().encodeToString(secret));
		properties.setProperty("keyedAfterId", Long.toString(lastId));
		StringWriter text = new StringWriter();
		properties.store(text, "Madoguchi audit chain key: events after keyedAfterId carry an HMAC under it");
		PrivateFiles.writeAtomically(file, text.toString().getBytes(StandardCharsets.US_ASCII));
		ChainKey created = new ChainKey(keyId(secret), secret, lastId);
		log.warn("Created the audit chain key {} ({}); events after id {} are keyed. Back it up with the database.",
				created.keyId(), file, lastId);
		return created;
	}

	private static String keyId(byte[] secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret), 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
