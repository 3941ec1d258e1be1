package jp.madoguchi.guidance.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.guidance.ResidentTexts;
import jp.madoguchi.guidance.rules.Rule;
import org.jspecify.annotations.Nullable;

/**
 * Picks a procedure's texts for a resident: the language asked for, else English, else
 * Japanese; やさしい日本語 uses the master's plain name and the Japanese texts. The English name
 * is the master's {@code nameEn}; every other English text is a translation like the
 * others.
 */
public final class ProcedureTexts {

	private ProcedureTexts() {
	}

	public static ResidentTexts in(Procedure procedure, String requested) {
		return in(procedure, requested, List.of());
	}

	/**
	 * With the reasons the rules gave: each in the language asked for (the translation of
	 * its template, {@link Procedure#reasonField(String)}), else English, else Japanese;
	 * やさしい日本語 keeps the Japanese.
	 */
	public static ResidentTexts in(Procedure procedure, String requested, List<Rule.Reason> explained) {
		String language = ResidentTexts.language(requested);
		Map<String, String> fallbacks = new LinkedHashMap<>();
		String name;
		if (language.equals("easy")) {
			name = procedure.plainName().isBlank() ? procedure.name() : procedure.plainName();
		}
		else {
			name = text(procedure, language, Procedure.NAME, procedure.name(), fallbacks);
		}
		List<String> documents = new ArrayList<>();
		for (int i = 0; i < procedure.documents().size(); i++) {
			documents.add(text(procedure, language, Procedure.DOCUMENTS + i, procedure.documents().get(i), fallbacks));
		}
		String explanation = procedure.explanation().isBlank() ? ""
				: text(procedure, language, Procedure.EXPLANATION, procedure.explanation(), fallbacks);
		String noFormReason = (procedure.noFormReason() == null) ? null
				: text(procedure, language, Procedure.NO_FORM_REASON, procedure.noFormReason(), fallbacks);
		List<String> reasons = new ArrayList<>();
		for (int i = 0; i < explained.size(); i++) {
			Rule.Reason reason = explained.get(i);
			reasons.add(reason(procedure, language, reason, ResidentTexts.reasonKey(i), fallbacks));
		}
		return new ResidentTexts(language, name, documents, explanation, noFormReason, reasons, fallbacks);
	}

	private static String reason(Procedure procedure, String language, Rule.Reason reason, String key,
			Map<String, String> fallbacks) {
		if (language.equals("ja") || language.equals("easy")) {
			return reason.text();
		}
		String field = Procedure.reasonField(reason.template());
		String own = translation(procedure, language, field);
		if (own != null) {
			return reason.in(own);
		}
		String english = translation(procedure, "en", field);
		if (english != null) {
			fallbacks.put(key, "en");
			return reason.in(english);
		}
		fallbacks.put(key, "ja");
		return reason.text();
	}

	/** The translation of one field, or null: the English name is the master's nameEn. */
	public static @Nullable String translation(Procedure procedure, String language, String field) {
		if (language.equals("en") && field.equals(Procedure.NAME)) {
			return procedure.nameEn().isBlank() ? null : procedure.nameEn();
		}
		String text = procedure.translations().getOrDefault(language, Map.of()).get(field);
		return (text == null || text.isBlank()) ? null : text;
	}

	private static String text(Procedure procedure, String language, String field, String japanese,
			Map<String, String> fallbacks) {
		if (language.equals("ja") || language.equals("easy")) {
			return japanese;
		}
		String own = translation(procedure, language, field);
		if (own != null) {
			return own;
		}
		String english = translation(procedure, "en", field);
		if (english != null) {
			fallbacks.put(field, "en");
			return english;
		}
		fallbacks.put(field, "ja");
		return japanese;
	}

}
