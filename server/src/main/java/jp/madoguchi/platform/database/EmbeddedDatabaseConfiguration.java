package jp.madoguchi.platform.database;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.madoguchi.platform.MadoguchiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, Madoguchi runs its own PostgreSQL 17 in
 * {@code <data-dir>/postgres}: data survives restarts, and the server is stopped cleanly
 * (fast shutdown, a checkpoint) when the application context closes. The pool connects as
 * {@link DatabaseRoles#APPLICATION}; Flyway migrates as {@link DatabaseRoles#OWNER}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(MadoguchiProperties properties) throws IOException {
		long started = System.nanoTime();
		EmbeddedPostgres postgres = EmbeddedDatabase.start(properties.dataDir(), false);
		log.info("Embedded PostgreSQL started in {} ms on port {} with data in {}",
				(System.nanoTime() - started) / 1_000_000, postgres.getPort(),
				EmbeddedDatabase.directory(properties.dataDir()));
		return postgres;
	}

	@Bean
	HikariDataSource dataSource(EmbeddedPostgres postgres, MadoguchiProperties properties) throws IOException {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(EmbeddedDatabase.jdbcUrl(postgres.getPort()));
		dataSource.setUsername(DatabaseRoles.APPLICATION);
		dataSource.setPassword(DatabasePasswords.read(properties.dataDir()).application());
		dataSource.setPoolName("madoguchi");
		return dataSource;
	}

	/** Only Flyway uses it: not a candidate for injection by type. */
	@Bean(defaultCandidate = false)
	@FlywayDataSource
	DataSource flywayDataSource(EmbeddedPostgres postgres, MadoguchiProperties properties) throws IOException {
		return EmbeddedDatabase.dataSource(postgres, DatabaseRoles.OWNER, DatabasePasswords.read(properties.dataDir()));
	}

}
