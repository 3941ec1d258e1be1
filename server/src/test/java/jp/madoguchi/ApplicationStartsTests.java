package jp.madoguchi;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class ApplicationStartsTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void migratesTheDatabase() {
		assertThat(jdbc.sql("select count(*) from platform.flyway_schema_history where success")
			.query(Long.class)
			.single()).isPositive();
	}

}
