package jp.madoguchi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One real PostgreSQL per test JVM, shared by every Spring test context, so that module
 * tests start in a second instead of running initdb each time. A test that needs the
 * production embedded-database path sets {@code madoguchi.test.own-database=true}.
 */
public class SharedTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgres postgres;

	public static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ignored) {
					// the JVM is ending; the temporary cluster goes with it
				}
			}));
		}
		return postgres;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (environment.containsProperty("spring.datasource.url")
				|| environment.getProperty("madoguchi.test.own-database", Boolean.class, false)
				|| "public".equalsIgnoreCase(environment.getProperty("madoguchi.role", "all"))) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("sharedTestDatabase", Map.of("spring.datasource.url",
					postgres().getJdbcUrl("postgres", "postgres"), "spring.datasource.username", "postgres")));
		// Some user must exist, or the first-run filter sends every request to /setup.
		environment.getPropertySources()
			.addLast(new MapPropertySource("sharedTestAdministrator",
					Map.of("madoguchi.bootstrap-admin-password", "shared-test-first-secret")));
	}

}
