package jp.madoguchi.platform.logging;

import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The access log's filters: the outer one before everything, the inner after security.
 */
@Configuration(proxyBeanMethods = false)
@ServedBy({ Role.COUNTER, Role.PUBLIC })
class LoggingConfiguration {

	@Bean
	FilterRegistrationBean<AccessLogFilter> accessLogFilter() {
		FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(new AccessLogFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<AccessLogFilter.UserCapture> accessLogUserCapture() {
		FilterRegistrationBean<AccessLogFilter.UserCapture> registration = new FilterRegistrationBean<>(
				new AccessLogFilter.UserCapture());
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}

}
