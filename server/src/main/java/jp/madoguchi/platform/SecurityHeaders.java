package jp.madoguchi.platform;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The same strict headers on every response of every role: a CSP with no inline scripts
 * or styles, no framing, no MIME sniffing, no referrer leaving the site.
 */
public final class SecurityHeaders {

	public static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "object-src 'none'",
			"base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'");

	/**
	 * Extra origins pages may fetch from (comma-separated), e.g. the counter terminal's
	 * card agent on 127.0.0.1; empty by default.
	 */
	public static final String CONNECT_SRC_PROPERTY = "madoguchi.security.connect-src";

	/**
	 * Request attribute: one more origin this response's page may fetch from, set through
	 * {@link #allowConnect} while handling the request (the paired terminal's card agent,
	 * known only per request).
	 */
	static final String CONNECT_SRC_ATTRIBUTE = SecurityHeaders.class.getName() + ".connectSrc";

	private SecurityHeaders() {
	}

	/**
	 * The policy with {@code connect-src} widened by the given origins (blank entries
	 * ignored).
	 */
	public static String contentSecurityPolicy(String extraConnectSources) {
		String extra = Arrays.stream(extraConnectSources.split(","))
			.map(String::trim)
			.filter(source -> !source.isEmpty())
			.map(SecurityHeaders::origin)
			.collect(Collectors.joining(" "));
		return extra.isEmpty() ? CONTENT_SECURITY_POLICY
				: CONTENT_SECURITY_POLICY.replace("connect-src 'self'", "connect-src 'self' " + extra);
	}

	/**
	 * Only scheme, host and port: a path or a stray quote must not widen or break the
	 * policy.
	 */
	private static String origin(String url) {
		URI uri = URI.create(url);
		if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
			throw new IllegalArgumentException(CONNECT_SRC_PROPERTY + " takes http(s) origins, got " + url);
		}
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
	}

	/**
	 * Lets this response's page fetch from {@code url}'s origin as well. Spring Security
	 * writes the headers when the response is committed, after the controller ran.
	 */
	public static void allowConnect(HttpServletRequest request, String url) {
		request.setAttribute(CONNECT_SRC_ATTRIBUTE, origin(url));
	}

	/**
	 * The policy with the request's extra origin, if any, added to {@code connect-src}.
	 */
	static String contentSecurityPolicy(String directives, @Nullable Object requestOrigin) {
		if (requestOrigin == null) {
			return directives;
		}
		String connect = Arrays.stream(directives.split("; "))
			.filter(directive -> directive.startsWith("connect-src "))
			.findFirst()
			.orElseThrow();
		return Arrays.asList(connect.split(" ")).contains(requestOrigin) ? directives
				: directives.replace(connect, connect + " " + requestOrigin);
	}

	public static void apply(HttpSecurity http) throws Exception {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		String extra = (context != null) ? context.getBean(Environment.class).getProperty(CONNECT_SRC_PROPERTY, "")
				: "";
		String directives = contentSecurityPolicy(extra);
		http.headers(headers -> headers.addHeaderWriter((request, response) -> {
			if (!response.containsHeader("Content-Security-Policy")) {
				response.setHeader("Content-Security-Policy",
						contentSecurityPolicy(directives, request.getAttribute(CONNECT_SRC_ATTRIBUTE)));
			}
		}).frameOptions(frame -> frame.deny()).contentTypeOptions(options -> {
		})
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(policy -> policy.policy("camera=(), microphone=(), geolocation=(), payment=()")));
	}

}
