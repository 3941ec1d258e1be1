package jp.madoguchi.guidance.domain;

import java.time.Instant;

/**
 * A stored translation of one text of a procedure (table {@code guidance.translations},
 * master {@code procedure}).
 *
 * @param field {@code name}, {@code documents.0}, …, {@code explanation},
 * {@code noFormReason}
 * @param language {@code en}, {@code zh}, {@code ko}, {@code vi} or {@code pt}
 * @param sourceText the Japanese it translates, as it was when translated: when the
 * Japanese changes, the translation is outdated and residents no longer see it
 */
public record Translation(String code, String field, String language, String text, String sourceText, Instant updatedAt,
		String updatedBy) {

	/** Whether it still translates the procedure's Japanese. */
	public boolean translates(Procedure procedure) {
		if (field.startsWith(Procedure.REASON)) {
			// a rule reason: named after its Japanese template, so it translates that
			// text
			return field.equals(Procedure.reasonField(sourceText));
		}
		return sourceText.equals(procedure.residentTexts().get(field));
	}

}
