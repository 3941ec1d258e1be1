package jp.madoguchi.accounts.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account settings a city may change.
 *
 * @param lockoutAttempts failed sign-ins in a row that lock an account
 * @param lockoutDuration how long a locked account stays locked
 * @param sessionLifetime how long a staff session lasts at most after sign-in, however
 * active (the idle timeout is {@code server.servlet.session.timeout})
 * @param addressFailures failed sign-ins from one IP address, over any accounts, after
 * which that address may not try again for {@code addressFailureWindow}
 * @param addressFailureWindow the window in which {@code addressFailures} count
 * @param tokenLifetime how long an API token lasts when the request names no expiry
 * @param tokenMaximumLifetime the longest expiry a token may be given
 */
@ConfigurationProperties("madoguchi.accounts")
public record AccountsProperties(@DefaultValue("5") int lockoutAttempts, @DefaultValue("15m") Duration lockoutDuration,
		@DefaultValue("10h") Duration sessionLifetime, @DefaultValue("20") int addressFailures,
		@DefaultValue("15m") Duration addressFailureWindow, @DefaultValue("90d") Duration tokenLifetime,
		@DefaultValue("365d") Duration tokenMaximumLifetime) {

}
