package jp.madoguchi.guidance.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.guidance.Guide;
import jp.madoguchi.guidance.ResidentTexts;
import jp.madoguchi.guidance.rules.Rule;
import jp.madoguchi.guidance.rules.RuleSyntaxException;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.platform.CsvTable;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing the master's rules (counter role): a rule is stored only once it compiles, and
 * a draft can be tried on a sample household before it is saved.
 */
@Service
public class RuleAdministration {

	private final RuleCatalogue catalogue;

	private final AuditTrail audit;

	RuleAdministration(RuleCatalogue catalogue, AuditTrail audit) {
		this.catalogue = catalogue;
		this.audit = audit;
	}

	public List<Procedure> procedures() {
		return catalogue.procedures();
	}

	public Procedure procedure(String code) {
		return catalogue.procedure(code).orElseThrow(() -> ProblemException.notFound("PROCEDURE_NOT_FOUND", code));
	}

	public List<RuleCatalogue.StoredRule> rules(String code) {
		procedure(code);
		return catalogue.rulesOf(code);
	}

	/**
	 * Stores a rule version.
	 * @throws ProblemException 422 {@code RULE_INVALID} with {@code line}, {@code column}
	 * and {@code reason} when the text does not compile; 404 for an unknown procedure
	 */
	@Transactional
	public RuleVersion save(String code, LocalDate effectiveFrom, String source, @Nullable String note, String user) {
		procedure(code);
		compile(source);
		RuleVersion saved = catalogue.saveRule(code, effectiveFrom, source, note, user);
		// The rules decide what residents are told to do: who changed them, and when, is
		// kept.
		audit.record(AuditEntry.success("GUIDANCE_RULE_SAVED", "procedure:" + code, "effectiveFrom=" + effectiveFrom));
		return saved;
	}

	/**
	 * Stores what a procedure says. Names, department and counter must not be blank:
	 * residents read them on the guide sheet.
	 */
	@Transactional
	public Procedure saveProcedure(Procedure changed, String user) {
		procedure(changed.code());
		for (String required : List.of(changed.name(), changed.plainName(), changed.department(), changed.building())) {
			if (required.isBlank()) {
				throw ProblemException.invalid("VALIDATION_FAILED").because("procedureRequired");
			}
		}
		if (changed.routeOrder() < 0 || changed.routeOrder() > 9999) {
			throw ProblemException.invalid("VALIDATION_FAILED").because("routeOrder");
		}
		catalogue.saveProcedure(changed);
		audit.record(AuditEntry.success("GUIDANCE_PROCEDURE_SAVED", "procedure:" + changed.code(), "by " + user));
		return procedure(changed.code());
	}

	/**
	 * Every text residents read of one procedure, in every translated language, with its
	 * state (the English name is the procedure's {@code nameEn}).
	 */
	public List<TranslationState> translations(String code) {
		Procedure procedure = procedure(code);
		List<Translation> stored = catalogue.translations().stream().filter((t) -> t.code().equals(code)).toList();
		return states(procedure,
				texts(procedure, catalogue.rulesOf(code).stream().map(RuleCatalogue.StoredRule::version).toList()),
				stored);
	}

	/**
	 * What residents do not get in their language, over the whole master, by language.
	 */
	public Map<String, List<TranslationState>> missingTranslations() {
		List<Translation> stored = catalogue.translations();
		List<RuleVersion> rules = catalogue.rules();
		Map<String, List<TranslationState>> missing = new LinkedHashMap<>();
		ResidentTexts.TRANSLATED.forEach((language) -> missing.put(language, new ArrayList<>()));
		for (Procedure procedure : catalogue.procedures()) {
			List<Translation> own = stored.stream().filter((t) -> t.code().equals(procedure.code())).toList();
			List<RuleVersion> its = rules.stream().filter((r) -> r.procedureCode().equals(procedure.code())).toList();
			for (TranslationState state : states(procedure, texts(procedure, its), own)) {
				if (state.missing()) {
					missing.get(state.language()).add(state);
				}
			}
		}
		return missing;
	}

	/**
	 * Stores the translation of one text, for the Japanese as it is now.
	 * @throws ProblemException 404 for an unknown procedure, 422 for a field the
	 * procedure does not have, a language that is not translated, the English name (that
	 * is the procedure's {@code nameEn}) or an empty or overlong text
	 */
	@Transactional
	public TranslationState saveTranslation(String code, String language, String field, String text, String user) {
		Procedure procedure = procedure(code);
		String japanese = checkedField(procedure, language, field, texts(procedure));
		String translated = text.strip();
		if (translated.isEmpty() || translated.length() > 2000) {
			throw ProblemException.invalid("VALIDATION_FAILED").because("translationText");
		}
		catalogue.saveTranslation(code, field, language, translated, japanese, user);
		// What residents are told in their language is part of the master: changes are
		// kept like the Japanese ones.
		audit.record(AuditEntry.success("GUIDANCE_TRANSLATION_SAVED", "procedure:" + code,
				"language=" + language + " field=" + field + " by " + user));
		return translations(code).stream()
			.filter((s) -> s.field().equals(field) && s.language().equals(language))
			.findFirst()
			.orElseThrow();
	}

