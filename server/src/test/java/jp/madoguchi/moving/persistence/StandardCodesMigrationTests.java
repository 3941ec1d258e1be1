package jp.madoguchi.moving.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications stored before the code masters held labels only: the moving migration
 * V2026120250 gives them their codes. Its data statements are run again here on a
 * notification stored the old way (they only add what is missing).
 */
@SpringBootTest
class StandardCodesMigrationTests {

	static final String MIGRATION = "/db/migration/moving/V2026120250__moving_standard_codes.sql";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aNotificationStoredWithLabelsGetsTheCodesOfItsLabelsAndOfItsKind() throws IOException {
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"""
						insert into moving.notifications (id, version, status, type, variant, content, findings, error_count,
						                                  created_at, created_by, updated_at, updated_by)
						values (?, 0, 'DRAFT', 'HOUSEHOLD_CHANGE', 'SEPARATION', cast(? as jsonb), '[]', 0, now(), 'legacy', now(), 'legacy')""")
			.params(id, """
					{"type":"HOUSEHOLD_CHANGE","variant":"SEPARATION","persons":[
					 {"familyName":"釧路","relationship":"世帯主"},{"familyName":"釧路","relationship":"子"},
					 {"familyName":"釧路","relationship":"いとこ"}]}""")
			.update();

		for (String statement : dataStatements()) {
			jdbc.sql(statement).update();
		}

		JsonNode content = json.readTree(jdbc.sql("select content::text from moving.notifications where id = ?")
			.param(id)
			.query(String.class)
			.single());
		assertThat(content.get("moveReasonCode").asString()).isEqualTo("41");
		assertThat(content.get("moveReason").asString()).isEqualTo("世帯分離");
		JsonNode persons = content.get("persons");
		assertThat(persons.get(0).get("relationshipCode").asString()).isEqualTo("01");
		assertThat(persons.get(1).get("relationshipCode").asString()).isEqualTo("06");
		assertThat(persons.get(1).get("familyName").asString()).isEqualTo("釧路");
		assertThat(persons.get(2).has("relationshipCode")).as("a label the master lacks gets no code").isFalse();
		assertThat(persons.get(2).get("relationship").asString()).isEqualTo("いとこ");
	}

	/** The migration's statements that change stored notifications. */
	static String[] dataStatements() throws IOException {
		String sql;
		try (InputStream in = StandardCodesMigrationTests.class.getResourceAsStream(MIGRATION)) {
			sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String data = sql.substring(sql.indexOf("update moving.notifications"));
		return data.split(";\\s*(\\n|$)");
	}

}
