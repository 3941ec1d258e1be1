package jp.madoguchi.platform.logging;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per request in {@code access.log}: client address, user, method, path, status,
 * milliseconds. The query string is left out on purpose: searches carry names and dates
 * of birth there, and the access log must hold no personal data. The outer filter (first
 * of all) writes the line, so requests refused by the size limit or by security are
 * logged too; the {@link UserCapture inner one} (after security) notes who it was.
 */
class AccessLogFilter extends OncePerRequestFilter {

	static final String USER_ATTRIBUTE = AccessLogFilter.class.getName() + ".user";

	private static final Logger access = LoggerFactory.getLogger(LogFiles.ACCESS_LOGGER);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long started = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (access.isInfoEnabled()) {
				Object user = request.getAttribute(USER_ATTRIBUTE);
				access.info("{} {} {} {} {} {}ms", request.getRemoteAddr(), (user != null) ? user : "-",
						request.getMethod(), safe(request.getRequestURI()), response.getStatus(),
						(System.nanoTime() - started) / 1_000_000);
			}
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return true;
	}

	/** The path without control characters, at most 256 characters. */
	static String safe(String path) {
		StringBuilder out = new StringBuilder(Math.min(path.length(), 256));
		for (int i = 0; i < path.length() && out.length() < 256; i++) {
			char c = path.charAt(i);
			out.append((c < 0x20 || c == 0x7f) ? '?' : c);
		}
		return out.toString();
	}

	/** After security: remembers the signed-in user's name for the access line. */
	static class UserCapture extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			try {
				chain.doFilter(request, response);
			}
			finally {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (authentication != null && authentication.isAuthenticated()
						&& !"anonymousUser".equals(authentication.getName())) {
					request.setAttribute(USER_ATTRIBUTE, authentication.getName());
				}
			}
		}

	}

}
