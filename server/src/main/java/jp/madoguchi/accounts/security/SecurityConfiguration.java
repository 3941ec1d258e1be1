package jp.madoguchi.accounts.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.accounts.domain.AccountService;
import jp.madoguchi.accounts.domain.AccountsProperties;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.Problems;
import jp.madoguchi.platform.SecurityHeaders;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The counter's security: every request needs a signed-in user or an API token, and a
 * permission where the URL names a protected area; controllers check their permission
 * again with {@code @PreAuthorize}. Denials are audited.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(AccountsProperties.class)
class SecurityConfiguration {

	private static final String[] OPEN_PATHS = { "/css/", "/js/", "/images/", "/fonts/", "/webjars/", "/favicon.ico",
			"/favicon.svg", "/error", "/actuator/health" };

	/** Static assets, error pages and the health probe: served to anyone. */
	static boolean isOpenPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String open : OPEN_PATHS) {
			if (path.startsWith(open)) {
				return true;
			}
		}
		return false;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// Argon2id, 16 MiB, 2 iterations: OWASP's minimum, about 50 ms per sign-in here.
		return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
	}

	@Bean
	@Order(10)
	SecurityFilterChain counter(HttpSecurity http, AccountService accounts, StaffUserDetailsService users,
			SignInHandlers signIn, AuditTrail audit) throws Exception {
		RequestMatcher openPaths = SecurityConfiguration::isOpenPath;
		RequestMatcher bearer = ApiTokenAuthenticationFilter::hasBearerToken;
		http.authorizeHttpRequests(requests -> requests.requestMatchers(openPaths)
			.permitAll()
			.requestMatchers("/login", "/setup")
			.permitAll()
			.requestMatchers("/actuator/prometheus", "/admin/health", "/api/v1/admin/health")
			.hasAuthority("MONITORING")
			.requestMatchers("/admin/users/**", "/admin/groups/**", "/admin/api-tokens/**", "/api/v1/admin/users/**",
					"/api/v1/admin/groups/**", "/api/v1/admin/api-tokens/**")
			.hasAuthority("USER_ADMIN")
			.requestMatchers("/admin/addresses/**", "/guidance/admin/**", "/admin/resident-record/**",
					"/api/v1/resident-record/deliveries/**", "/admin/retention/**", "/admin/holidays/**",
					"/admin/terminals/**", "/api/v1/admin/retention/**", "/api/v1/admin/holidays/**",
					"/api/v1/admin/terminals/**", "/forms/admin/**", "/api/v1/forms/templates/**")
			.hasAuthority("MASTER_ADMIN")
			.requestMatchers(HttpMethod.PUT, "/api/v1/guidance/procedures/**")
			.hasAuthority("MASTER_ADMIN")
			.requestMatchers(HttpMethod.POST, "/api/v1/guidance/rules/**")
			.hasAuthority("MASTER_ADMIN")
			.requestMatchers("/prefilings/**", "/api/v1/prefilings/**")
			.hasAnyAuthority("RECEPTION", "NOTIFICATION_EDIT")
			.requestMatchers("/reception/admin/**", "/api/v1/admin/queues/**", "/api/v1/admin/departments/**",
					"/api/v1/admin/display-tokens/**")
			.hasAuthority("MASTER_ADMIN")
			// Call displays have no staff login: the controller lets in RECEPTION or a
			// display token.
			.requestMatchers("/display/**")
			.permitAll()
			.requestMatchers(HttpMethod.PUT, "/api/v1/receptions/*/legal-hold")
			.hasAuthority("MASTER_ADMIN")
			.requestMatchers("/reception/**", "/api/v1/receptions/**", "/api/v1/queues/**")
			.hasAuthority("RECEPTION")
			.requestMatchers("/statistics/**", "/statistics", "/api/v1/statistics/**")
			.hasAuthority("STATISTICS_VIEW")
			.requestMatchers("/audit/**", "/api/v1/audit/**")
			.hasAuthority("AUDIT_VIEW")
			.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.hasAnyAuthority("USER_ADMIN", "MASTER_ADMIN")
			.anyRequest()
			.authenticated())
			.userDetailsService(users)
			.formLogin(form -> form.loginPage("/login").successHandler(signIn).failureHandler(signIn).permitAll())
			.logout(logout -> logout.addLogoutHandler(signIn).logoutSuccessUrl("/login?logout"))
			.csrf(csrf -> csrf.ignoringRequestMatchers(bearer))
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(SecurityConfiguration::unauthenticated, Problems::isApiRequest)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
				.accessDeniedHandler((request, response, denied) -> denied(request, response, denied, audit)))
			.addFilterAfter(new ApiTokenAuthenticationFilter(accounts, users, audit), SecurityContextHolderFilter.class)
			.addFilterBefore(new FirstRunSetupFilter(accounts), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeRequiredFilter(), AuthorizationFilter.class);
		SecurityHeaders.apply(http);
		return http.build();
	}

	private static void unauthenticated(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		Problems.write(response, Problems.of(request, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED"));
	}

	private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied,
			AuditTrail audit) throws IOException {
		boolean csrf = denied instanceof CsrfException;
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String actor = (authentication != null) ? authentication.getName() : "anonymous";
		audit.record(
				AuditEntry
					.denied("ACCESS_DENIED", null,
							request.getMethod() + " " + request.getRequestURI() + (csrf ? " (CSRF)" : ""))
					.by(actor));
		if (Problems.isApiRequest(request)) {
			Problems.write(response, csrf ? Problems.of(request, HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID")
					: Problems.of(request, HttpStatus.FORBIDDEN, "FORBIDDEN"));
			return;
		}
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

}
