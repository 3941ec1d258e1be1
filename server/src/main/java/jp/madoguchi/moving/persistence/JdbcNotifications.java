package jp.madoguchi.moving.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jp.madoguchi.moving.Finding;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.Person;
import jp.madoguchi.moving.NotificationStatus;
import jp.madoguchi.moving.domain.Notification;
import jp.madoguchi.moving.domain.NotificationSearch;
import jp.madoguchi.moving.domain.Notifications;
import jp.madoguchi.moving.mynumber.MyNumberVault;
import jp.madoguchi.retention.LegalHold;
import jp.madoguchi.retention.LegalHoldColumns;
import jp.madoguchi.text.SearchKeys;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All moving notifications. The content is kept as JSON exactly as given (PostgreSQL
 * keeps every code point, variation selectors included), without My Numbers: those go,
 * sealed, to {@code moving.my_numbers}. Folded name keys make search by kanji or kana an
 * index lookup.
 */
@Repository
class JdbcNotifications implements Notifications {

	private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final MyNumberVault vault;

	JdbcNotifications(JdbcClient jdbc, JsonMapper json, MyNumberVault vault) {
		this.jdbc = jdbc;
		this.json = json;
		this.vault = vault;
	}

	@Override
	public Optional<Notification> find(UUID id) {
		return jdbc.sql("select * from moving.notifications where id = ?").param(id).query(this::map).optional();
	}

	/** Stores a notification created just now. */
	@Override
	public void add(Notification notification) {
		NotificationContent content = notification.content();
		jdbc.sql(
				"""
						insert into moving.notifications (id, version, status, type, variant, moved_on, filed_on, content,
						findings, error_count, created_at, created_by, updated_at, updated_by, accepted_at, accepted_by)
						values (:id, 0, :status, :type, :variant, :movedOn, :filedOn, cast(:content as jsonb),
						cast(:findings as jsonb), :errors, :createdAt, :createdBy, :updatedAt, :updatedBy, :acceptedAt, :acceptedBy)""")
			.paramSource(parameters(notification, withoutMyNumbers(content)))
			.update();
		replaceNameKeys(notification, content.persons());
		replaceMyNumbers(notification.id(), content.persons());
	}

