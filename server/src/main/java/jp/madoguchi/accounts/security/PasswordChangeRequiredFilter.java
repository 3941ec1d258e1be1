package jp.madoguchi.accounts.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jp.madoguchi.platform.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user created or reset by an administrator must choose a password before doing
 * anything else: pages redirect to the change form, API calls are refused.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	static final String CHANGE_PAGE = "/account/password";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session == null || !AccountSession.passwordChangeRequired(session)
				|| SecurityConfiguration.isOpenPath(request) || request.getRequestURI().equals(CHANGE_PAGE)
				|| request.getRequestURI().equals("/logout")) {
			chain.doFilter(request, response);
			return;
		}
		if (Problems.isApiRequest(request)) {
			Problems.write(response, Problems.of(request, HttpStatus.FORBIDDEN, "PASSWORD_CHANGE_REQUIRED"));
			return;
		}
		response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
	}

}
