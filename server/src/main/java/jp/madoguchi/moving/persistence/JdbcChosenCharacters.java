package jp.madoguchi.moving.persistence;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.moving.CharacterChoice;
import jp.madoguchi.moving.domain.ChosenCharacters;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcChosenCharacters implements ChosenCharacters {

	private final JdbcClient jdbc;

	JdbcChosenCharacters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<CharacterChoice> of(UUID notificationId) {
		return jdbc.sql("""
				select field, original, replacement, chosen_by, chosen_at from moving.character_choices
				 where notification_id = ? order by field, original""")
			.param(notificationId)
			.query((rs, n) -> new CharacterChoice(rs.getString("field"), rs.getString("original"),
					rs.getString("replacement"), rs.getString("chosen_by"), rs.getTimestamp("chosen_at").toInstant()))
			.list();
	}

	@Override
	public void save(UUID notificationId, CharacterChoice choice) {
		jdbc.sql(
				"""
						insert into moving.character_choices (notification_id, field, original, replacement, chosen_by, chosen_at)
						values (?, ?, ?, ?, ?, ?)
						on conflict (notification_id, field, original) do update
						   set replacement = excluded.replacement, chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at""")
			.params(notificationId, choice.field(), choice.original(), choice.replacement(), choice.chosenBy(),
					Timestamp.from(choice.chosenAt()))
			.update();
	}

}
