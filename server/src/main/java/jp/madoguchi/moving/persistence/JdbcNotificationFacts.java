package jp.madoguchi.moving.persistence;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.moving.NotificationFacts;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.NotificationType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads only the columns statistics need, never the content. */
@Repository
class JdbcNotificationFacts implements NotificationFacts {

	private final JdbcClient jdbc;

	JdbcNotificationFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Fact> createdBetween(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select type, variant, status, filed_on, created_at, accepted_at from moving.notifications
				where created_at >= (cast(? as date))::timestamp at time zone 'Asia/Tokyo'
				  and created_at < (cast(? as date) + 1)::timestamp at time zone 'Asia/Tokyo'
				order by created_at""").params(from, to).query((rs, row) -> {
			Timestamp accepted = rs.getTimestamp("accepted_at");
			return new Fact(NotificationType.valueOf(rs.getString("type")),
					NotificationType.Variant.valueOf(rs.getString("variant")),
					NotificationStatus.valueOf(rs.getString("status")), rs.getObject("filed_on", LocalDate.class),
					rs.getTimestamp("created_at").toInstant(), (accepted != null) ? accepted.toInstant() : null);
		}).list();
	}

	@Override
	public Map<UUID, NotificationType> typesOf(Collection<UUID> ids) {
		Map<UUID, NotificationType> types = new HashMap<>();
		if (ids.isEmpty()) {
			return types;
		}
		jdbc.sql("select id, type from moving.notifications where id = any(?)")
			.param(ids.toArray(new UUID[0]))
			.query((rs, row) -> Map.entry(rs.getObject("id", UUID.class),
					NotificationType.valueOf(rs.getString("type"))))
			.list()
			.forEach((entry) -> types.put(entry.getKey(), entry.getValue()));
		return types;
	}

}
