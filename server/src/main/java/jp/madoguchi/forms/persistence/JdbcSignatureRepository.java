package jp.madoguchi.forms.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.forms.domain.SignatureRepository;
import jp.madoguchi.forms.domain.StoredSignature;
import jp.madoguchi.platform.database.OwnedRows;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSignatureRepository implements SignatureRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> HASHES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	JdbcSignatureRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(StoredSignature signature) {
		jdbc.sql(
				"""
						insert into forms.signatures (id, notification_id, content_hash, strokes, signed_at, captured_by, signer,
						form_hashes) values (?, ?, ?, cast(? as jsonb), ?, ?, ?, cast(? as jsonb))""")
			.params(signature.id(), signature.notificationId(), signature.contentHash(), signature.strokesJson(),
					Timestamp.from(signature.signedAt()), signature.capturedBy(), signature.signer(),
					(signature.formHashes() != null) ? JSON.writeValueAsString(signature.formHashes()) : null)
			.update();
	}

	@Override
	public Optional<StoredSignature> latest(UUID notificationId) {
		return jdbc
			.sql("""
					select id, notification_id, content_hash, strokes::text, signed_at, captured_by, signer, form_hashes::text
					from forms.signatures where notification_id = ? order by signed_at desc, id limit 1""")
			.param(notificationId)
			.query(JdbcSignatureRepository::map)
			.optional();
	}

	@Override
	public List<StoredSignature> latestPerSigner(UUID notificationId) {
		return jdbc.sql("""
				select distinct on (coalesce(signer, '')) id, notification_id, content_hash, strokes::text, signed_at,
				captured_by, signer, form_hashes::text
				from forms.signatures where notification_id = ?
				order by coalesce(signer, ''), signed_at desc, id""")
			.param(notificationId)
			.query(JdbcSignatureRepository::map)
			.list();
	}

	private static StoredSignature map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new StoredSignature(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
				(rs.getString(8) != null) ? JSON.readValue(rs.getString(8), HASHES) : null);
	}

	@Override
	public long deleteOfNotifications(List<UUID> notificationIds) {
		return OwnedRows.delete(jdbc, "forms.signatures", "notification_id", notificationIds);
	}

}
