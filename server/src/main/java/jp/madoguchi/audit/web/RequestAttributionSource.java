package jp.madoguchi.audit.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.audit.TerminalResolver;
import jp.madoguchi.audit.domain.Attribution;
import jp.madoguchi.audit.domain.AttributionSource;
import jp.madoguchi.platform.CurrentActor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The actor from Spring Security's context, the client address from the current HTTP
 * request and the terminal from the {@link TerminalResolver} (a paired terminal's name;
 * nothing the client merely claims) or, for a program, the API token it used
 * ({@link CurrentActor.Via}). The terminal is looked up once per request, however many
 * events the request records.
 */
@Component
class RequestAttributionSource implements AttributionSource {

	static final String ANONYMOUS = "anonymous";

	/** Request attribute caching the resolved terminal (an Optional) for the request. */
	static final String TERMINAL_ATTRIBUTE = RequestAttributionSource.class.getName() + ".terminal";

	private final ObjectProvider<TerminalResolver> terminals;

	RequestAttributionSource(ObjectProvider<TerminalResolver> terminals) {
		this.terminals = terminals;
	}

	@Override
	public Attribution current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String actor = actor(authentication);
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			String terminal = terminal(request);
			if (terminal == null && authentication != null
					&& authentication.getDetails() instanceof CurrentActor.Via via) {
				terminal = via.name();
			}
			return new Attribution((actor != null) ? actor : ANONYMOUS, terminal, request.getRemoteAddr());
		}
		return new Attribution(actor, null, null);
	}

	@SuppressWarnings("unchecked")
	private @Nullable String terminal(HttpServletRequest request) {
		Object cached = request.getAttribute(TERMINAL_ATTRIBUTE);
		Optional<String> terminal;
		if (cached instanceof Optional<?>) {
			terminal = (Optional<String>) cached;
		}
		else {
			TerminalResolver resolver = terminals.getIfAvailable();
			terminal = (resolver != null) ? resolver.terminalName(request) : Optional.empty();
			request.setAttribute(TERMINAL_ATTRIBUTE, terminal);
		}
		return terminal.orElse(null);
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
