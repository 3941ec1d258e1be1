package jp.madoguchi.residentrecord.domain;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import jp.madoguchi.platform.LinkSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The attacks on the link to the resident-record system: a URL that would carry My
 * Numbers in the clear, and requests forged, altered or replayed by someone on the
 * network who does not hold the link key.
 */
class LinkSignerTests {

	static final Instant NOW = Instant.parse("2026-12-02T08:30:00Z");

	static final URI DELIVERIES = URI.create("https://juki.city.example.lg.jp/deliveries?batch=1");

	static final byte[] DOCUMENT = "{\"myNumber\":\"123456789018\"}".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path keys;

	@Test
	void theReceiverAcceptsExactlyTheSignedRequest() throws Exception {
		LinkSigner signer = LinkSigner.inKeyDirectory(keys, LinkSigners.FILE, Clock.fixed(NOW, ZoneOffset.UTC));
		byte[] key = key();
		String header = signer.sign("POST", DELIVERIES, DOCUMENT);
		assertThat(header).matches("t=\\d+,kid=[0-9a-f]{8},sig=[0-9a-f]{64}").contains("kid=" + signer.keyId());
		String target = LinkSigner.target(DELIVERIES);
		assertThat(target).isEqualTo("/deliveries?batch=1");
		assertThat(LinkSigner.verify(key, header, "POST", target, DOCUMENT, NOW)).isTrue();

		byte[] altered = "{\"myNumber\":\"999999999999\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(LinkSigner.verify(key, header, "POST", target, altered, NOW)).as("body changed").isFalse();
		assertThat(LinkSigner.verify(key, header, "POST", "/deliveries?batch=2", DOCUMENT, NOW)).as("other target")
			.isFalse();
		assertThat(LinkSigner.verify(key, header, "GET", target, DOCUMENT, NOW)).as("other method").isFalse();
		assertThat(LinkSigner.verify(key, header, "POST", target, DOCUMENT, NOW.plus(Duration.ofMinutes(6))))
			.as("replayed later")
			.isFalse();
		assertThat(LinkSigner.verify(new byte[32], header, "POST", target, DOCUMENT, NOW)).as("another key").isFalse();
		assertThat(LinkSigner.verify(key, null, "POST", target, DOCUMENT, NOW)).as("unsigned").isFalse();
		assertThat(LinkSigner.verify(key, "t=x,sig=y", "POST", target, DOCUMENT, NOW)).as("garbage").isFalse();
	}

	@Test
	void theKeyIsCreatedOnceOwnerOnly() throws Exception {
		LinkSigner first = LinkSigner.inKeyDirectory(keys, LinkSigners.FILE, Clock.systemUTC());
		LinkSigner again = LinkSigner.inKeyDirectory(keys, LinkSigners.FILE, Clock.systemUTC());
		assertThat(again.keyId()).isEqualTo(first.keyId());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(LinkSigners.FILE))))
			.isEqualTo("rw-------");
	}

	@Test
	void plainHttpIsRefusedAtStartUnlessExplicitlyAllowedForTests() {
		URI plain = URI.create("http://juki.city.example.lg.jp/deliveries");
		assertThatIllegalStateException()
			.isThrownBy(() -> http(false).secure(plain, "madoguchi.resident-record.http.url"))
			.withMessageContaining("madoguchi.resident-record.http.url")
			.withMessageContaining("https");
		assertThat(http(false).secure(DELIVERIES, "x")).isEqualTo(DELIVERIES);
		assertThat(http(true).secure(plain, "x")).isEqualTo(plain);
		assertThatIllegalStateException().isThrownBy(
				() -> http(true).secure(URI.create("ftp://juki.example/"), "madoguchi.resident-record.lookup.url"));
	}

	private static ResidentRecordProperties http(boolean allowPlainHttp) {
		return TargetCharactersTests.properties("http", "json", "UTF-8", "auto", null, null, false, allowPlainHttp);
	}

	private byte[] key() throws Exception {
		return Base64.getDecoder().decode(Files.readString(keys.resolve(LinkSigners.FILE)).trim());
	}

}
