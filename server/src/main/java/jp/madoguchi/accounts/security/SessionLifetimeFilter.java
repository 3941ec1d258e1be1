package jp.madoguchi.accounts.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A staff session ends a fixed time after sign-in however active it is
 * ({@code madoguchi.accounts.session-lifetime}): the request that finds it too old is
 * answered as signed out (401 {@code SESSION_EXPIRED}, or the sign-in page).
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

	private final Duration lifetime;

	private final AuditTrail audit;

	SessionLifetimeFilter(Duration lifetime, AuditTrail audit) {
		this.lifetime = lifetime;
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session == null || System.currentTimeMillis() - session.getCreationTime() <= lifetime.toMillis()) {
			chain.doFilter(request, response);
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		session.invalidate();
		SecurityContextHolder.clearContext();
		if (authentication != null && authentication.isAuthenticated()) {
			audit.record(
					AuditEntry.success("SESSION_EXPIRED", "user:" + authentication.getName(), "older than " + lifetime)
						.by(authentication.getName()));
		}
		if (SecurityConfiguration.isOpenPath(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (Problems.isApiRequest(request)) {
			Problems.write(response, Problems.of(request, HttpStatus.UNAUTHORIZED, "SESSION_EXPIRED"));
			return;
		}
		response.sendRedirect(request.getContextPath() + "/login?expired");
	}

}
