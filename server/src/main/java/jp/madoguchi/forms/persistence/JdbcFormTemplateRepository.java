package jp.madoguchi.forms.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.forms.domain.FormTemplateRepository;
import jp.madoguchi.forms.domain.StoredTemplate;
import jp.madoguchi.forms.domain.TemplateVersion;
import jp.madoguchi.forms.template.FormTemplate;
import jp.madoguchi.forms.template.TemplateJson;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFormTemplateRepository implements FormTemplateRepository {

	private final JdbcClient jdbc;

	JdbcFormTemplateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<StoredTemplate> current(String formId) {
		return jdbc.sql("""
				select form_id, version, definition::text, note, created_at, created_by from forms.templates
				where form_id = ? order by version desc limit 1""")
			.param(formId)
			.query(JdbcFormTemplateRepository::row)
			.optional();
	}

	@Override
	public Optional<StoredTemplate> version(String formId, int version) {
		return jdbc.sql("""
				select form_id, version, definition::text, note, created_at, created_by from forms.templates
				where form_id = ? and version = ?""")
			.param(formId)
			.param(version)
			.query(JdbcFormTemplateRepository::row)
			.optional();
	}

	@Override
	public List<StoredTemplate> currentAll() {
		return jdbc.sql("""
				select distinct on (form_id) form_id, version, definition::text, note, created_at, created_by
				from forms.templates order by form_id, version desc""").query(JdbcFormTemplateRepository::row).list();
	}

	@Override
	public List<TemplateVersion> versions(String formId) {
		return jdbc.sql("""
				select version, title, note, created_at, created_by from forms.templates where form_id = ?
				order by version desc""")
			.param(formId)
			.query((rs, n) -> new TemplateVersion(rs.getInt(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}

	@Override
	public int add(FormTemplate template, @Nullable String note, String by, Instant at) {
		return jdbc.sql("""
				insert into forms.templates (form_id, version, title, definition, note, created_at, created_by)
				values (:id, coalesce((select max(version) from forms.templates where form_id = :id), 0) + 1,
				        :title, cast(:definition as jsonb), :note, :at, :by)
				returning version""")
			.param("id", template.id())
			.param("title", template.title())
			.param("definition", TemplateJson.write(template))
			.param("note", note)
			.param("at", java.sql.Timestamp.from(at))
			.param("by", by)
			.query(Integer.class)
			.single();
	}

	private static StoredTemplate row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String formId = rs.getString(1);
		return new StoredTemplate(formId, rs.getInt(2),
				TemplateJson.parse(rs.getString(3), "「" + formId + "」版" + rs.getInt(2)), rs.getString(4),
				rs.getTimestamp(5).toInstant(), rs.getString(6));
	}

}
