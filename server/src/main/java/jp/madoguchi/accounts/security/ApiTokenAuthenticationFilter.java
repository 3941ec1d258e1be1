package jp.madoguchi.accounts.security;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.accounts.domain.ApiToken;
import jp.madoguchi.accounts.domain.ApiTokenService;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.CurrentActor;
import jp.madoguchi.platform.Problems;
import org.jspecify.annotations.Nullable;

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
		Optional<ApiToken> token = tokens.presentedToken(secret);
		if (token.isPresent() && token.get().isExpired(Instant.now())) {
			refuse(request, response, token.get().subject(), "TOKEN_EXPIRED");
			return;
		}
		Optional<StaffUser> user = token.map(ApiToken::username)
			.map(users::loadUserByUsername)
			.filter(staff -> staff.isEnabled() && staff.isAccountNonLocked());
		if (user.isEmpty()) {
			refuse(request, response, token.map(ApiToken::subject).orElse(null), "INVALID_TOKEN");
			return;
		}
		StaffUser staff = user.get();
		staff.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(staff,
				null, staff.getAuthorities());
		// The audit trail names the token (its id) with every event of this request.
		authentication.setDetails(new CurrentActor.Via(token.get().subject()));
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, @Nullable String token, String code)
			throws IOException {
		audit.record(AuditEntry
			.failure("API_TOKEN_REJECTED", token, code + " " + request.getMethod() + " " + request.getRequestURI())
			.by("anonymous"));
		Problems.write(response, Problems.of(request, HttpStatus.UNAUTHORIZED, code));
	}

}
