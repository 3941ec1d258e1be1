package jp.madoguchi.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.audit.domain.Attribution;
import jp.madoguchi.audit.domain.AttributionSource;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The actor from Spring Security's context, the client address and terminal from the
 * current HTTP request. The terminal header is only a claim of the client until terminals
 * are paired (accounts module); it is recorded as sent.
 */
@Component
class RequestAttributionSource implements AttributionSource {

	static final String TERMINAL_HEADER = "X-Madoguchi-Terminal";

	static final String ANONYMOUS = "anonymous";

	@Override
	public Attribution current() {
		String actor = actor(SecurityContextHolder.getContext().getAuthentication());
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			String terminal = request.getHeader(TERMINAL_HEADER);
			if (terminal != null && terminal.isBlank()) {
				terminal = null;
			}
			return new Attribution((actor != null) ? actor : ANONYMOUS, terminal, request.getRemoteAddr());
		}
		return new Attribution(actor, null, null);
	}

	private static @Nullable String actor(@Nullable Authentication authentication) {
		if (authentication == null) {
			return null;
		}
		if (authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
			return ANONYMOUS;
		}
		return authentication.getName();
	}

}
