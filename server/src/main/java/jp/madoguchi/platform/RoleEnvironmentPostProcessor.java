package jp.madoguchi.platform;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The public role needs no database: switch off everything that would look for one. It
 * also shows the internet nothing but the health probe: no metrics, no build info, no API
 * description (these settings win over any configuration).
 */
public class RoleEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String DATABASE_AUTO_CONFIGURATIONS = String.join(",",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
			"org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration",
			"org.springframework.boot.session.autoconfigure.SessionAutoConfiguration");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Role role = Role.parse(environment.getProperty(Role.PROPERTY, "all"));
		if (role == Role.PUBLIC) {
			String excluded = environment.getProperty("spring.autoconfigure.exclude", "");
			String all = excluded.isBlank() ? DATABASE_AUTO_CONFIGURATIONS
					: excluded + "," + DATABASE_AUTO_CONFIGURATIONS;
			environment.getPropertySources()
				.addFirst(new MapPropertySource("madoguchiPublicRole",
						Map.of("spring.autoconfigure.exclude", all, "management.endpoints.web.exposure.include",
								"health", "springdoc.api-docs.enabled", "false", "springdoc.swagger-ui.enabled",
								"false")));
		}
	}

}
