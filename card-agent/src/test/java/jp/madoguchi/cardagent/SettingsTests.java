package jp.madoguchi.cardagent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SettingsTests {

	@Test
	void readsTheCommandLine() {
		CardAgent.Settings settings = CardAgent.Settings.parse(new String[] { "--port", "9443", "--allowed-origin",
				"https://madoguchi.example.lg.jp/", "--pairing-token", "0123456789abcdef" });
		assertThat(settings.port()).isEqualTo(9443);
		assertThat(settings.allowedOrigin()).isEqualTo("https://madoguchi.example.lg.jp");
		assertThat(settings.toString()).doesNotContain("0123456789abcdef");
		assertThat(settings.opjDecompress()).isEqualTo("opj_decompress");
		assertThat(CardAgent.Settings
			.parse(new String[] { "--port", "9443", "--allowed-origin", "https://madoguchi.example.lg.jp",
					"--pairing-token", "0123456789abcdef", "--opj-decompress",
					"C:\\OpenJPEG\\bin\\opj_decompress.exe" })
			.opjDecompress()).isEqualTo("C:\\OpenJPEG\\bin\\opj_decompress.exe");
	}

	@Test
	void refusesAnOriginWithAPathAndShortTokens() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new CardAgent.Settings(9443, "https://madoguchi.example.lg.jp/counter", "0123456789abcdef"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CardAgent.Settings(9443, "madoguchi.example.lg.jp", "0123456789abcdef"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CardAgent.Settings(9443, "https://madoguchi.example.lg.jp", "short"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CardAgent.Settings.parse(new String[] { "--port", "9443", "--allowed-origin" }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CardAgent.Settings.parse(new String[] { "--verbose", "yes" }));
	}

	@Test
	void takesTheResidenceCardIssuerKeyAndRefusesAFileThatIsNone() throws Exception {
		java.nio.file.Path certificate = java.nio.file.Path.of("..", "card", "profiles", "test-issuer.pem");
		CardAgent.Settings settings = CardAgent.Settings
			.parse(new String[] { "--port", "9443", "--allowed-origin", "https://madoguchi.example.lg.jp",
					"--pairing-token", "0123456789abcdef", "--residence-card-issuer-key", certificate.toString() });
		assertThat(settings.issuerKey().getAlgorithm()).isEqualTo("RSA");
		assertThat(new CardAgent.Settings(9443, "https://madoguchi.example.lg.jp", "0123456789abcdef").issuerKey())
			.isNull();
		// The second generation's issuer: an EC (P-384) certificate, and only such.
		java.nio.file.Path ecdsa = java.nio.file.Path.of("..", "card", "profiles", "test-issuer-ecdsa.pem");
		CardAgent.Settings both = CardAgent.Settings.parse(new String[] { "--port", "9443", "--allowed-origin",
				"https://madoguchi.example.lg.jp", "--pairing-token", "0123456789abcdef", "--residence-card-issuer-key",
				certificate.toString(), "--residence-card-ecdsa-issuer-key", ecdsa.toString() });
		assertThat(both.issuerKeys()).extracting(java.security.PublicKey::getAlgorithm).containsExactly("RSA", "EC");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CardAgent.Settings(9443, "https://madoguchi.example.lg.jp", "0123456789abcdef", null,
					certificate, "opj_decompress"))
			.withMessageContaining("no EC key");
		java.nio.file.Path notAKey = java.nio.file.Files.createTempFile("issuer", ".pem");
		java.nio.file.Files.writeString(notAKey, "not a certificate");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new CardAgent.Settings(9443, "https://madoguchi.example.lg.jp", "0123456789abcdef", notAKey));
		java.nio.file.Files.delete(notAKey);
	}

}
