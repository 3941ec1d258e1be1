package jp.madoguchi.accounts.security;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.accounts.domain.AccountsProperties;
import jp.madoguchi.platform.RateLimiter;

import org.springframework.stereotype.Component;

/**
 * Failed sign-ins (and wrong setup codes) per client address, over all accounts: the
 * per-account lock stops guessing one password, this stops trying one password on many
 * accounts. After {@code madoguchi.accounts.address-failures} failures the address must
 * wait until the window gives a try back.
 */
@Component
class SignInThrottle {

	private final RateLimiter failures;

	SignInThrottle(AccountsProperties properties) {
		this.failures = new RateLimiter(properties.addressFailures(), properties.addressFailureWindow());
	}

	/** How long the request's address must still wait, if it may not try now. */
	Optional<Duration> blocked(HttpServletRequest request) {
		return failures.exhausted(request.getRemoteAddr());
	}

	void failed(HttpServletRequest request) {
		failures.consume(request.getRemoteAddr());
	}

}