	/** Removes a translation (residents get English, else Japanese). */
	@Transactional
	public void deleteTranslation(String code, String language, String field, String user) {
		Procedure procedure = procedure(code);
		checkedField(procedure, language, field, texts(procedure));
		if (catalogue.deleteTranslation(code, field, language)) {
			audit.record(AuditEntry.success("GUIDANCE_TRANSLATION_DELETED", "procedure:" + code,
					"language=" + language + " field=" + field + " by " + user));
		}
	}

	private Map<String, String> texts(Procedure procedure) {
		return texts(procedure,
				catalogue.rulesOf(procedure.code()).stream().map(RuleCatalogue.StoredRule::version).toList());
	}

	/**
	 * What residents read of a procedure, by field: its texts and the reason templates of
	 * its rule versions that compile ({@code reason.<hash>},
	 * {@link Procedure#reasonField}).
	 */
	static Map<String, String> texts(Procedure procedure, List<RuleVersion> rules) {
		Map<String, String> texts = new LinkedHashMap<>(procedure.residentTexts());
		for (RuleVersion rule : rules) {
			try {
				Rule.parse(rule.source())
					.reasonTemplates()
					.forEach((t) -> texts.putIfAbsent(Procedure.reasonField(t), t));
			}
			catch (RuleSyntaxException skipped) {
				// a rule that does not compile gives no reasons (the guide reports it)
			}
		}
		return texts;
	}

	private static String checkedField(Procedure procedure, String language, String field, Map<String, String> texts) {
		if (!ResidentTexts.TRANSLATED.contains(language)) {
			throw ProblemException.invalid("VALIDATION_FAILED").because("translationLanguage");
		}
		String japanese = texts.get(field);
		if (japanese == null || (language.equals("en") && field.equals(Procedure.NAME))) {
			throw ProblemException.invalid("VALIDATION_FAILED").because("translationField");
		}
		return japanese;
	}

	private static List<TranslationState> states(Procedure procedure, Map<String, String> texts,
			List<Translation> stored) {
		List<TranslationState> states = new ArrayList<>();
		texts.forEach((field, japanese) -> {
			for (String language : ResidentTexts.TRANSLATED) {
				if (language.equals("en") && field.equals(Procedure.NAME)) {
					boolean named = !procedure.nameEn().isBlank();
					states.add(new TranslationState(procedure.code(), field, japanese, language,
							named ? TranslationState.Status.TRANSLATED : TranslationState.Status.MISSING,
							named ? procedure.nameEn() : null));
					continue;
				}
				Translation found = stored.stream()
					.filter((t) -> t.field().equals(field) && t.language().equals(language))
					.findFirst()
					.orElse(null);
				TranslationState.Status status = (found == null) ? TranslationState.Status.MISSING
						: found.sourceText().equals(japanese) ? TranslationState.Status.TRANSLATED
								: TranslationState.Status.OUTDATED;
				states.add(new TranslationState(procedure.code(), field, japanese, language, status,
						(found != null) ? found.text() : null));
			}
		});
		return states;
	}

	/** A row of a procedure file: its line and what the procedure is to say. */
	public record ImportedProcedure(long line, Procedure procedure) {
	}

	/**
	 * Replaces what the procedures of a file say (the city's departments, counters,
	 * documents), all or none; a row the master refuses (an unknown code, a required
	 * field empty) refuses the file with its line. Rules are not touched.
	 */
	@Transactional
	public List<Procedure> importProcedures(List<ImportedProcedure> rows, String user) {
		List<Procedure> saved = new ArrayList<>();
		Map<String, Long> seen = new HashMap<>();
		for (ImportedProcedure row : rows) {
			Long earlier = seen.putIfAbsent(row.procedure().code(), row.line());
			if (earlier != null) {
				throw CsvTable.atLine(row.line(), row.procedure().code() + " は " + earlier + " 行目にもあります。");
			}
			try {
				saved.add(saveProcedure(row.procedure(), user));
			}
			catch (ProblemException refused) {
				throw CsvTable.atLine(row.line(), refused.getLocalizedMessage());
			}
		}
		audit.record(AuditEntry.success("GUIDANCE_PROCEDURES_IMPORTED", "procedures",
				"saved=" + saved.size() + " by " + user));
		return saved;
	}

	/** Compiles a rule text or refuses it with where and why. */
	public static Rule compile(String source) {
		try {
			return Rule.parse(source);
		}
		catch (RuleSyntaxException ex) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "RULE_INVALID",
					Map.of("line", ex.line(), "column", ex.column(), "reason", ex.reason()), ex.getMessage());
		}
	}

	/**
	 * Evaluates a draft rule of one procedure on a sample notification, as if it were the
	 * only version in force: the preview of the rule editor.
	 */
	public Guide tryOut(String code, String source, NotificationContent sample, LocalDate on) {
		Procedure procedure = procedure(code);
		compile(source);
		RuleBook book = RuleBook.compile("preview", List.of(procedure),
				List.of(new RuleVersion("preview", code, on, null, source)));
		return GuideEngine.evaluate(book, sample, on);
	}

}
