package jp.madoguchi.accounts.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.accounts.domain.ApiTokenService;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Programs authenticate with {@code Authorization: Bearer <token>}. The token acts with
 * exactly its user's current permissions; nothing is kept in a session.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	static final String BEARER = "Bearer ";

	private final ApiTokenService tokens;

	private final StaffUserDetailsService users;

	private final AuditTrail audit;

	ApiTokenAuthenticationFilter(ApiTokenService tokens, StaffUserDetailsService users, AuditTrail audit) {
		this.tokens = tokens;
		this.users = users;
		this.audit = audit;
	}

	static boolean hasBearerToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasBearerToken(request)) {
			chain.doFilter(request, response);
			return;
		}
		String secret = request.getHeader("Authorization").substring(BEARER.length()).trim();
		Optional<StaffUser> user = tokens.userOfToken(secret)
			.map(users::loadUserByUsername)
			.filter(staff -> staff.isEnabled() && staff.isAccountNonLocked());
		if (user.isEmpty()) {
			audit.record(
					AuditEntry.failure("API_TOKEN_REJECTED", null, request.getMethod() + " " + request.getRequestURI())
						.by("anonymous"));
			Problems.write(response, Problems.of(request, HttpStatus.UNAUTHORIZED, "INVALID_TOKEN"));
			return;
		}
		StaffUser staff = user.get();
		staff.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
