package jp.madoguchi.accounts.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in or setup attempt from an address that failed too often
 * ({@link SignInThrottle}) before any password is checked: the form comes back with
 * {@code error=throttled}, the same for every account.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	private final AuditTrail audit;

	SignInThrottleFilter(SignInThrottle throttle, AuditTrail audit) {
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean attempt = "POST".equals(request.getMethod())
				&& (path.equals("/login") || path.equals(FirstRunSetupFilter.SETUP_PAGE));
		Optional<Duration> wait = attempt ? throttle.blocked(request) : Optional.empty();
		if (wait.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		audit.record(AuditEntry.denied("LOGIN_THROTTLED", null, "POST " + path).by("anonymous"));
		response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
		response.sendRedirect(request.getContextPath() + path + "?error=throttled");
	}

}
