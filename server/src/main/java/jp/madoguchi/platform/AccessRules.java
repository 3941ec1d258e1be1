package jp.madoguchi.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * A module's URL rules for the counter's filter chain. Each module declares the URLs it
 * serves next to its controllers (one package-private bean in its {@code web} package),
 * so the central security configuration names no module path and moving or adding a
 * module moves its rules with it. The filter chain is the first of two checks: every
 * handler checks again with {@code @PreAuthorize}.
 * <p>
 * Rules of different modules never claim the same URL (a test proves it), so the order in
 * which modules are applied does not matter; within a module the first matching rule
 * wins, as in Spring Security.
 */
public interface AccessRules {

	/** This module's rules, in the order they are matched. */
	List<Rule> rules();

	/** Path patterns (as in Spring Security's {@code requestMatchers}), any method. */
	static Paths paths(String... patterns) {
		return new Paths(null, List.of(patterns));
	}

	/** Path patterns for one HTTP method only. */
	static Paths paths(HttpMethod method, String... patterns) {
		return new Paths(method, List.of(patterns));
	}

	/** Path patterns awaiting the access they grant. */
	record Paths(@Nullable HttpMethod method, List<String> patterns) {

		public Rule hasAuthority(String authority) {
			return new Rule(method, patterns, List.of(authority));
		}

		public Rule hasAnyAuthority(String... authorities) {
			return new Rule(method, patterns, List.of(authorities));
		}

		/**
		 * Open to anyone, signed in or not: the handler must then check access itself.
		 */
		public Rule permitAll() {
			return new Rule(method, patterns, List.of());
		}

	}

	/**
	 * URLs and the authorities of which the user needs one; no authorities means open to
	 * anyone.
	 */
	record Rule(@Nullable HttpMethod method, List<String> patterns, List<String> authorities) {

		public boolean permitsAll() {
			return authorities.isEmpty();
		}

	}

}
