package jp.madoguchi.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MadoguchiProperties.class)
@ServedBy({ Role.COUNTER, Role.PUBLIC })
class PlatformConfiguration {

	/** Japan's calendar decides deadlines and ages, whatever the server's time zone. */
	@Bean
	Clock clock() {
		return Clock.system(ZoneId.of("Asia/Tokyo"));
	}

}
