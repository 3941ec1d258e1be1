package jp.madoguchi.forms.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.forms.template.FormTemplate;
import jp.madoguchi.forms.template.TemplateJson;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Template versions in {@code forms.templates}; the highest version is in force. */
@Repository
public class FormTemplates {

	private final JdbcClient jdbc;

	FormTemplates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<StoredTemplate> current(String formId) {
		return jdbc.sql("""
				select form_id, version, definition::text, note, created_at, created_by from forms.templates
				where form_id = ? order by version desc limit 1""").param(formId).query(FormTemplates::row).optional();
	}

	public Optional<StoredTemplate> version(String formId, int version) {
		return jdbc.sql("""
				select form_id, version, definition::text, note, created_at, created_by from forms.templates
				where form_id = ? and version = ?""").param(formId).param(version).query(FormTemplates::row).optional();
	}

	/** The template in force for every form, by id. */
	public List<StoredTemplate> currentAll() {
		return jdbc.sql("""
				select distinct on (form_id) form_id, version, definition::text, note, created_at, created_by
				from forms.templates order by form_id, version desc""").query(FormTemplates::row).list();
	}

	/** Every version of a form, newest first, without the definitions' parsing cost. */
	public List<Version> versions(String formId) {
		return jdbc.sql("""
				select version, title, note, created_at, created_by from forms.templates where form_id = ?
				order by version desc""")
			.param(formId)
			.query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}

	/**
	 * Adds the next version. Two administrators saving at once cannot both get the same
	 * number: the primary key refuses the second, which then saves on top.
	 */
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

	/** A template version as stored. */
	public record StoredTemplate(String formId, int version, FormTemplate template, @Nullable String note,
			Instant createdAt, String createdBy) {

	}

	/** A version in the history list. */
	public record Version(int version, String title, @Nullable String note, Instant createdAt, String createdBy) {

	}

}
