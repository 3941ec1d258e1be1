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

	private static java.nio.file.Path auditDirectory;

	private static synchronized java.nio.file.Path auditDirectory() {
		if (auditDirectory == null) {
			try {
				auditDirectory = java.nio.file.Files.createTempDirectory("madoguchi-test-audit-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return auditDirectory;
	}

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
		// Every test calls from 127.0.0.1 into contexts it shares with other tests: the
		// per-address limits would count them all together. The tests of the limits set
		// their own, which win over this last source.
		environment.getPropertySources()
			.addLast(new MapPropertySource("sharedTestAddressLimits", Map.of("madoguchi.limits.public-requests",
					"1000000", "madoguchi.accounts.address-failures", "1000000")));
		// The queue status is pushed after every call; the periodic push of every test
		// context would read every test's queues every few seconds. Tests of the queue
		// status publish when they need to.
		environment.getPropertySources()
			.addLast(new MapPropertySource("sharedTestQueueStatus", Map.of("madoguchi.queue-status.interval", "1h")));
		if (environment.containsProperty("spring.datasource.url")
				|| environment.getProperty("madoguchi.test.own-database", Boolean.class, false)
				|| "public".equalsIgnoreCase(environment.getProperty("madoguchi.role", "all"))) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("sharedTestDatabase", Map.of("spring.datasource.url",
					postgres().getJdbcUrl("postgres", "postgres"), "spring.datasource.username", "postgres")));
		// The audit chain lives in this JVM's database, so its key and exported heads
		// do too: not in server/data, which outlives the database between runs.
		environment.getPropertySources()
			.addLast(new MapPropertySource("sharedTestAuditChain",
					Map.of("madoguchi.audit.chain-key.file", auditDirectory().resolve("audit-chain.key").toString(),
							"madoguchi.audit.head-export.file",
							auditDirectory().resolve("chain-heads.log").toString())));
		// Some user must exist, or the first-run filter sends every request to /setup.
		environment.getPropertySources()
			.addLast(new MapPropertySource("sharedTestAdministrator",
					Map.of("madoguchi.bootstrap-admin-password", "shared-test-first-secret")));
	}

}
