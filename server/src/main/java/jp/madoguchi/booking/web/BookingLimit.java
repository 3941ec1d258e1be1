package jp.madoguchi.booking.web;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.platform.RateLimiter;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Bookings per client address and hour ({@code madoguchi.booking.per-address}), besides
 * the public site's request rate: one address cannot take every place of a day.
 */
@Component
@ServedBy(Role.PUBLIC)
class BookingLimit {

	private final RateLimiter limiter;

	BookingLimit(@Value("${madoguchi.booking.per-address:10}") int perAddress) {
		this.limiter = new RateLimiter(Math.max(1, perAddress), Duration.ofHours(1));
	}

	void take(HttpServletRequest request) {
		Optional<Duration> wait = limiter.tryAcquire(request.getRemoteAddr());
		if (wait.isPresent()) {
			long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
			throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "BOOKING_RATE_LIMITED", minutes);
		}
	}

}
