package jp.madoguchi.booking.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

import jp.madoguchi.platform.KeyDirectory;
import jp.madoguchi.platform.MadoguchiProperties;
import jp.madoguchi.platform.PrivateFiles;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The counter's booking name key pair, {@code <data-dir>/keys/}{@value #PRIVATE_FILE}
 * (PKCS#8, Base64, owner-only) and {@value #PUBLIC_FILE} (X.509), created at the first
 * start. The public half travels to the public site with the signed booking push; the
 * private half opens the names residents sealed there. Counter only; read at the first
 * use.
 */
@Component
public class BookingNameKey {

	private static final Logger log = LoggerFactory.getLogger(BookingNameKey.class);

	static final String PRIVATE_FILE = "booking-name.key";

	static final String PUBLIC_FILE = "booking-name.pub";

	private final Path keys;

	private @Nullable KeyPair pair;

	BookingNameKey(MadoguchiProperties properties) {
		this.keys = properties.dataDir().resolve("keys");
	}

	/** Read (or created) at the first use: only a counter with a public site needs it. */
	private synchronized KeyPair pair() {
		if (pair == null) {
			try {
				pair = KeyDirectory.locked(keys, () -> loadOrCreate(keys));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The booking name key in " + keys + " cannot be read", ex);
			}
		}
		return pair;
	}

	private static KeyPair loadOrCreate(Path keys) throws IOException {
		Path privateFile = keys.resolve(PRIVATE_FILE);
		Path publicFile = keys.resolve(PUBLIC_FILE);
		try {
			if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(3072);
				KeyPair created = generator.generateKeyPair();
				PrivateFiles.writeAtomically(publicFile, Base64.getEncoder().encode(created.getPublic().getEncoded()));
				PrivateFiles.writeAtomically(privateFile,
						Base64.getEncoder().encode(created.getPrivate().getEncoded()));
				log.info("Created the booking name key pair {}", privateFile.getFileName());
			}
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(
					Base64.getDecoder().decode(Files.readString(privateFile, StandardCharsets.US_ASCII).strip())));
			PublicKey publicKey = NameSeal.publicKey(Files.readString(publicFile, StandardCharsets.US_ASCII).strip());
			return new KeyPair(publicKey, privateKey);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("The booking name key in " + keys + " cannot be read", ex);
		}
	}

	/** The public half as the push carries it (X.509, Base64). */
	public String publicKey() {
		return Base64.getEncoder().encodeToString(pair().getPublic().getEncoded());
	}

	/** The sealed name opened; empty when it was not sealed to this key. */
	public Optional<String> open(String sealed) {
		try {
			return Optional.of(NameSeal.open(sealed, pair().getPrivate()));
		}
		catch (GeneralSecurityException ex) {
			log.warn("A sealed booking name could not be opened: {}", ex.getMessage());
			return Optional.empty();
		}
	}

}
