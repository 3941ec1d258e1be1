package jp.madoguchi.accounts.security;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.accounts.domain.AccountsProperties;
import jp.madoguchi.accounts.domain.ApiTokenService;
import jp.madoguchi.accounts.domain.FirstRunSetup;
import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.platform.AccessRules;
import jp.madoguchi.platform.Problems;
import jp.madoguchi.platform.SecurityHeaders;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
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
 * again with {@code @PreAuthorize}. Denials are audited. Which URL needs which permission
 * is each module's own {@link AccessRules}; this class names only sign-in, set-up and
 * what is open to anyone.
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

	/** Argon2id memory in KiB: OWASP's minimum is 19 MiB with 2 iterations and 1 lane. */
	static final int ARGON2_MEMORY_KIB = 19 * 1024;

	static final int ARGON2_ITERATIONS = 2;

	@Bean
	PasswordEncoder passwordEncoder() {
		// Argon2id m=19 MiB, t=2, p=1 (OWASP's minimum). The parameters are stored in
		// each
		// hash: older hashes (16 MiB) still verify and are upgraded at the next sign-in.
		return new Argon2PasswordEncoder(16, 32, 1, ARGON2_MEMORY_KIB, ARGON2_ITERATIONS);
	}

	/**
	 * Sign-in with the same work for every refusal: an unknown user name is checked
	 * against a dummy hash (Spring's timing protection), and whether the account is
	 * disabled or locked, or a service account (API tokens only), is looked at only after
	 * the password was checked.
	 */
	static DaoAuthenticationProvider signInProvider(StaffUserDetailsService users, PasswordEncoder passwords) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwords);
		provider.setUserDetailsPasswordService(users);
		provider.setPreAuthenticationChecks((user) -> {
		});
		provider.setPostAuthenticationChecks(ServiceAccountSignIn.afterPassword());
		return provider;
	}

	@Bean
	@Order(10)
	SecurityFilterChain counter(HttpSecurity http, ApiTokenService tokens, FirstRunSetup setup,
			StaffUserDetailsService users, PasswordEncoder passwords, SignInHandlers signIn, SignInThrottle throttle,
			AccountsProperties properties, AuditTrail audit, List<AccessRules> modules) throws Exception {
		RequestMatcher openPaths = SecurityConfiguration::isOpenPath;
		RequestMatcher bearer = ApiTokenAuthenticationFilter::hasBearerToken;
		http.authorizeHttpRequests(requests -> {
			requests.requestMatchers(openPaths).permitAll().requestMatchers("/login", "/setup").permitAll();
			apply(modules, requests);
			requests.anyRequest().authenticated();
		})
			// Only this provider: a parent manager would check the password a second
			// time.
			.authenticationManager(new ProviderManager(signInProvider(users, passwords)))
			.formLogin(form -> form.loginPage("/login").successHandler(signIn).failureHandler(signIn).permitAll())
			.logout(logout -> logout.addLogoutHandler(signIn).logoutSuccessUrl("/login?logout"))
			.csrf(csrf -> csrf.ignoringRequestMatchers(bearer))
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(SecurityConfiguration::unauthenticated, Problems::isApiRequest)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
				.accessDeniedHandler((request, response, denied) -> denied(request, response, denied, audit)))
			.addFilterAfter(new ApiTokenAuthenticationFilter(tokens, users, audit), SecurityContextHolderFilter.class)
			.addFilterAfter(new SessionLifetimeFilter(properties.sessionLifetime(), audit),
					SecurityContextHolderFilter.class)
			.addFilterBefore(new SignInThrottleFilter(throttle, audit), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new FirstRunSetupFilter(setup), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeRequiredFilter(), AuthorizationFilter.class);
		SecurityHeaders.apply(http);
		return http.build();
	}

	/**
	 * Each module's URL rules, modules in class-name order so that the chain is the same
	 * on every start (rules of different modules do not overlap, so the order does not
	 * change who is let in).
	 */
	static void apply(List<AccessRules> modules,
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		modules.stream()
			.sorted(Comparator.comparing((AccessRules module) -> module.getClass().getName()))
			.flatMap((module) -> module.rules().stream())
			.forEach((rule) -> {
				String[] patterns = rule.patterns().toArray(String[]::new);
				HttpMethod method = rule.method();
				AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url = (method != null)
						? requests.requestMatchers(method, patterns) : requests.requestMatchers(patterns);
				if (rule.permitsAll()) {
					url.permitAll();
				}
				else {
					url.hasAnyAuthority(rule.authorities().toArray(String[]::new));
				}
			});
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
