package jp.madoguchi.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.platform.Problems;
import jp.madoguchi.platform.RateLimiter;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests per client address on the public site ({@code madoguchi.limits.public-*}):
 * over the limit, 429 {@code RATE_LIMITED} with {@code Retry-After}.
 */
class PublicRateLimitFilter extends OncePerRequestFilter {

	private final RateLimiter limiter;

	private final Predicate<HttpServletRequest> limited;

	PublicRateLimitFilter(RateLimiter limiter, Predicate<HttpServletRequest> limited) {
		this.limiter = limiter;
		this.limited = limited;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Duration> wait = limited.test(request) ? limiter.tryAcquire(request.getRemoteAddr())
				: Optional.empty();
		if (wait.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
		response.setHeader("Retry-After", Long.toString(seconds));
		Problems.write(response, Problems.of(request, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", seconds));
	}

}