	@Override
	public void update(Notification notification) {
		NotificationContent content = notification.content();
		int updated = jdbc
			.sql("""
					update moving.notifications set version = version + 1, status = :status, type = :type, variant = :variant,
					moved_on = :movedOn, filed_on = :filedOn, content = cast(:content as jsonb), findings = cast(:findings as jsonb),
					error_count = :errors, updated_at = :updatedAt, updated_by = :updatedBy, accepted_at = :acceptedAt,
					accepted_by = :acceptedBy
					where id = :id and version = :version""")
			.paramSource(parameters(notification, withoutMyNumbers(content)))
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("notification " + notification.id() + " changed");
		}
		replaceNameKeys(notification, content.persons());
		replaceMyNumbers(notification.id(), content.persons());
	}

	/**
	 * The status columns and the version only: the content, the findings and the My
	 * Numbers (which a notification read from storage does not carry) stay as stored.
	 */
	@Override
	public void updateStatus(Notification notification) {
		int updated = jdbc.sql("""
				update moving.notifications set version = version + 1, status = :status, updated_at = :updatedAt,
				updated_by = :updatedBy, accepted_at = :acceptedAt, accepted_by = :acceptedBy
				where id = :id and version = :version""")
			.param("status", notification.status().name())
			.param("updatedAt", Timestamp.from(notification.updatedAt()))
			.param("updatedBy", notification.updatedBy())
			.param("acceptedAt", timestamp(notification.acceptedAt()))
			.param("acceptedBy", notification.acceptedBy())
			.param("id", notification.id())
			.param("version", notification.version())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("notification " + notification.id() + " changed");
		}
		jdbc.sql("update moving.notification_names set status = ? where notification_id = ?")
			.params(notification.status().name(), notification.id())
			.update();
	}

	private static NotificationContent withoutMyNumbers(NotificationContent content) {
		return content.withPersons(content.persons().stream().map(p -> p.withMyNumber(null)).toList());
	}

	@Override
	public void setLegalHold(UUID id, LegalHold hold) {
		LegalHoldColumns.store(jdbc, "moving.notifications", id, hold);
	}

	@Override
	public Optional<LegalHold> legalHold(UUID id) {
		return LegalHoldColumns.load(jdbc, "moving.notifications", id);
	}

	/** The My Numbers of a notification, by person position, decrypted. */
	@Override
	public List<@Nullable String> myNumbers(UUID id, int persons) {
		List<@Nullable String> numbers = new ArrayList<>();
		for (int i = 0; i < persons; i++) {
			numbers.add(null);
		}
		jdbc.sql("select position, key_id, nonce, ciphertext from moving.my_numbers where notification_id = ?")
			.param(id)
			.query((rs, n) -> {
				int position = rs.getInt("position");
				if (position < persons) {
					numbers.set(position, vault.open(new MyNumberVault.Sealed(rs.getString("key_id"),
							rs.getBytes("nonce"), rs.getBytes("ciphertext")), associatedData(id, position)));
				}
				return position;
			})
			.list();
		return numbers;
	}

	@Override
	public Set<String> myNumberKeyIds() {
		return new LinkedHashSet<>(
				jdbc.sql("select distinct key_id from moving.my_numbers").query(String.class).list());
	}

	/**
	 * Newest first. A name is looked up as an exact key first (one ordered index range,
	 * fast even for the commonest surname), then, if that leaves room, as a key prefix.
	 */
	@Override
	public List<Notification> search(NotificationSearch criteria) {
		String key = (criteria.name() != null) ? SearchKeys.fold(criteria.name()) : "";
		if (key.isEmpty()) {
			return byFilter(criteria);
		}
		List<UUID> ids = new ArrayList<>(keyMatches(true, List.of(key), criteria, criteria.limit()));
		if (ids.size() < criteria.limit()) {
			keyMatches(false, List.of(likePrefix(key), key), criteria, criteria.limit() - ids.size()).stream()
				.filter(id -> !ids.contains(id))
				.forEach(ids::add);
		}
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Notification> found = new ArrayList<>(jdbc.sql("select * from moving.notifications where id in (:ids)")
			.param("ids", ids)
			.query(this::map)
			.list());
		found.sort(Comparator.comparingInt(n -> ids.indexOf(n.id())));
		return found;
	}

	private List<UUID> keyMatches(boolean exact, List<Object> keyParameters, NotificationSearch criteria, int limit) {
		StringBuilder sql = new StringBuilder("select k.notification_id from moving.notification_names k where ")
			.append(exact ? "k.name_key = ?" : "k.name_key like ? escape '\\' and k.name_key <> ?");
		List<Object> parameters = new ArrayList<>(keyParameters);
		appendFilters(sql, parameters, criteria, "k.");
		sql.append(
				" group by k.notification_id order by max(k.filed_on) desc nulls last, max(k.created_at) desc limit ?");
		parameters.add(limit);
		return jdbc.sql(sql.toString()).params(parameters).query(UUID.class).list();
	}

	private List<Notification> byFilter(NotificationSearch criteria) {
		StringBuilder sql = new StringBuilder("select n.* from moving.notifications n where true");
		List<Object> parameters = new ArrayList<>();
		appendFilters(sql, parameters, criteria, "n.");
		sql.append(" order by n.filed_on desc nulls last, n.created_at desc limit ?");
		parameters.add(criteria.limit());
		return jdbc.sql(sql.toString()).params(parameters).query(this::map).list();
	}

	private static void appendFilters(StringBuilder sql, List<Object> parameters, NotificationSearch criteria,
			String alias) {
		if (criteria.from() != null) {
			sql.append(" and ").append(alias).append("filed_on >= ?");
			parameters.add(criteria.from());
		}
		if (criteria.to() != null) {
			sql.append(" and ").append(alias).append("filed_on <= ?");
			parameters.add(criteria.to());
		}
		if (criteria.status() != null) {
			sql.append(" and ").append(alias).append("status = ?");
			parameters.add(criteria.status().name());
		}
	}

	private void replaceNameKeys(Notification notification, List<Person> persons) {
		UUID id = notification.id();
		jdbc.sql("delete from moving.notification_names where notification_id = ?").param(id).update();
		Set<String> keys = new LinkedHashSet<>();
		for (Person person : persons) {
			addKeys(keys, person.familyName(), person.givenName());
			addKeys(keys, person.familyNameKana(), person.givenNameKana());
			if (person.foreignResident() != null) {
				addKeys(keys, person.foreignResident().nameAlphabet(), null);
				addKeys(keys, person.foreignResident().alias(), null);
			}
			addKeys(keys, person.formerSurname(), person.givenName());
		}
		if (!keys.isEmpty()) {
			jdbc.sql("insert into moving.notification_names (notification_id, name_key, filed_on, created_at, status)"
					+ " select ?, key, ?, ?, ? from unnest(?::text[]) as key")
				.params(id, notification.content().filedOn(), Timestamp.from(notification.createdAt()),
						notification.status().name(), keys.toArray(String[]::new))
				.update();
		}
	}

	/**
	 * Family name, given name and both together, so any of them finds the person by
	 * prefix.
	 */
	private static void addKeys(Set<String> keys, @Nullable String family, @Nullable String given) {
		String familyKey = (family != null) ? SearchKeys.fold(family) : "";
		String givenKey = (given != null) ? SearchKeys.fold(given) : "";
		for (String key : List.of(familyKey, givenKey, familyKey + givenKey)) {
			if (!key.isEmpty()) {
				keys.add(key);
			}
		}
	}

	private void replaceMyNumbers(UUID id, List<Person> persons) {
		jdbc.sql("delete from moving.my_numbers where notification_id = ?").param(id).update();
		for (int i = 0; i < persons.size(); i++) {
			String myNumber = persons.get(i).myNumber();
			if (myNumber != null && !myNumber.isEmpty()) {
				MyNumberVault.Sealed sealed = vault.seal(myNumber, associatedData(id, i));
				jdbc.sql("""
						insert into moving.my_numbers (notification_id, position, key_id, nonce, ciphertext)
						values (?, ?, ?, ?, ?)""")
					.params(id, i, sealed.keyId(), sealed.nonce(), sealed.ciphertext())
					.update();
			}
		}
	}

	private static String associatedData(UUID id, int position) {
		return id + "/" + position;
	}

	private MapSqlParameterSource parameters(Notification notification, NotificationContent content) {
		return new MapSqlParameterSource().addValue("id", notification.id())
			.addValue("version", notification.version())
			.addValue("status", notification.status().name())
			.addValue("type", content.type().name())
			.addValue("variant", content.variant().name())
			.addValue("movedOn", content.movedOn())
			.addValue("filedOn", content.filedOn())
			.addValue("content", json.writeValueAsString(content))
			.addValue("findings", json.writeValueAsString(notification.findings()))
			.addValue("errors", notification.findings().stream().filter(Finding::isError).count())
			.addValue("createdAt", Timestamp.from(notification.createdAt()))
			.addValue("createdBy", notification.createdBy())
			.addValue("updatedAt", Timestamp.from(notification.updatedAt()))
			.addValue("updatedBy", notification.updatedBy())
			.addValue("acceptedAt", timestamp(notification.acceptedAt()))
			.addValue("acceptedBy", notification.acceptedBy());
	}

	private Notification map(ResultSet rs, int row) throws SQLException {
		NotificationContent content = json.readValue(rs.getString("content"), NotificationContent.class);
		List<Finding> findings = json.readValue(rs.getString("findings"), FINDINGS);
		Timestamp acceptedAt = rs.getTimestamp("accepted_at");
		return new Notification(rs.getObject("id", UUID.class), rs.getInt("version"),
				NotificationStatus.valueOf(rs.getString("status")), content, findings,
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"),
				(acceptedAt != null) ? acceptedAt.toInstant() : null, rs.getString("accepted_by"));
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static String likePrefix(String key) {
		return key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
