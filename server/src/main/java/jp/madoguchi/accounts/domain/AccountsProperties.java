package jp.madoguchi.accounts.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account settings a city may change.
 *
 * @param lockoutAttempts failed sign-ins in a row that lock an account
 * @param lockoutDuration how long a locked account stays locked
 */
@ConfigurationProperties("madoguchi.accounts")
public record AccountsProperties(@DefaultValue("5") int lockoutAttempts,
		@DefaultValue("15m") Duration lockoutDuration) {

}
