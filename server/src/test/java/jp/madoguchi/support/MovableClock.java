package jp.madoguchi.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock replaced by a {@link MutableClock} the test sets and moves.
 * Test classes that {@code @Import} it share one Spring context, so each sets the clock
 * before and resets it after every test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClock {

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock();
	}

}
