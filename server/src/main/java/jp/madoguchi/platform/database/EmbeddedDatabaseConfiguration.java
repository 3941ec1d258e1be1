package jp.madoguchi.platform.database;

import java.io.IOException;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.madoguchi.platform.MadoguchiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, Madoguchi runs its own PostgreSQL 17 in
 * {@code <data-dir>/postgres}: data survives restarts, and the server is stopped cleanly
 * (fast shutdown, a checkpoint) when the application context closes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(MadoguchiProperties properties) throws IOException {
		long started = System.nanoTime();
		EmbeddedPostgres postgres = EmbeddedDatabase.start(properties.dataDir());
		log.info("Embedded PostgreSQL started in {} ms on port {} with data in {}",
				(System.nanoTime() - started) / 1_000_000, postgres.getPort(),
				EmbeddedDatabase.directory(properties.dataDir()));
		return postgres;
	}

	@Bean
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl(EmbeddedDatabase.USER, EmbeddedDatabase.DATABASE));
		dataSource.setUsername(EmbeddedDatabase.USER);
		dataSource.setPoolName("madoguchi");
		return dataSource;
	}

}
