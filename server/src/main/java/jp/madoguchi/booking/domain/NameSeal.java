package jp.madoguchi.booking.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * A resident's optional name, sealed on the public site to the counter's booking name key
 * (RSA-OAEP with SHA-256, 3072-bit key): the public site holds only ciphertext it cannot
 * read, the counter opens it with the private key that never leaves its key directory. A
 * name is at most 50 characters (200 bytes of UTF-8), well within one OAEP block.
 */
public final class NameSeal {

	static final String TRANSFORMATION = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";

	private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
			PSource.PSpecified.DEFAULT);

	private NameSeal() {
	}

	/** The key as the counter publishes it: X.509, Base64. */
	public static PublicKey publicKey(String base64) {
		try {
			return KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("Not an RSA public key", ex);
		}
	}

	/** The name sealed to {@code key}, Base64. */
	public static String seal(String name, PublicKey key) {
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, key, OAEP);
			return Base64.getEncoder().encodeToString(cipher.doFinal(name.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The name, when {@code sealed} was sealed to the public half of {@code key}. */
	public static String open(String sealed, PrivateKey key) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance(TRANSFORMATION);
		cipher.init(Cipher.DECRYPT_MODE, key, OAEP);
		try {
			return new String(cipher.doFinal(Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new GeneralSecurityException("Not Base64", ex);
		}
	}

}
