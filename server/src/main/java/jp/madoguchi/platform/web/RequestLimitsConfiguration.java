package jp.madoguchi.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.platform.MadoguchiProperties;
import jp.madoguchi.platform.RateLimiter;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The request size and rate limits, as the first filters of every request: a refused
 * request costs no session lookup, no security check and no body read.
 */
@Configuration(proxyBeanMethods = false)
@ServedBy({ Role.COUNTER, Role.PUBLIC })
@EnableConfigurationProperties(RequestLimits.class)
class RequestLimitsConfiguration {

	/**
	 * Static files, the health probe and the signed queue-status link from the counter
	 * (every call pushes; an unsigned push is refused before anything is kept): never
	 * rate limited.
	 */
	private static final String[] UNLIMITED = { "/css/", "/js/", "/images/", "/fonts/", "/webjars/", "/favicon.",
			"/actuator/health", "/public/api/v1/link/" };

	@Bean
	FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(RequestLimits limits, MadoguchiProperties properties) {
		Role role = properties.parsedRole();
		FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeFilter(limits, (request) -> isPublic(role, request)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<PublicRateLimitFilter> publicRateLimitFilter(RequestLimits limits,
			MadoguchiProperties properties) {
		Role role = properties.parsedRole();
		RateLimiter limiter = new RateLimiter(limits.publicRequests(), limits.publicPeriod());
		FilterRegistrationBean<PublicRateLimitFilter> registration = new FilterRegistrationBean<>(
				new PublicRateLimitFilter(limiter, (request) -> isPublic(role, request) && !isUnlimited(request)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/**
	 * The public site: everything in a public-role process, {@code /public/**} beside the
	 * counter.
	 */
	static boolean isPublic(Role role, HttpServletRequest request) {
		return switch (role) {
			case PUBLIC -> true;
			case COUNTER -> false;
			case ALL -> path(request).startsWith("/public/");
		};
	}

	private static boolean isUnlimited(HttpServletRequest request) {
		String path = path(request);
		for (String prefix : UNLIMITED) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
