package jp.madoguchi.accounts.security;

import java.io.IOException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.accounts.domain.SignInAttempts;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * What happens around a sign-in: counting failures towards the lock, resetting them on
 * success, remembering a forced password change, and auditing all of it.
 */
@Component
class SignInHandlers extends SavedRequestAwareAuthenticationSuccessHandler
		implements AuthenticationFailureHandler, LogoutHandler {

	private final MeterRegistry meters;

	private final SignInAttempts attempts;

	private final SignInThrottle throttle;

	SignInHandlers(SignInAttempts attempts, MeterRegistry meters, SignInThrottle throttle) {
		this.attempts = attempts;
		this.meters = meters;
		this.throttle = throttle;
		// registered at zero, so a dashboard sees the series before the first failure
		for (String reason : new String[] { "credentials", "locked", "disabled", "service-account" }) {
			failures(reason);
		}
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		attempts.signedIn(authentication.getName());
		if (authentication.getPrincipal() instanceof StaffUser user && user.mustChangePassword()) {
			AccountSession.requirePasswordChange(request.getSession());
			getRedirectStrategy().sendRedirect(request, response, "/account/password");
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof ServiceAccountSignIn serviceAccount) {
			// The password was right: nothing towards the lock or the address throttle,
			// but
			// audited, and the person (or script) is told to use a token.
			attempts.serviceAccountRefused(serviceAccount.username());
			failures("service-account").increment();
			getRedirectStrategy().sendRedirect(request, response, "/login?error=service-account");
			return;
		}
		String typed = request.getParameter("username");
		String reason = (exception instanceof LockedException) ? "locked"
				: (exception instanceof DisabledException) ? "disabled" : "credentials";
		if (typed != null && attempts.signInFailed(typed, reason)) {
			reason = "locked";
		}
		failures(reason).increment();
		throttle.failed(request);
		// The reason stays in the audit trail and the metrics; the person sees one
		// message
		// whatever it was, so that the page does not tell which user names exist.
		getRedirectStrategy().sendRedirect(request, response, "/login?error=refused");
	}

	/**
	 * Prometheus:
	 * {@code madoguchi_login_failures_total{reason="credentials|locked|disabled|service-account"}}.
	 */
	private Counter failures(String reason) {
		return Counter.builder("madoguchi.login.failures")
			.description("Failed staff sign-ins on the login form")
			.tag("reason", reason)
			.register(meters);
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		if (authentication != null) {
			attempts.signedOut(authentication.getName());
		}
	}

}
