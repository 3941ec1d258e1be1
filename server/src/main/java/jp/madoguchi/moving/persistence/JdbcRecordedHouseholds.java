package jp.madoguchi.moving.persistence;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.moving.domain.RecordedHousehold;
import jp.madoguchi.moving.domain.RecordedHouseholds;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code moving.recorded_households}: the households of a draft started from the record,
 * as one JSON array per notification.
 */
@Repository
class JdbcRecordedHouseholds implements RecordedHouseholds {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcRecordedHouseholds(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void add(UUID notificationId, List<RecordedHousehold> households) {
		jdbc.sql("insert into moving.recorded_households (notification_id, households) values (?, cast(? as jsonb))")
			.params(notificationId, json.writeValueAsString(households))
			.update();
	}

	@Override
	public List<RecordedHousehold> find(UUID notificationId) {
		return jdbc.sql("select households from moving.recorded_households where notification_id = ?")
			.param(notificationId)
			.query(String.class)
			.optional()
			.map(text -> Arrays.asList(json.readValue(text, RecordedHousehold[].class)))
			.orElse(List.of());
	}

}
