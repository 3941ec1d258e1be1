package jp.madoguchi.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * TLS with Madoguchi's own certificate (issue 20, "TLS and cookies"): a PKCS#12 keystore
 * made with {@code keytool} exactly as docs/operations.md says, given through
 * {@code server.ssl.*}; a real TLS handshake from Java's HTTP client that trusts only
 * that certificate. Every cookie is {@code Secure} and HSTS is sent; a client that does
 * not trust the certificate is refused at the handshake.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OwnCertificateSecurityTests {

	private static final String PASSWORD = "keystore-password-for-tests";

	private static Path folder;

	private static Path keystore;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void ownCertificate(DynamicPropertyRegistry registry) throws Exception {
		keystore = keystore();
		registry.add("server.ssl.key-store", () -> keystore.toString());
		registry.add("server.ssl.key-store-type", () -> "PKCS12");
		registry.add("server.ssl.key-store-password", () -> PASSWORD);
		registry.add("server.ssl.key-alias", () -> "madoguchi");
	}

	@AfterAll
	static void removeTheKeystore() throws IOException {
		if (folder != null) {
			FileSystemUtils.deleteRecursively(folder);
		}
	}

	@Test
	void theServersOwnCertificateMakesEveryCookieSecureAndSendsHsts() throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.sslContext(trusting(keystore))
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> page = client.send(
				HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/login?lang=en")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.sslSession()).isPresent();
		assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				(hsts) -> assertThat(hsts).startsWith("max-age=31536000").contains("includeSubDomains"));
		List<String> cookies = page.headers().allValues("Set-Cookie");
		assertThat(cookies).anyMatch((cookie) -> cookie.startsWith("MADOGUCHI_SESSION="))
			.anyMatch((cookie) -> cookie.startsWith("MADOGUCHI_LANG="))
			.allSatisfy((cookie) -> assertThat(RawHttp.Response.isSecure(cookie)).as(cookie).isTrue());
	}

	@Test
	void aClientThatDoesNotTrustTheCertificateIsRefusedAtTheHandshake() {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		assertThatExceptionOfType(SSLHandshakeException.class).isThrownBy(
				() -> client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/login")).build(),
						HttpResponse.BodyHandlers.ofString()));
	}

	/**
	 * A self-signed certificate for localhost in a PKCS#12 keystore, with the JDK's
	 * keytool and the options docs/operations.md gives.
	 */
	private static Path keystore() throws Exception {
		folder = Files.createTempDirectory("madoguchi-tls-");
		Path file = folder.resolve("madoguchi-tls.p12");
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "madoguchi", "-keyalg", "EC",
				"-groupname", "secp256r1", "-validity", "30", "-dname", "CN=localhost", "-ext",
				"SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass",
				PASSWORD)
			.redirectErrorStream(true)
			.start();
		String output;
		try (InputStream out = process.getInputStream()) {
			output = new String(out.readAllBytes());
		}
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return file;
	}

	/** Trusts the keystore's certificate and nothing else. */
	private static SSLContext trusting(Path keystore) throws Exception {
		KeyStore own = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keystore)) {
			own.load(in, PASSWORD.toCharArray());
		}
		Certificate certificate = own.getCertificate("madoguchi");
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		trusted.setCertificateEntry("madoguchi", certificate);
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

}
