package jp.madoguchi.accounts.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.accounts.domain.FirstRunSetup;
import jp.madoguchi.platform.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the first administrator exists, every request goes to the one-time setup page.
 * Once a user exists the check is never made again in this process.
 */
class FirstRunSetupFilter extends OncePerRequestFilter {

	static final String SETUP_PAGE = "/setup";

	private final FirstRunSetup setup;

	private volatile boolean setupDone;

	FirstRunSetupFilter(FirstRunSetup setup) {
		this.setup = setup;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (setupDone || SecurityConfiguration.isOpenPath(request) || request.getRequestURI().equals(SETUP_PAGE)) {
			chain.doFilter(request, response);
			return;
		}
		if (!setup.noUserExists()) {
			setupDone = true;
			chain.doFilter(request, response);
			return;
		}
		if (Problems.isApiRequest(request)) {
			Problems.write(response, Problems.of(request, HttpStatus.SERVICE_UNAVAILABLE, "SETUP_REQUIRED"));
			return;
		}
		response.sendRedirect(request.getContextPath() + SETUP_PAGE);
	}

}
