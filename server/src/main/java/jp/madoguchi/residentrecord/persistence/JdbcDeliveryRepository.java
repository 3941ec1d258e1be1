package jp.madoguchi.residentrecord.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.madoguchi.moving.NotificationKind;
import jp.madoguchi.residentrecord.DeliveryState;
import jp.madoguchi.platform.database.OwnedRows;
import jp.madoguchi.residentrecord.domain.Delivery;
import jp.madoguchi.residentrecord.domain.DeliveryRepository;
import jp.madoguchi.residentrecord.domain.DeliveryStatistics;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDeliveryRepository implements DeliveryRepository {

	private static final String COLUMNS = "*";

	private final JdbcClient jdbc;

	JdbcDeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean enqueue(UUID notificationId, Instant acceptedAt, String acceptedBy, NotificationKind kind) {
		return jdbc
			.sql("""
					insert into residentrecord.deliveries (id, notification_id, state, next_attempt_at, accepted_at, accepted_by,
					kind_code, kind_label, created_at, updated_at) values (?, ?, 'PENDING', now(), ?, ?, ?, ?, now(), now())
					on conflict (notification_id) do nothing""")
			.params(UUID.randomUUID(), notificationId, Timestamp.from(acceptedAt), acceptedBy, kind.code(),
					kind.label())
			.update() == 1;
	}

	@Override
	public long deleteOfNotifications(List<UUID> notificationIds) {
		return OwnedRows.delete(jdbc, "residentrecord.deliveries", "notification_id", notificationIds);
	}

	@Override
	public List<Delivery> claim(String worker, String channel, int limit, Duration lease) {
		return jdbc.sql("""
				update residentrecord.deliveries d
				set lease_until = now() + make_interval(secs => :lease), leased_by = :worker, attempts = d.attempts + 1,
				channel = :channel, updated_at = now()
				where d.id in (
					select id from residentrecord.deliveries
					where state in ('PENDING', 'FAILED_RETRYING') and next_attempt_at <= now()
					and (lease_until is null or lease_until < now())
					order by next_attempt_at limit :limit
					for update skip locked)
				returning d.*""")
			.param("lease", (double) lease.toMillis() / 1000)
			.param("worker", worker)
			.param("channel", channel)
			.param("limit", limit)
			.query(JdbcDeliveryRepository::map)
			.list();
	}

	@Override
	public List<Delivery> lockDelivered(String channel, int limit) {
		return jdbc.sql("""
				select * from residentrecord.deliveries where state = 'DELIVERED' and channel = ?
				order by delivered_at limit ? for update skip locked""")
			.params(channel, limit)
			.query(JdbcDeliveryRepository::map)
			.list();
	}

	@Override
	public boolean finishAttempt(UUID id, String worker, DeliveryState state, @Nullable String error,
			@Nullable String sha256, @Nullable String notes, Duration retryIn) {
		return jdbc
			.sql("""
						update residentrecord.deliveries set state = :state, lease_until = null, leased_by = null,
						last_error = :error, content_sha256 = coalesce(:sha, content_sha256),
					notes = case when cast(:sha as text) is null then notes else :notes end,
						next_attempt_at = now() + make_interval(secs => :retryIn),
						delivered_at = case when :state in ('DELIVERED', 'SENT') then coalesce(delivered_at, now()) else delivered_at end,
						acknowledged_at = case when :state = 'SENT' then now() else acknowledged_at end,
						updated_at = now()
						where id = :id and leased_by = :worker""")
			.param("state", state.name())
			.param("error", error)
			.param("sha", sha256)
			.param("notes", notes)
			.param("retryIn", (double) retryIn.toMillis() / 1000)
			.param("id", id)
			.param("worker", worker)
			.update() == 1;
	}

	@Override
	public void release(UUID id, String worker, String reason, Duration retryIn) {
		jdbc.sql("""
				update residentrecord.deliveries set lease_until = null, leased_by = null, attempts = attempts - 1,
				last_error = :reason, next_attempt_at = now() + make_interval(secs => :retryIn), updated_at = now()
				where id = :id and leased_by = :worker""")
			.param("reason", reason)
			.param("retryIn", (double) retryIn.toMillis() / 1000)
			.param("id", id)
			.param("worker", worker)
			.update();
	}

	@Override
	public void acknowledge(UUID id, DeliveryState state, @Nullable String error) {
		jdbc.sql("""
				update residentrecord.deliveries set state = :state, last_error = :error,
				acknowledged_at = case when :state = 'SENT' then now() else acknowledged_at end, updated_at = now()
				where id = :id""").param("state", state.name()).param("error", error).param("id", id).update();
	}

	@Override
	public boolean retry(UUID id) {
		return jdbc.sql("""
				update residentrecord.deliveries set state = 'PENDING', attempts = 0, next_attempt_at = now(),
				lease_until = null, leased_by = null, updated_at = now()
				where id = ? and state in ('FAILED_RETRYING', 'DEAD', 'ERROR')""").param(id).update() == 1;
	}

	@Override
	public Optional<Delivery> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from residentrecord.deliveries where id = ?")
			.param(id)
			.query(JdbcDeliveryRepository::map)
			.optional();
	}

	@Override
	public Optional<Delivery> findByNotification(UUID notificationId) {
		return jdbc.sql("select " + COLUMNS + " from residentrecord.deliveries where notification_id = ?")
			.param(notificationId)
			.query(JdbcDeliveryRepository::map)
			.optional();
	}

	@Override
	public List<Delivery> list(@Nullable DeliveryState state, int limit) {
		if (state == null) {
			return jdbc.sql("select " + COLUMNS + " from residentrecord.deliveries order by created_at desc limit ?")
				.param(limit)
				.query(JdbcDeliveryRepository::map)
				.list();
		}
		return jdbc
			.sql("select " + COLUMNS
					+ " from residentrecord.deliveries where state = ? order by created_at desc limit ?")
			.params(state.name(), limit)
			.query(JdbcDeliveryRepository::map)
			.list();
	}

	@Override
	public DeliveryStatistics statistics() {
		Map<DeliveryState, Long> counts = jdbc
			.sql("select state, count(*) as n from residentrecord.deliveries group by state")
			.query((rs, n) -> Map.entry(DeliveryState.valueOf(rs.getString("state")), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		// min() of no rows is one row holding null (none unsent, e.g. a new
		// installation):
		// single() of a Timestamp refuses a null value.
		Timestamp oldest = jdbc.sql("select min(created_at) from residentrecord.deliveries where state <> 'SENT'")
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)))
			.single()
			.orElse(null);
		return new DeliveryStatistics(counts, (oldest != null) ? oldest.toInstant() : null);
	}

	private static Delivery map(ResultSet rs, int row) throws SQLException {
		return new Delivery(rs.getObject("id", UUID.class), rs.getObject("notification_id", UUID.class),
				DeliveryState.valueOf(rs.getString("state")), rs.getString("channel"), rs.getInt("attempts"),
				rs.getTimestamp("next_attempt_at").toInstant(), instant(rs.getTimestamp("lease_until")),
				rs.getString("last_error"), rs.getString("content_sha256"), rs.getString("notes"),
				rs.getTimestamp("accepted_at").toInstant(), rs.getString("accepted_by"),
				rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("delivered_at")),
				instant(rs.getTimestamp("acknowledged_at")), rs.getTimestamp("updated_at").toInstant(),
				(rs.getString("kind_code") != null)
						? new NotificationKind(rs.getString("kind_code"), rs.getString("kind_label")) : null);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
