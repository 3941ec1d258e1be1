package jp.madoguchi.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS behind a reverse proxy (issue 20, "TLS and cookies"): the proxy at 127.0.0.1 is
 * trusted, so its {@code X-Forwarded-Proto: https} makes every cookie {@code Secure} and
 * brings HSTS, and its {@code X-Forwarded-For} is the client's address in the audit
 * trail; the same headers from 127.0.0.2, not a trusted proxy, change nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "madoguchi.tls.trusted-proxies=127.0.0.1, ::1")
class TlsProxySecurityTests {

	private static final Map<String, String> FORWARDED_HTTPS = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For",
			"203.0.113.7");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void httpsForwardedByTheTrustedProxyMakesEveryCookieSecureAndSendsHsts() throws Exception {
		RawHttp proxy = new RawHttp("127.0.0.1", port);
		RawHttp.Response page = proxy.get("/login?lang=en", FORWARDED_HTTPS);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.all("Strict-Transport-Security")).singleElement().asString().startsWith("max-age=31536000");
		String session = page.setCookie("MADOGUCHI_SESSION");
		String language = page.setCookie("MADOGUCHI_LANG");
		assertThat(RawHttp.Response.isSecure(session)).as(session).isTrue();
		assertThat(RawHttp.Response.isSecure(language)).as(language).isTrue();
		assertThat(session).containsIgnoringCase("HttpOnly").contains("SameSite=Lax");

		String user = "nobody-" + System.nanoTime();
		RawHttp.Response refused = signIn(proxy, page, user, FORWARDED_HTTPS);
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.all("Location")).singleElement().asString().endsWith("/login?error=refused");
		assertThat(addressOfTheFailedSignIn(user)).as("the client's address, from the trusted proxy")
			.isEqualTo("203.0.113.7");

		// Plain HTTP through the same proxy: no HSTS, no Secure (the header decides).
		RawHttp.Response plain = proxy.get("/login", Map.of("X-Forwarded-Proto", "http"));
		assertThat(plain.all("Strict-Transport-Security")).isEmpty();
		assertThat(RawHttp.Response.isSecure(plain.setCookie("MADOGUCHI_SESSION"))).isFalse();
	}

	@Test
	void theSameHeadersFromAnUntrustedAddressAreIgnored() throws Exception {
		RawHttp stranger = new RawHttp("127.0.0.2", port);
		RawHttp.Response page = stranger.get("/login?lang=en", FORWARDED_HTTPS);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.all("Strict-Transport-Security")).isEmpty();
		assertThat(RawHttp.Response.isSecure(page.setCookie("MADOGUCHI_SESSION"))).isFalse();
		assertThat(RawHttp.Response.isSecure(page.setCookie("MADOGUCHI_LANG"))).isFalse();

		String user = "nobody-" + System.nanoTime();
		RawHttp.Response refused = signIn(stranger, page, user, FORWARDED_HTTPS);
		assertThat(refused.status()).isEqualTo(302);
		assertThat(addressOfTheFailedSignIn(user)).as("the connection's own address, not the header's")
			.isEqualTo("127.0.0.2");
	}

	@Test
	void trustedProxiesAreIpAddressesNeverHostNamesOrNetworks() {
		assertThat(TransportConfiguration.internalProxies(java.util.List.of(" 10.0.0.5", "::1", "", "10.0.0.5")))
			.isEqualTo("\\Q10.0.0.5\\E|\\Q0:0:0:0:0:0:0:1\\E");
		for (String bad : new String[] { "proxy.city.example", "10.0.0.0/8", "10.0.0.*" }) {
			org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
				.isThrownBy(() -> TransportConfiguration.internalProxies(java.util.List.of(bad)))
				.withMessageContaining("madoguchi.tls.trusted-proxies");
		}
	}

	private static RawHttp.Response signIn(RawHttp client, RawHttp.Response loginPage, String user,
			Map<String, String> forwarded) throws Exception {
		Map<String, String> headers = new java.util.LinkedHashMap<>(forwarded);
		headers.put("Cookie", loginPage.cookie("MADOGUCHI_SESSION"));
		return client.postForm("/login", headers, "username=" + user + "&password=wrong-password-1&_csrf="
				+ URLEncoder.encode(loginPage.csrf(), StandardCharsets.UTF_8));
	}

	private String addressOfTheFailedSignIn(String user) {
		return jdbc.sql("select ip from audit.events where action = 'LOGIN' and outcome = 'FAILURE' and subject = ?")
			.param("user:" + user)
			.query(String.class)
			.single();
	}

}
