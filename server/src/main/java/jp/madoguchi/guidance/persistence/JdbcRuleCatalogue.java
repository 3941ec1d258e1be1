package jp.madoguchi.guidance.persistence;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.madoguchi.guidance.domain.Procedure;
import jp.madoguchi.guidance.domain.RuleCatalogue;
import jp.madoguchi.guidance.domain.RuleVersion;
import jp.madoguchi.guidance.domain.Translation;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@link RuleCatalogue} in schema {@code guidance}. */
@Repository
class JdbcRuleCatalogue implements RuleCatalogue {

	private final JdbcClient jdbc;

	JdbcRuleCatalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long revision() {
		return jdbc.sql("select revision from guidance.revision where id = 1").query(Long.class).single();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Procedure> procedures() {
		Map<String, List<Translation>> translations = translations().stream()
			.collect(Collectors.groupingBy(Translation::code));
		return jdbc.sql("select * from guidance.procedures order by route_order, code")
			.query(JdbcRuleCatalogue::mapProcedure)
			.list()
			.stream()
			.map((p) -> translated(p, translations.getOrDefault(p.code(), List.of())))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Procedure> procedure(String code) {
		return jdbc.sql("select * from guidance.procedures where code = ?")
			.param(code)
			.query(JdbcRuleCatalogue::mapProcedure)
			.optional()
			.map((p) -> translated(p, translations().stream().filter((t) -> t.code().equals(code)).toList()));
	}

	@Override
	public List<Translation> translations() {
		return jdbc.sql("""
				select record_id, field, language, text, source_text, updated_at, updated_by
				from guidance.translations where master = 'procedure' order by record_id, field, language""")
			.query((rs, row) -> new Translation(rs.getString("record_id"), rs.getString("field"),
					rs.getString("language"), rs.getString("text"), rs.getString("source_text"),
					rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
			.list();
	}

	@Override
	@Transactional
	public void saveTranslation(String code, String field, String language, String text, String sourceText,
			String user) {
		jdbc.sql("""
				insert into guidance.translations (master, record_id, field, language, text, source_text, updated_by)
				values ('procedure', ?, ?, ?, ?, ?, ?)
				on conflict (master, record_id, field, language) do update set text = excluded.text,
				source_text = excluded.source_text, updated_at = now(), updated_by = excluded.updated_by""")
			.params(code, field, language, text, sourceText, user)
			.update();
		jdbc.sql("update guidance.revision set revision = revision + 1 where id = 1").update();
	}

	@Override
	@Transactional
	public boolean deleteTranslation(String code, String field, String language) {
		int deleted = jdbc.sql("""
				delete from guidance.translations
				where master = 'procedure' and record_id = ? and field = ? and language = ?""")
			.params(code, field, language)
			.update();
		if (deleted > 0) {
			jdbc.sql("update guidance.revision set revision = revision + 1 where id = 1").update();
		}
		return deleted > 0;
	}

	/** The procedure with the translations that still translate its Japanese. */
	private static Procedure translated(Procedure procedure, List<Translation> stored) {
		Map<String, Map<String, String>> current = new TreeMap<>();
		for (Translation translation : stored) {
			if (translation.translates(procedure)) {
				current.computeIfAbsent(translation.language(), (language) -> new TreeMap<>())
					.put(translation.field(), translation.text());
			}
		}
		return procedure.withTranslations(current);
	}

	@Override
	public List<RuleVersion> rules() {
		return jdbc.sql("select * from guidance.rules order by procedure_code, effective_from")
			.query((rs, row) -> rule(rs))
			.list();
	}

	@Override
	public List<StoredRule> rulesOf(String code) {
		return jdbc.sql("select * from guidance.rules where procedure_code = ? order by effective_from")
			.param(code)
			.query((rs, row) -> new StoredRule(rule(rs), rs.getString("note"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
			.list();
	}

	@Override
	@Transactional
	public void saveProcedure(Procedure procedure) {
		jdbc.sql("""
				update guidance.procedures set name = ?, name_en = ?, plain_name = ?, department = ?, building = ?,
				floor = ?, counter_window = ?, documents = ?, forms = ?, explanation = ?, route_order = ?,
				no_form_reason = ?, sample = false, updated_at = now() where code = ?""")
			.params(procedure.name(), procedure.nameEn(), procedure.plainName(), procedure.department(),
					procedure.building(), procedure.floor(), procedure.window(),
					procedure.documents().toArray(String[]::new), procedure.forms().toArray(String[]::new),
					procedure.explanation(), procedure.routeOrder(), procedure.noFormReason(), procedure.code())
			.update();
		jdbc.sql("update guidance.revision set revision = revision + 1 where id = 1").update();
	}

	@Override
	@Transactional
	public RuleVersion saveRule(String code, LocalDate effectiveFrom, String source, @Nullable String note,
			String user) {
		jdbc.sql("select revision from guidance.revision where id = 1 for update").query(Long.class).single();
		Optional<UUID> sameDay = jdbc
			.sql("select id from guidance.rules where procedure_code = ? and effective_from = ?")
			.params(code, effectiveFrom)
			.query(UUID.class)
			.optional();
		UUID id;
		if (sameDay.isPresent()) {
			id = sameDay.get();
			jdbc.sql("update guidance.rules set source = ?, note = ?, created_at = now(), created_by = ? where id = ?")
				.params(source, note, user, id)
				.update();
		}
		else {
			Optional<LocalDate> next = jdbc
				.sql("select min(effective_from) from guidance.rules where procedure_code = ? and effective_from > ?")
				.params(code, effectiveFrom)
				.query((rs, row) -> Optional.ofNullable(rs.getDate(1)).map(Date::toLocalDate))
				.single();
			jdbc.sql("""
					update guidance.rules set effective_to = ?
					where procedure_code = ? and effective_from < ? and (effective_to is null or effective_to >= ?)""")
				.params(effectiveFrom.minusDays(1), code, effectiveFrom, effectiveFrom)
				.update();
			id = UUID.randomUUID();
			jdbc.sql(
					"""
							insert into guidance.rules (id, procedure_code, effective_from, effective_to, source, note, created_by)
							values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, code, effectiveFrom, next.map((day) -> day.minusDays(1)).orElse(null), source, note, user)
				.update();
		}
		jdbc.sql("update guidance.revision set revision = revision + 1 where id = 1").update();
		return jdbc.sql("select * from guidance.rules where id = ?").param(id).query((rs, row) -> rule(rs)).single();
	}

	private static Procedure mapProcedure(ResultSet rs, int row) throws SQLException {
		return new Procedure(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
				rs.getString("plain_name"), rs.getString("department"), rs.getString("building"), rs.getString("floor"),
				rs.getString("counter_window"), strings(rs.getArray("documents")), strings(rs.getArray("forms")),
				rs.getString("explanation"), rs.getInt("route_order"), rs.getString("no_form_reason"));
	}

	private static RuleVersion rule(ResultSet rs) throws SQLException {
		Date to = rs.getDate("effective_to");
		return new RuleVersion(rs.getString("id"), rs.getString("procedure_code"),
				rs.getDate("effective_from").toLocalDate(), (to != null) ? to.toLocalDate() : null,
				rs.getString("source"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}

}
