package jp.madoguchi.audit.domain;

import org.jspecify.annotations.Nullable;

/**
 * Who acted and from where, as far as the current thread knows.
 *
 * @param actor the signed-in user name, {@code anonymous} for an unauthenticated request,
 * null outside any request or security context (the system itself)
 * @param terminal the name of the paired counter terminal the request comes from
 * @param ip the client address of the request
 */
public record Attribution(@Nullable String actor, @Nullable String terminal, @Nullable String ip) {

	public static final Attribution SYSTEM = new Attribution(null, null, null);

}
