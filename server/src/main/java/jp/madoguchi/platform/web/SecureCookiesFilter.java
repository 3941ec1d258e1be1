package jp.madoguchi.platform.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Over HTTPS (the server's own TLS, or a trusted proxy's {@code X-Forwarded-Proto}),
 * every cookie of the response is {@code Secure}, whichever component sets it: the
 * session, the language choice, the terminal pairing.
 */
class SecureCookiesFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, request.isSecure() ? new SecureCookies(response) : response);
	}

	/** A {@code Set-Cookie} value with the {@code Secure} attribute. */
	static String secure(String setCookie) {
		for (String attribute : setCookie.split(";")) {
			if (attribute.strip().toLowerCase(Locale.ROOT).equals("secure")) {
				return setCookie;
			}
		}
		return setCookie + "; Secure";
	}

	private static final class SecureCookies extends HttpServletResponseWrapper {

		SecureCookies(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void addCookie(Cookie cookie) {
			cookie.setSecure(true);
			super.addCookie(cookie);
		}

		@Override
		public void addHeader(String name, String value) {
			super.addHeader(name, isCookie(name, value) ? secure(value) : value);
		}

		@Override
		public void setHeader(String name, String value) {
			super.setHeader(name, isCookie(name, value) ? secure(value) : value);
		}

		private static boolean isCookie(String name, String value) {
			return value != null && HttpHeaders.SET_COOKIE.equalsIgnoreCase(name);
		}

	}

}
