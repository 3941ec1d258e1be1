package jp.madoguchi.platform.web;

import jp.madoguchi.platform.MadoguchiProperties;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.SecurityHeaders;
import jp.madoguchi.platform.ServedBy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The resident-facing site needs no sign-in and keeps no session. In a public-role
 * process it covers every request; next to the counter ({@code role=all}) only
 * {@code /public/**}.
 */
@Configuration(proxyBeanMethods = false)
@ServedBy(Role.PUBLIC)
class PublicSiteSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain publicSite(HttpSecurity http, MadoguchiProperties properties) throws Exception {
		if (properties.parsedRole() == Role.PUBLIC) {
			http.securityMatcher("/**");
		}
		else {
			http.securityMatcher("/public/**");
		}
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable());
		SecurityHeaders.apply(http);
		return http.build();
	}

}
