package jp.madoguchi.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * TLS in front of the server or in it. Behind a proxy, the client's address and scheme
 * come from {@code X-Forwarded-For} / {@code X-Forwarded-Proto} only when the connection
 * comes from one of {@code madoguchi.tls.trusted-proxies} (Tomcat's
 * {@link RemoteIpValve}, limited to exactly those addresses); from anyone else the
 * headers are ignored. Once a request is known to be HTTPS, every cookie is sent
 * {@code Secure} ({@link SecureCookiesFilter}) and Spring Security adds HSTS.
 */
@Configuration(proxyBeanMethods = false)
@ServedBy({ Role.COUNTER, Role.PUBLIC })
@EnableConfigurationProperties(Transport.class)
class TransportConfiguration {

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxies(Transport transport) {
		String internalProxies = internalProxies(transport.trustedProxies());
		return (factory) -> {
			if (internalProxies.isEmpty()) {
				return;
			}
			RemoteIpValve valve = new RemoteIpValve();
			valve.setInternalProxies(internalProxies);
			valve.setTrustedProxies(null);
			valve.setRemoteIpHeader("X-Forwarded-For");
			valve.setProxiesHeader("X-Forwarded-By");
			valve.setProtocolHeader("X-Forwarded-Proto");
			valve.setProtocolHeaderHttpsValue("https");
			valve.setPortHeader("X-Forwarded-Port");
			factory.addEngineValves(valve);
		};
	}

	@Bean
	FilterRegistrationBean<SecureCookiesFilter> secureCookiesFilter() {
		FilterRegistrationBean<SecureCookiesFilter> registration = new FilterRegistrationBean<>(
				new SecureCookiesFilter());
		// Outside the session filter, which writes the session cookie.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	/**
	 * The valve's pattern matching exactly the given addresses, in the form Tomcat gives
	 * the peer's address ({@code 0:0:0:0:0:0:0:1} for {@code ::1}).
	 * @throws IllegalArgumentException for anything but an IP address (a host name would
	 * be looked up once, and a network would need a pattern the operator cannot check)
	 */
	static String internalProxies(List<String> addresses) {
		return addresses.stream()
			.map(String::strip)
			.filter((address) -> !address.isEmpty())
			.map(TransportConfiguration::canonical)
			.distinct()
			.map(Pattern::quote)
			.collect(Collectors.joining("|"));
	}

	private static String canonical(String address) {
		if (!address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
			throw new IllegalArgumentException(
					"madoguchi.tls.trusted-proxies takes IP addresses, one per proxy; got '" + address + "'");
		}
		try {
			return InetAddress.getByName(address).getHostAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("madoguchi.tls.trusted-proxies: '" + address + "' is not an IP address",
					ex);
		}
	}

}
