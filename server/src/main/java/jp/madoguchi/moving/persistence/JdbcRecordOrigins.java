package jp.madoguchi.moving.persistence;

import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.moving.RecordOrigin;
import jp.madoguchi.moving.domain.RecordOrigins;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code moving.record_origins}: one JSON document per notification started from the
 * record.
 */
@Repository
class JdbcRecordOrigins implements RecordOrigins {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcRecordOrigins(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void add(UUID notificationId, RecordOrigin origin) {
		jdbc.sql("insert into moving.record_origins (notification_id, origin) values (?, cast(? as jsonb))")
			.params(notificationId, json.writeValueAsString(origin))
			.update();
	}

	@Override
	public void update(UUID notificationId, RecordOrigin origin) {
		jdbc.sql("update moving.record_origins set origin = cast(? as jsonb) where notification_id = ?")
			.params(json.writeValueAsString(origin), notificationId)
			.update();
	}

	@Override
	public Optional<RecordOrigin> find(UUID notificationId) {
		return jdbc.sql("select origin from moving.record_origins where notification_id = ?")
			.param(notificationId)
			.query(String.class)
			.optional()
			.map(text -> json.readValue(text, RecordOrigin.class));
	}

}
