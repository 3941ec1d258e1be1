package jp.madoguchi.card;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the residence card issuer's public key the check code must verify with: an X.509
 * certificate (PEM or DER) or a bare public key (PEM "PUBLIC KEY" or DER
 * SubjectPublicKeyInfo), RSA (first-generation cards) or EC P-384 (second generation).
 * The real keys are the Immigration Services Agency's; the emulator's test issuers are
 * {@code card/profiles/test-issuer.pem} (RSA) and {@code test-issuer-ecdsa.pem} (ECDSA).
 */
public final class IssuerKeys {

	private IssuerKeys() {
	}

	public static PublicKey read(Path file) throws IOException {
		return parse(Files.readAllBytes(file));
	}

	public static PublicKey parse(byte[] content) {
		String text = new String(content, StandardCharsets.US_ASCII);
		byte[] der = content;
		boolean publicKeyPem = text.contains("-----BEGIN PUBLIC KEY-----");
		if (text.contains("-----BEGIN")) {
			String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			der = Base64.getDecoder().decode(base64);
		}
		try {
			if (!publicKeyPem) {
				try {
					return CertificateFactory.getInstance("X.509")
						.generateCertificate(new ByteArrayInputStream(der))
						.getPublicKey();
				}
				catch (GeneralSecurityException ex) {
					// Not a certificate: a bare key, below.
				}
			}
			try {
				return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
			}
			catch (GeneralSecurityException ex) {
				// The second generation's issuer key is an EC (P-384) key.
				return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Neither an X.509 certificate nor an RSA or EC public key", ex);
		}
	}

}
